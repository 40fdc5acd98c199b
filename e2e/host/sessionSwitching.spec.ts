import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';
import { readNoteTexts } from '../support/libraryFiles';

const SESSIONS = ['Alpha talk', 'Bravo panel', 'Charlie workshop'];

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
