import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/hostFixture';
import { readEvents } from '../support/libraryFiles';
import { NoteCapture, readStoredNote } from '../support/noteCapture';
import { noteStateText } from '../../shared/note/noteText';

async function openTalk(app: NoteCapture, title = 'Big talk'): Promise<void> {
  await app.createEvent({ title: 'Stress Summit', startDate: '2026-03-03' });
  await app.addSession({ title, start: '09:00', end: '10:00' });
  await expect(app.editor).toBeFocused();
}

async function notePath(libraryPath: string, sessionTitle: string): Promise<string> {
  for (const event of await readEvents(libraryPath)) {
    const session = event.sessions.find((candidate) => candidate.title === sessionTitle);
    if (session) return join(libraryPath, 'events', event.id, 'notes', `${session.id}.json`);
  }
  throw new Error(`No session "${sessionTitle}"`);
}

test('a 10 MB paste is refused with a message, nothing saved is lost and typing goes on', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app);
  await app.typeInNote('Kept before the paste.');
  await app.waitUntilSaved();

  await app.paste({ text: 'word '.repeat(2 * 1024 * 1024) });
  await expect(app.notice).toHaveText(/That paste is 10\.5 million characters; .*Nothing was pasted/);
  await app.typeInNote(' Still typing.');
  await expect(app.editor).toHaveText('Kept before the paste. Still typing.');
  await app.waitUntilSaved();
  expect(noteStateText(await readStoredNote(host.libraryPath, 'Big talk'))).toBe('Kept before the paste. Still typing.');

  // Formatting that is too large is dropped, the text still arrives.
  const lines = Array.from({ length: 400 }, (_, index) => `Line ${index + 1} of a long pasted transcript.`);
  const html = lines.map((line) => `<p><span style="${'font-family:Arial;'.repeat(300)}">${line}</span></p>`).join('');
  await app.paste({ html, text: lines.join('\n') });
  await expect(app.notice).toHaveText(/pasted without its formatting/);
  await expect(app.editor.locator('p').last()).toHaveText('Line 400 of a long pasted transcript.');
});

test('a 50,000-word note opens, is counted and takes typing at its end', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app, 'Marathon');
  await app.createEvent({ title: 'Second event', startDate: '2026-03-04' });
  // 500 paragraphs of 100 words: "Paragraph N brings ninety-nine words of transcript" is 7, then 90, then 3.
  const paragraph = (index: number) => `Paragraph ${index} brings ninety-nine words of transcript ${'and more words '.repeat(30)}to the note.`;
  const children = Array.from({ length: 500 }, (_, index) => ({
    type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '',
    children: [{ type: 'text', version: 1, text: paragraph(index + 1), format: 0, detail: 0, mode: 'normal', style: '' }],
  }));
  const note = { format: 1, sessionId: '', savedAt: new Date().toISOString(), editorState: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } } };
  const path = await notePath(host.libraryPath, 'Marathon');
  note.sessionId = path.split('/').pop()!.replace('.json', '');
  await writeFile(path, JSON.stringify(note));

  await app.eventInList('Stress Summit').click();
  await app.openSession('Marathon');
  await expect(app.stats.locator('.note-counts')).toHaveAttribute('data-words', '50000');
  await app.typeInNote(' The end.');
  await expect(app.editor.locator('p').last()).toHaveText(/to the note\. The end\.$/);
  await app.waitUntilSaved();
  expect(noteStateText(await readStoredNote(host.libraryPath, 'Marathon')).endsWith('to the note. The end.')).toBe(true);
});

test('a note written by a newer Hallnotes is shown as such and never overwritten', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app, 'Future note');
  await app.typeInNote('From today.');
  await app.waitUntilSaved();
  const path = await notePath(host.libraryPath, 'Future note');
  const future = JSON.stringify({ format: 2, sessionId: 'whatever', savedAt: '2030-01-01T00:00:00.000Z', editorState: { blocks: ['written by Hallnotes 2'] } });
  await writeFile(path, future);

  await app.reload();
  await app.sessionRow('Future note').locator('.session-open').click();
  const message = page.getByRole('alert').filter({ hasText: 'newer version of Hallnotes' });
  await expect(message).toContainText('The note for "Future note" was written by a newer version of Hallnotes (format 2)');
  await expect(message).toContainText('left untouched');
  await expect(app.editor).toHaveCount(0);
  await page.keyboard.type('typing goes nowhere');
  // Evidence that saving ran meanwhile: another note typed after it is on disk, and switching flushed every pending note.
  await app.addSession({ title: 'Today', start: '11:00' });
  await app.typeInNote('Saved today.');
  await app.waitUntilSaved();
  expect(noteStateText(await readStoredNote(host.libraryPath, 'Today'))).toBe('Saved today.');
  expect(await readFile(path, 'utf8')).toBe(future);
});
