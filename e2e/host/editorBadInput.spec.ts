import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/hostFixture';
import { readEvents } from '../support/libraryFiles';
import { NoteCapture, readStoredNote, storedNodes } from '../support/noteCapture';
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

/** How many levels below the root the stored note goes, the validator's measure. */
function depthOf(node: { children?: unknown[] }): number {
  return 1 + Math.max(0, ...((node.children ?? []) as Array<{ children?: unknown[] }>).map(depthOf));
}

test('a list typed 21 levels deep (84 spaces, then "- ") is kept at nine and the note goes on saving', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app, 'Deep list');
  await page.keyboard.type(`${' '.repeat(84)}- Deepest point`);
  await app.waitUntilSaved();
  await page.keyboard.press('Enter');
  await page.keyboard.type('and the next one');
  await app.waitUntilSaved();
  const stored = await readStoredNote(host.libraryPath, 'Deep list');
  expect(noteStateText(stored)).toBe('Deepest point\nand the next one');
  expect(depthOf(stored.root)).toBeLessThanOrEqual(2 * 9 + 2);
});

test('deeply nested lists and quotes pasted from a web page are flattened to what a note can hold, and saved', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app, 'Deep paste');
  const lists = `${'<ul><li>level'.repeat(30)}${'</li></ul>'.repeat(30)}`;
  const quotes = `${'<blockquote>said '.repeat(30)}the end${'</blockquote>'.repeat(30)}`;
  await app.paste({ html: `${lists}${quotes}`, text: 'level said the end' });
  await app.waitUntilSaved();
  await app.typeInNote(' Typed after.');
  await app.waitUntilSaved();
  const stored = await readStoredNote(host.libraryPath, 'Deep paste');
  expect(noteStateText(stored)).toContain('level');
  expect(noteStateText(stored)).toMatch(/the end Typed after\.$/);
  expect(depthOf(stored.root)).toBeLessThanOrEqual(2 * 9 + 2);
});

test('a paste in Lexical’s own clipboard format is cleaned like any other: no hostile timestamp, no inline style, no unsafe link, no depth past the limit', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app, 'Lexical paste');
  const text = (words: string, style = '') => ({ type: 'text', version: 1, text: words, format: 0, detail: 0, mode: 'normal', style });
  let nested: Record<string, unknown> = { type: 'listitem', version: 1, value: 1, children: [text('bottom')] };
  for (let level = 0; level < 30; level++) nested = { type: 'listitem', version: 1, value: 1, children: [{ type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul', children: [nested] }] };
  const nodes = [
    { type: 'paragraph', version: 1, children: [{ type: 'timestamp', version: 1, time: `<img src=x onerror=alert(1)>${'9'.repeat(5000)}` }, text(' keynote starts', 'color: red; background: url(https://tracker.example/p.gif)')] },
    { type: 'paragraph', version: 1, children: [{ type: 'link', version: 1, url: 'javascript:alert(1)', children: [text('click me')] }] },
    { type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul', children: [nested] },
  ];
  await app.paste({ lexical: JSON.stringify({ namespace: 'HallnotesNote', nodes }), text: 'keynote starts click me bottom' });
  await expect(app.editor).toContainText('keynote starts');
  await expect(app.editor.locator('[style]')).toHaveCount(0);
  await expect(app.editor.getByRole('link')).toHaveCount(0);
  await app.typeInNote(' More.');
  await app.waitUntilSaved();
  const stored = await readStoredNote(host.libraryPath, 'Lexical paste');
  const all = storedNodes(stored);
  expect(all.filter((node) => node.type === 'timestamp')).toEqual([]);
  expect(all.filter((node) => typeof node.style === 'string' && node.style !== '')).toEqual([]);
  expect(all.filter((node) => node.type === 'link')).toEqual([]);
  expect(noteStateText(stored)).toContain('click me');
  expect(noteStateText(stored)).toMatch(/bottom More\.$/);
  expect(depthOf(stored.root)).toBeLessThanOrEqual(2 * 9 + 2);
});
