import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';
import { NoteCapture } from '../support/noteCapture';
import { hallnotes } from '../support/hallnotesCli';
import { readEvents, readNoteTexts } from '../support/libraryFiles';

const SESSIONS = ['Alpha talk', 'Bravo panel', 'Charlie workshop'];

/** A new event with the two sessions the undo tests move between, added as a reporter adds them. */
async function eventWithAlphaAndBravo(app: NoteCapture, title: string): Promise<void> {
  await app.createEvent({ title, startDate: '2026-03-10' });
  await app.addSession({ title: 'Alpha talk', start: '10:00', end: '10:45' });
  await app.addSession({ title: 'Bravo panel', start: '11:00', end: '11:45' });
}

test('typing while switching sessions quickly puts every word into its own note', async ({ page, host }) => {
  const app = new HallnotesApp(page);
  await app.createEvent({ title: 'Switching Conf', startDate: '2026-03-10' });
  for (const [index, title] of SESSIONS.entries()) await app.addSession({ title, start: `1${index}:00`, end: `1${index}:45` });

  // A slow disk: each save takes 400 ms, so switching back usually finds the last save still in flight.
  await page.route(/\/api\/notes(%3A|:)save$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });

  // Each switch comes well inside the save debounce, so only the flush on switching saves the text.
  const steps: Array<[string, string]> = [
    ['Alpha talk', 'alpha one'],
    ['Bravo panel', 'bravo one'],
    ['Alpha talk', ' alpha two'],
    ['Charlie workshop', 'charlie one'],
    ['Bravo panel', ' bravo two'],
    ['Charlie workshop', ' charlie two'],
    ['Alpha talk', ' alpha three'],
    ['Bravo panel', ' bravo three'],
  ];
  for (const [title, text] of steps) {
    await app.openSession(title);
    await app.typeInNote(text);
  }
  const expected: Record<string, string> = {
    'Alpha talk': 'alpha one alpha two alpha three',
    'Bravo panel': 'bravo one bravo two bravo three',
    'Charlie workshop': 'charlie one charlie two',
  };

  // Switching back shows the newest text even when its save may still be on the way.
  for (const title of SESSIONS) {
    await app.openSession(title);
    await expect(app.editor).toHaveText(expected[title]);
  }
  await app.waitUntilSaved();
  await expect.poll(() => readNoteTexts(host.libraryPath)).toEqual(expected);

  await app.reload();
  for (const title of SESSIONS) {
    await app.openSession(title);
    await expect(app.editor).toHaveText(expected[title]);
  }
});

test("each session's note stays its own: undo, counts, TK markers and messages never carry over from the session before", async ({ page, host }) => {
  const app = new NoteCapture(page);
  await eventWithAlphaAndBravo(app, 'Undo Conf');
  await app.openSession('Bravo panel');
  await app.typeInNote('Bravo words');

  await app.openSession('Alpha talk');
  await app.typeInNote('Growth was TK percent');
  await expect(app.stats.locator('.note-counts')).toHaveAttribute('data-words', '4');
  await expect(app.stats.getByText('1 TK')).toBeVisible();
  await app.paste({ files: [{ name: 'agenda.pdf', type: 'application/pdf', base64: btoa('%PDF-1.7 not a photo') }] });
  await expect(app.notice).toHaveText(/"agenda\.pdf" is not a PNG/);

  await app.openSession('Bravo panel');
  await expect(app.editor).toHaveText('Bravo words');
  await expect(app.notice).toBeHidden();
  await expect(app.stats.getByText('1 TK')).toBeHidden();
  await expect(app.stats.locator('.note-counts')).toHaveAttribute('data-words', '2');
  expect(await app.highlighted('tk')).toEqual([]);
  // Undo in this note takes back what was typed in it, and never brings back the other session's text.
  await app.typeInNote(' and more');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.editor).toHaveText('Bravo words');
  for (let press = 0; press < 5; press++) await page.keyboard.press('ControlOrMeta+z');
  await expect(app.editor).toHaveText('');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(app.editor).toHaveText('Bravo words');

  await app.openSession('Alpha talk');
  await expect(app.editor).toHaveText('Growth was TK percent');
  await expect.poll(() => app.highlighted('tk')).toEqual(['TK']);
  await app.typeInNote(', said the CFO');
  await expect(app.editor).toHaveText('Growth was TK percent, said the CFO');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.editor).toHaveText('Growth was TK percent');

  await app.waitUntilSaved();
  await expect.poll(() => readNoteTexts(host.libraryPath)).toEqual({ 'Alpha talk': 'Growth was TK percent', 'Bravo panel': 'Bravo words' });
});

test('undo survives going to another session and back, the post view too: select all, type, switch away, come back, Ctrl+Z', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await eventWithAlphaAndBravo(app, 'Undo Conf');
  await app.openSession('Alpha talk');
  await page.keyboard.insertText('Three years of notes from the keynote.');
  await app.waitUntilSaved();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Oops');
  await app.waitUntilSaved();

  await app.openSession('Bravo panel');
  await app.typeInNote('Bravo words');
  await app.openSession('Alpha talk');
  await expect(app.editor).toHaveText('Oops');
  await expect(app.toolbar.getByRole('button', { name: 'Undo' })).toBeEnabled();
  // Lexical keeps the first key typed over a selection as a step of its own: "ops", then "O".
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.editor).toHaveText('O');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.editor).toHaveText('Three years of notes from the keynote.');
  // The undone text is what is saved.
  await app.waitUntilSaved();
  await expect.poll(async () => (await readNoteTexts(host.libraryPath))['Alpha talk']).toBe('Three years of notes from the keynote.');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(app.editor).toHaveText('Oops');

  // The post view replaces the note pane; coming back, the history is still there.
  await page.getByRole('button', { name: 'Write the post' }).click();
  await page.getByRole('button', { name: '← Agenda' }).click();
  await app.openSession('Alpha talk');
  await page.keyboard.press('ControlOrMeta+z');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.editor).toHaveText('Three years of notes from the keynote.');

  // Bravo's own history came along too.
  await app.openSession('Bravo panel');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.editor).toHaveText('');
});

test('a note the CLI rewrote while another session was open starts a new undo history: Ctrl+Z never turns back text this window did not write', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await eventWithAlphaAndBravo(app, 'Desk Conf');
  await app.openSession('Alpha talk');
  await app.typeInNote('Reporter draft.');
  await app.waitUntilSaved();
  const undo = app.toolbar.getByRole('button', { name: 'Undo' });

  // Away and back with nothing changed on disk: the history goes on.
  await app.openSession('Bravo panel');
  await app.openSession('Alpha talk');
  await expect(undo).toBeEnabled();

  await app.openSession('Bravo panel');
  const [event] = await readEvents(host.libraryPath);
  const alpha = event.sessions.find((session) => session.title === 'Alpha talk')!;
  const set = await hallnotes(host.libraryPath, host.configPath, ['note', 'set', event.id, alpha.id, '--from', '-'], 'Rewritten by the desk.');
  expect(set.stderr).toBe('');
  await app.openSession('Alpha talk');
  await expect(app.editor).toHaveText('Rewritten by the desk.');
  await expect(undo).toBeDisabled();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(app.editor).toHaveText('Rewritten by the desk.');
});
