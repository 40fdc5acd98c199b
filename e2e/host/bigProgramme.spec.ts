import { expect, test } from '../support/hostFixture';
import { AgendaPage } from '../support/agendaPage';

test.use({ timezoneId: 'Europe/Berlin' });

const ROOMS = 40;
const DAYS = 3;
const SESSIONS = 5000;

/** The largest programme Hallnotes takes: 5,000 sessions over three days, forty rooms at once. */
function hugeProgramme(): string {
  const lines = ['id,date,start,end,title,speakers,room'];
  for (let index = 0; index < SESSIONS; index++) {
    const day = index % DAYS;
    const slot = Math.floor(index / (DAYS * ROOMS));
    const start = 8 * 60 + slot * 20;
    const time = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    lines.push(`s-${index},2026-10-0${day + 1},${time(start)},${time(start + 15)},Talk ${index} about topic ${index % 97},Speaker ${index % 311},Room ${index % ROOMS}`);
  }
  return lines.join('\n');
}

test('a programme of 5,000 sessions stays usable: the list holds only what is in view, filters at once and scrolls to its end', async ({ page }) => {
  const app = new AgendaPage(page);
  await page.clock.setFixedTime(new Date('2026-09-01T10:00:00Z'));
  await app.reload();
  await app.dropFile('huge.csv', hugeProgramme(), 'text/csv');
  await app.importDialog.getByLabel('Show times in').selectOption('Europe/Berlin');
  await expect(app.importCount('Sessions to add')).toHaveText('5000');
  await app.confirmImport();
  await expect(app.eventInList('huge')).toContainText('5000 sessions');
  await expect(app.view('All sessions')).toContainText('1667');
  // A month before the event, forty sessions starting together are no question to ask yet.
  await expect(app.choice).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Note' })).toContainText('Choose a session to open its note.');

  // Only the rows in view are in the page, whatever the programme's size.
  const rows = app.sessionList.locator('.session-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);

  await app.filter.click();
  await page.keyboard.type('talk 4998');
  await expect(app.sessionList.locator('.session-title')).toHaveText(['Talk 4998 about topic 51']);
  await expect(page.getByRole('tab', { name: /^Day 1/ })).toContainText('1 match');
  await expect(page.getByRole('tab', { name: /^Day 2/ })).toContainText('0 matches');
  await page.keyboard.press('Enter');
  await expect(app.noteTitle).toHaveText('Talk 4998 about topic 51');
  await page.keyboard.type('Still quick at five thousand.');
  await app.waitUntilSaved();

  await app.typeFilter('');
  await app.roomFilter.selectOption('Room 7');
  await expect(page.getByRole('tab', { name: /^Day 1/ })).toContainText('41 matches');
  await app.roomFilter.selectOption('');
  await app.listScroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(app.sessionRow('Talk 4998 about topic 51')).toBeInViewport();
});
