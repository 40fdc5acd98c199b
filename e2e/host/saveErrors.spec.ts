import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';
import { readEvents, readNoteTexts } from '../support/libraryFiles';

test('a failed save is shown with its reason, retried, and nothing typed meanwhile is lost', async ({ page, host }) => {
  const app = new HallnotesApp(page);
  await app.createEvent({ title: 'Fragile Fest', startDate: '2026-09-01' });
  await app.addSession({ title: 'Storage talk', start: '10:00', end: '10:30' });
  await app.openSession('Storage talk');
  await app.typeInNote('Before the outage.');
  await app.waitUntilSaved();

  // Someone removes the event folder behind the app's back.
  const [event] = await readEvents(host.libraryPath);
  const eventFolder = join(host.libraryPath, 'events', event.id);
  const backup = join(host.libraryPath, '..', 'backup');
  await cp(eventFolder, backup, { recursive: true });
  await rm(eventFolder, { recursive: true });

  await app.typeInNote(' During the outage.');
  await expect(app.saveIndicator).toHaveAttribute('data-state', 'error');
  await expect(app.saveIndicator).toHaveText('Not saved');
  await expect(page.getByRole('alert')).toContainText(`There is no event with id "${event.id}"`);
  await expect(app.editor).toHaveText('Before the outage. During the outage.');
  // The error stays up while retries keep failing.
  await page.waitForResponse(/\/api\/notes(%3A|:)save$/);
  await expect(app.saveIndicator).toHaveAttribute('data-state', 'error');
  await expect(page.getByRole('alert')).toContainText(`There is no event with id "${event.id}"`);

  await cp(backup, eventFolder, { recursive: true });
  await app.waitUntilSaved();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await readNoteTexts(host.libraryPath)).toEqual({ 'Storage talk': 'Before the outage. During the outage.' });
});
