import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';

test('sessions can be edited, reordered and deleted, and the agenda stays that way after reopening', async ({ page, host }) => {
  const app = new HallnotesApp(page);
  await app.createEvent({ title: 'Agenda Days', startDate: '2026-05-12', endDate: '2026-05-13', venue: 'Kulturbrauerei, Berlin' });
  await app.addSession({ title: 'Opening', start: '09:00', end: '09:30', kind: 'keynote' });
  await app.addSession({ title: 'Data panel', start: '09:30', end: '10:15', kind: 'panel', speakers: [{ name: 'Ana Silva', role: 'CTO', organisation: 'Datawell' }] });
  await app.addSession({ title: 'Lunch', start: '12:00', end: '13:00', kind: 'break' });
  await app.addSession({ title: 'Closing', start: '17:00', end: '17:30' });
  await app.addSession({ title: 'Day two opener', start: '09:00', end: '09:30', day: 2 });
  await app.selectDay(1);
  await expect(app.sessionList.locator('.session-title')).toHaveText(['Opening', 'Data panel', 'Lunch', 'Closing']);

  // Edit: new title and room, one speaker removed and two added.
  await (await app.sessionAction('Data panel', 'Edit “Data panel”')).click();
  await app.fillSessionForm({ title: 'Data sovereignty panel', room: 'Hall 2' });
  await app.dialog.getByRole('button', { name: 'Remove speaker 1' }).click();
  await app.fillSessionForm({ speakers: [{ name: 'Jonas Berg', role: 'Researcher', organisation: 'KTH' }, { name: 'Mei Lin', organisation: 'Open Data Institute' }] });
  await app.dialog.getByRole('button', { name: 'Save session' }).click();
  await expect(app.dialog).toBeHidden();
  await expect(app.sessionRow('Data sovereignty panel')).toContainText('Jonas Berg, Mei Lin');

  // Reorder with the buttons and with the keyboard.
  await app.moveSession('Closing', 'up');
  await expect(app.sessionList.locator('.session-title')).toHaveText(['Opening', 'Data sovereignty panel', 'Closing', 'Lunch']);
  await app.sessionRow('Opening').locator('.session-open').focus();
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(app.sessionList.locator('.session-title')).toHaveText(['Data sovereignty panel', 'Opening', 'Closing', 'Lunch']);
  await expect(app.sessionRow('Opening').locator('.session-open')).toBeFocused();
  // The row's buttons show only on hover, focus or for the open session, and Tab still reaches them.
  await page.mouse.move(0, 0);
  await expect(app.sessionRow('Closing').getByRole('button', { name: 'Edit “Closing”' })).toBeHidden();
  await page.keyboard.press('Tab');
  await expect(app.sessionRow('Opening').getByRole('button', { name: 'On my list: “Opening”' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(app.sessionRow('Opening').getByRole('button', { name: 'Move “Opening” up' })).toBeFocused();

  await app.deleteSession('Lunch');
  await expect(app.sessionList.locator('.session-title')).toHaveText(['Data sovereignty panel', 'Opening', 'Closing']);

  // The event's own details can be edited too; a third day appears with its new end date.
  await page.getByRole('button', { name: 'Edit event' }).click();
  await expect(app.dialog.getByLabel('Title')).toHaveValue('Agenda Days');
  await app.fillEventForm({ title: 'Agenda Days Berlin', endDate: '2026-05-14', timezone: 'Europe/Berlin' });
  await app.dialog.getByRole('button', { name: 'Save event' }).click();
  await expect(app.dialog).toBeHidden();
  await expect(app.eventInList('Agenda Days Berlin')).toBeVisible();
  await expect(page.getByRole('tab')).toHaveCount(3);

  await app.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda Days Berlin' })).toBeVisible();
  await expect(page.getByText('Europe/Berlin')).toBeVisible();
  await app.selectDay(1);
  await expect(app.sessionList.locator('.session-title')).toHaveText(['Data sovereignty panel', 'Opening', 'Closing']);
  await app.openSession('Data sovereignty panel');
  await expect(page.getByRole('list', { name: 'Speakers' }).getByRole('listitem')).toHaveText([/Jonas Berg.*Researcher, KTH/, /Mei Lin.*Open Data Institute/]);
  await expect(page.locator('.session-header')).toContainText('Hall 2');
  await app.selectDay(2);
  await expect(app.sessionList.locator('.session-title')).toHaveText(['Day two opener']);

  // The deleted session went to the library's trash, not into thin air.
  const trashed = await readdir(join(host.libraryPath, 'trash', 'sessions'));
  expect(trashed).toHaveLength(1);
});
