import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';
import { readEvents, readNoteTexts } from '../support/libraryFiles';
import { SafetyViews } from '../support/safetyViews';

test('a deleted session is in the trash and comes back into its agenda with its note', async ({ page, host }) => {
  const app = new HallnotesApp(page);
  const safety = new SafetyViews(page);
  await app.createEvent({ title: 'Trash Talk', startDate: '2026-04-20' });
  for (const [title, start] of [['Morning', '09:00'], ['Noon', '12:00'], ['Evening', '18:00']]) await app.addSession({ title, start });
  await app.openSession('Noon');
  await app.typeInNote('Lunch keynote notes.');
  await app.waitUntilSaved();
  await app.deleteSession('Noon');

  await safety.openTrash();
  await expect(safety.trashEntries).toHaveCount(1);
  await expect(safety.trashEntries.first()).toContainText('Noon');
  await expect(safety.trashEntries.first()).toContainText('Session of “Trash Talk” · 3 words · deleted');
  await safety.trashEntries.first().getByRole('button', { name: 'Restore “Noon”' }).click();
  await expect(safety.trashDialog).toContainText('“Noon” is back.');
  await expect(safety.trashDialog).toContainText('The trash is empty.');
  await safety.trashDialog.getByRole('button', { name: 'Done' }).click();

  await expect(app.sessionList.locator('.session-title')).toHaveText(['Morning', 'Noon', 'Evening']);
  await app.openSession('Noon');
  await expect(app.editor).toHaveText('Lunch keynote notes.');
  expect(await readNoteTexts(host.libraryPath)).toEqual({ Noon: 'Lunch keynote notes.' });
});

test('a deleted event comes back; a session whose event is gone says to restore the event first; emptying erases for good', async ({ page, host }) => {
  const app = new HallnotesApp(page);
  const safety = new SafetyViews(page);
  await app.createEvent({ title: 'Gone Fest', startDate: '2026-04-20' });
  await app.addSession({ title: 'Doomed', start: '09:00' });
  await app.addSession({ title: 'Survivor', start: '10:00' });
  await app.deleteSession('Doomed');
  const [event] = await readEvents(host.libraryPath);
  // Deleted from another front (the CLI or a script): the app has no "delete event" button.
  expect(await safety.callHost('events:delete', { eventId: event.id })).toEqual({ ok: true, value: { deleted: true } });
  await app.reload();

  await safety.openTrash();
  await expect(safety.trashEntries).toHaveCount(2);
  await safety.trashDialog.getByRole('button', { name: 'Restore “Doomed”' }).click();
  await expect(safety.trashDialog.getByRole('alert')).toContainText('Put that event back from the trash first');
  await safety.trashDialog.getByRole('button', { name: 'Restore “Gone Fest”' }).click();
  await expect(safety.trashDialog).toContainText('“Gone Fest” is back.');
  await safety.trashDialog.getByRole('button', { name: 'Restore “Doomed”' }).click();
  await expect(safety.trashDialog).toContainText('“Doomed” is back.');
  await safety.trashDialog.getByRole('button', { name: 'Done' }).click();
  await app.eventInList('Gone Fest').click();
  await expect(app.sessionList.locator('.session-title')).toHaveText(['Doomed', 'Survivor']);

  await app.deleteSession('Survivor');
  await safety.openTrash();
  await safety.trashDialog.getByRole('button', { name: 'Empty trash…' }).click();
  await safety.trashDialog.getByRole('button', { name: 'Erase for good' }).click();
  await expect(safety.trashDialog).toContainText('Erased 1 item(s) for good.');
  await expect(safety.trashDialog).toContainText('The trash is empty.');
});
