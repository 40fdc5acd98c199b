import { HallnotesApp } from '../support/hallnotesApp';
import { readNoteTexts } from '../support/libraryFiles';
import { expect, test } from '../support/restartableHost';

test('stopping the host (Ctrl+C) first saves what an open page has not saved yet', async ({ page, hosts }) => {
  const host = await hosts.start();
  await page.goto(host.url);
  const app = new HallnotesApp(page);
  await app.createEvent({ title: 'Closing Time', startDate: '2026-09-01' });
  await app.addSession({ title: 'Last talk', start: '17:00', end: '18:00' });
  await app.typeInNote('Saved long before.');
  await app.waitUntilSaved();

  await page.keyboard.type(' Typed right before Ctrl+C.');
  // At once: the note's own save is still hundreds of milliseconds away.
  await host.stop();

  expect((await readNoteTexts(hosts.libraryPath))['Last talk']).toBe('Saved long before. Typed right before Ctrl+C.');
  expect(host.output()).toContain('Saving what 1 open page holds');
});
