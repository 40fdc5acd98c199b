import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';

test('bad event and session input gets a message naming what is wrong', async ({ page }) => {
  const app = new HallnotesApp(page);
  await page.getByRole('button', { name: 'New event' }).first().click();
  await app.fillEventForm({ title: '   ', startDate: '2026-06-10', endDate: '2026-06-08' });
  await app.dialog.getByRole('button', { name: 'Create event' }).click();
  await expect(app.dialog.getByText('Title must not be empty.')).toBeVisible();
  await expect(app.dialog.getByLabel('Title')).toBeFocused();

  await app.fillEventForm({ title: 'Validation Summit' });
  await app.dialog.getByRole('button', { name: 'Create event' }).click();
  await expect(app.dialog.getByText(/End date must be on or after the start date/)).toBeVisible();
  await app.fillEventForm({ endDate: '2026-06-11' });
  await app.dialog.getByRole('button', { name: 'Create event' }).click();
  await expect(app.dialog).toBeHidden();

  await page.getByRole('button', { name: 'Add session' }).click();
  await app.fillSessionForm({ title: '', start: '14:00', end: '13:15', speakers: [{ name: '', role: 'Moderator' }] });
  await app.dialog.getByRole('button', { name: 'Add session' }).click();
  await expect(app.dialog.getByText('Title must not be empty.')).toBeVisible();
  await expect(app.dialog.getByText('End time must not be before the start time.')).toBeVisible();
  await expect(app.dialog.getByText('Name must not be empty.')).toBeVisible();
  await expect(app.dialog.getByLabel('End time')).toHaveAttribute('aria-invalid', 'true');

  await app.fillSessionForm({ title: 'Fixed session', end: '14:45', speakers: [{ name: 'Rosa Diaz', role: 'Moderator' }] });
  await app.dialog.getByRole('button', { name: 'Add session' }).click();
  await expect(app.dialog).toBeHidden();
  await expect(app.sessionRow('Fixed session')).toContainText('14:00–14:45');
});
