import { join } from 'node:path';
import { expect, test } from '../support/hostFixture';
import { HallFeatures } from '../support/hallFeatures';
import { readEvents } from '../support/libraryFiles';

const SCHEDULES = join(process.cwd(), 'tests', 'fixtures', 'schedules');

/** A CSV programme names no time zone; the reporter picks the venue's in the preview. */
const PROGRAMME = [
  'id,date,start,end,title,speakers,room',
  'open-1,2026-05-12,09:00,09:45,Opening keynote,Ada Lovelace (CTO; Analytical Engines),Main Stage',
  'panel-2,2026-05-12,10:00,10:45,Open source funding panel,Grace Hopper (Navy),Hall 2',
  'sec-3,2026-05-12,11:00,11:30,Security in practice,,Hall 3',
  'day2-4,2026-05-13,09:30,10:15,Day two opener,,Main Stage',
].join('\n');

test('a dropped programme is previewed, imported, and opens on the session on now', async ({ page, host }) => {
  const app = new HallFeatures(page);
  // 10:15 in Berlin on the first day: the funding panel is running.
  await page.clock.setFixedTime(new Date('2026-05-12T08:15:00Z'));
  await app.reload();

  await app.dropFile('republica-2026.csv', PROGRAMME, 'text/csv');
  await expect(app.importDialog.getByText('republica-2026.csv')).toBeVisible();
  await expect(app.importSummary).toContainText('A new event, “republica-2026”: 2 days');
  await expect(app.importSummary).toContainText('times in UTC');
  await app.importDialog.getByLabel('Show times in').selectOption('Europe/Berlin');
  await expect(app.importSummary).toContainText('times in Europe/Berlin');
  await expect(app.importCount('Sessions to add')).toHaveText('4');
  await expect(app.importCount('Sessions to update')).toHaveText('0');
  // The preview wrote nothing.
  expect(await readEvents(host.libraryPath).catch(() => [])).toEqual([]);

  await app.confirmImport();
  await expect(page.getByRole('heading', { level: 1, name: 'republica-2026' })).toBeVisible();
  await expect(page.getByText('Europe/Berlin')).toBeVisible();
  await expect(app.sessionList.locator('.session-time')).toHaveText(['09:00–09:45', /^10:00–10:45/, '11:00–11:30']);
  await expect(app.noteTitle).toHaveText('Open source funding panel');
  await expect(app.onNowRow.locator('.session-title')).toHaveText('Open source funding panel');
  await expect(app.editor).toBeFocused();
  await expect(page.getByRole('list', { name: 'Speakers' })).toContainText('Grace Hopper');

  const [stored] = await readEvents(host.libraryPath);
  expect(stored.sessions.map((session) => session.title)).toEqual(['Opening keynote', 'Open source funding panel', 'Security in practice', 'Day two opener']);
});

test('a programme file chosen with the import command lands in the library; a re-import changes nothing', async ({ page }) => {
  const app = new HallFeatures(page);
  await app.chooseFile(() => page.getByRole('button', { name: 'Import a programme…' }).click(), join(SCHEDULES, 'kielux_2020.ics'));
  await expect(app.importCount('Sessions to add')).toHaveText('24');
  await app.confirmImport();
  await expect(app.eventInList('18. Kieler Open Source und Linux Tage')).toContainText('24 sessions');

  await app.chooseFile(() => page.keyboard.press('ControlOrMeta+O'), join(SCHEDULES, 'kielux_2020.ics'));
  // The open event came from this programme, so the preview offers to update it.
  await expect(app.importDialog.getByRole('radio', { name: '“18. Kieler Open Source und Linux Tage”' })).toBeChecked();
  await expect(app.importCount('Sessions to add')).toHaveText('0');
  await expect(app.importCount('Sessions left as they are')).toHaveText('24');
  await app.confirmImport();
  await expect(page.getByRole('navigation', { name: 'Events' }).getByRole('listitem')).toHaveCount(1);
});

test('sessions gone from an updated programme are flagged when they have notes', async ({ page }) => {
  const app = new HallFeatures(page);
  await page.clock.setFixedTime(new Date('2026-05-12T07:10:00Z'));
  await app.reload();
  await app.dropFile('agenda.csv', PROGRAMME, 'text/csv');
  await app.confirmImport();
  await expect(app.noteTitle).toHaveText('Opening keynote');
  await app.typeInNote('Notes on the keynote');
  await app.waitUntilSaved();

  const updated = PROGRAMME.split('\n').filter((line) => !line.startsWith('open-1') && !line.startsWith('sec-3')).join('\n');
  await app.dropFile('agenda.csv', updated, 'text/csv');
  await expect(app.importCount('Gone from the programme, kept and flagged (they have notes or are on your list)')).toHaveText('1');
  await expect(app.importCount('Gone from the programme, removed (no notes)')).toHaveText('1');
  await app.confirmImport();
  await expect(app.sessionRow('Opening keynote')).toContainText('Not in programme');
  await expect(app.sessionRow('Security in practice')).toHaveCount(0);
  await expect(app.sessionRow('Opening keynote')).toContainText('4 words');
});

test('a file that is not a programme is refused with a message naming it, and nothing is imported', async ({ page, host }) => {
  const app = new HallFeatures(page);
  await app.dropFile('slides.json', '{"not": "a schedule"}', 'application/json');
  await expect(app.importDialog.getByRole('alert')).toContainText('slides.json');
  await expect(app.importDialog.getByRole('button', { name: 'Create event and import' })).toHaveCount(0);
  await expect(app.importDialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await app.importDialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await readEvents(host.libraryPath).catch(() => [])).toEqual([]);
});

test('importing from inside an event imports into that event and opens the session on now', async ({ page, host }) => {
  const app = new HallFeatures(page);
  await page.clock.setFixedTime(new Date('2026-05-12T08:15:00Z'));
  await app.reload();
  await app.createEvent({ title: 're:publica 2026', startDate: '2026-05-12', endDate: '2026-05-13', timezone: 'Europe/Berlin' });

  await app.dropFile('republica-2026.csv', PROGRAMME, 'text/csv');
  await expect(app.importDialog.getByRole('radio', { name: '“re:publica 2026”' })).toBeChecked();
  await expect(app.importSummary).toContainText('“re:publica 2026”: 2 days');
  await expect(app.importCount('Sessions to add')).toHaveText('4');
  await app.confirmImport();

  await expect(app.noteTitle).toHaveText('Open source funding panel');
  await expect(app.editor).toBeFocused();
  const events = await readEvents(host.libraryPath);
  expect(events.map((event) => [event.title, event.sessions.length])).toEqual([['re:publica 2026', 4]]);
});

test('the preview lists what the file got wrong, with the sessions concerned', async ({ page }) => {
  const app = new HallFeatures(page);
  const backwards = ['date,start,end,title', '2026-05-12,10:00,09:00,Backwards talk', '2026-05-12,11:00,11:30,Fine talk'].join('\n');
  await app.dropFile('agenda.csv', backwards, 'text/csv');
  const warnings = app.importDialog.getByRole('region', { name: 'Check before importing' });
  await expect(warnings).toContainText('These sessions end before they start in the file; they were imported without an end time.');
  await expect(warnings.getByRole('list').getByRole('list').getByRole('listitem')).toHaveText(['"Backwards talk" (2026-05-12 10:00)']);
  await expect(app.importCount('Sessions to add')).toHaveText('2');
});

test('a programme the library already holds is offered as the event to update, not a duplicate', async ({ page, host }) => {
  const app = new HallFeatures(page);
  const kielux = join(SCHEDULES, 'kielux_2020.ics');
  await app.chooseFile(() => page.getByRole('button', { name: 'Import a programme…' }).click(), kielux);
  await app.confirmImport();
  await app.createEvent({ title: 'Notes of my own', startDate: '2020-09-18' });

  await app.chooseFile(() => page.keyboard.press('ControlOrMeta+O'), kielux);
  await expect(app.importDialog.getByRole('radio', { name: '“Notes of my own”' })).toBeChecked();
  await expect(app.importDialog.getByRole('status')).toHaveText('Your library already holds this programme as “18. Kieler Open Source und Linux Tage”.');
  await app.importDialog.getByRole('radio', { name: '“18. Kieler Open Source und Linux Tage” (already holds this programme)' }).check();
  await expect(app.importDialog.getByRole('status')).toContainText('importing updates it');
  await expect(app.importCount('Sessions left as they are')).toHaveText('24');
  await expect(app.importCount('Sessions to add')).toHaveText('0');
  await app.confirmImport();
  expect((await readEvents(host.libraryPath)).map((event) => event.sessions.length).sort()).toEqual([0, 24]);
});

test('a talk from 23:30 to 00:30 shows its end, is on now until then, and its form saves', async ({ page, host }) => {
  const app = new HallFeatures(page);
  // 00:20 on 28 December 2019 in Hamburg: 36C3's day 1 is still running.
  await page.clock.setFixedTime(new Date('2019-12-27T23:20:00Z'));
  await app.reload();
  await app.chooseFile(() => page.getByRole('button', { name: 'Import a programme…' }).click(), join(SCHEDULES, '36c3-day1-ada.xml'));
  await app.confirmImport();
  const simCards = 'SIM card technology from A-Z';
  await expect(app.sessionRow(simCards).locator('.session-time')).toHaveText(/^23:30–00:30/);
  await expect(app.sessionRow('Hacker Jeopardy').locator('.session-time')).toHaveText('00:50–02:50 (after midnight)');
  await expect(app.onNowRow.locator('.session-title')).toHaveText(simCards);
  await expect(app.noteTitle).toHaveText(simCards);

  await (await app.sessionAction(simCards, `Edit “${simCards}”`)).click();
  await expect(app.dialog.getByLabel('End time')).toHaveValue('00:30');
  await app.dialog.getByLabel('Room').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Ada (Hall A)');
  await page.keyboard.press('Enter');
  await expect(app.dialog).toBeHidden();
  await expect(app.sessionRow(simCards).locator('.session-time')).toHaveText(/^23:30–00:30/);
  const [stored] = await readEvents(host.libraryPath);
  expect(stored.sessions.find((session) => session.title === simCards)).toMatchObject({ room: 'Ada (Hall A)', start: '23:30', end: '00:30', endsNextDay: true });
});
