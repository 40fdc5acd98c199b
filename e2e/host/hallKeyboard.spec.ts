import { expect, test } from '../support/hostFixture';
import { HallFeatures } from '../support/hallFeatures';
import { readEvents, readNoteTexts } from '../support/libraryFiles';
import { typeIntoField } from '../support/typeIntoField';

// The laptop still runs on a zone 12 hours away from the venue: nothing may be shown in it.
test.use({ timezoneId: 'Pacific/Kiritimati' });

const PROGRAMME = [
  'id,date,start,end,title,room',
  'open-1,2026-05-12,09:00,09:45,Opening keynote,Main Stage',
  'panel-2,2026-05-12,10:00,10:45,Open source funding panel,Hall 2',
  'sec-3,2026-05-12,11:00,11:30,Security in practice,Hall 3',
].join('\n');

async function importInBerlin(app: HallFeatures): Promise<void> {
  await app.dropFile('hall.csv', PROGRAMME, 'text/csv');
  await app.importDialog.getByLabel('Show times in').selectOption('Europe/Berlin');
  await expect(app.importSummary).toContainText('times in Europe/Berlin');
  await app.confirmImport();
}

test('in the hall: on now by the venue clock, then next, previous, covered, skipped and an unplanned session, all from the keyboard', async ({ page, host }) => {
  const app = new HallFeatures(page);
  // 08:15 UTC: 10:15 in Berlin, 22:15 on the laptop's clock.
  await page.clock.setFixedTime(new Date('2026-05-12T08:15:00Z'));
  await app.reload();
  await importInBerlin(app);

  await expect(app.noteTitle).toHaveText('Open source funding panel');
  await expect(app.onNowRow.locator('.session-title')).toHaveText('Open source funding panel');
  await expect(app.sessionList.locator('.session-time')).toHaveText(['09:00–09:45', '10:00–10:45Now', '11:00–11:30']);
  await expect(page.locator('.session-header')).toContainText('10:00–10:45');
  await expect(app.editor).toBeFocused();
  await page.keyboard.type('Funding is');

  await page.keyboard.press('Alt+ArrowDown');
  await expect(app.noteTitle).toHaveText('Security in practice');
  await expect(app.editor).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(app.noteTitle).toHaveText('Open source funding panel');
  await expect(app.editor).toHaveText('Funding is');
  await expect(app.editor).toBeFocused();
  // Back in the note, the cursor is at its end.
  await page.keyboard.type(' hard');
  await expect(app.editor).toHaveText('Funding is hard');

  await page.keyboard.press('Alt+Shift+C');
  await expect(app.statusSelect).toHaveValue('covered');
  await expect(app.sessionRow('Open source funding panel')).toContainText('Covered');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+Shift+S');
  await expect(app.sessionRow('Opening keynote')).toContainText('Skipped');
  // Enter on a row of the agenda and at once a command key, on a slow disk: the command acts on
  // the session just opened, not on the one still open while its note is being read.
  await page.route('**/api/notes*load', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 120));
    await route.continue();
  });
  await app.sessionRow('Security in practice').locator('.session-open').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+Shift+C');
  await expect(app.sessionRow('Security in practice')).toContainText('Covered');
  await expect(app.sessionRow('Opening keynote')).toContainText('Skipped');
  await page.unrouteAll({ behavior: 'wait' });

  // One key: a session at the venue's current time, opened with the cursor in its note.
  await page.keyboard.press('Alt+U');
  await expect(app.noteTitle).toHaveText('Unplanned session 10:15');
  await expect(app.editor).toBeFocused();
  await page.keyboard.type('A surprise demo');
  await app.waitUntilSaved();
  await expect(app.sessionList.locator('.session-title')).toHaveText(['Opening keynote', 'Open source funding panel', 'Unplanned session 10:15', 'Security in practice']);
  await expect(app.sessionRow('Unplanned session 10:15')).toContainText('3 words');

  await app.openSession('Opening keynote');
  await page.keyboard.press('ControlOrMeta+J');
  // Two sessions run at 10:15; the one marked live (the unplanned one) wins.
  await expect(app.noteTitle).toHaveText('Unplanned session 10:15');

  await expect.poll(() => readNoteTexts(host.libraryPath)).toEqual({ 'Open source funding panel': 'Funding is hard', 'Unplanned session 10:15': 'A surprise demo' });
});

test('the live mark follows the clock minute by minute', async ({ page }) => {
  const app = new HallFeatures(page);
  await page.clock.install({ time: new Date('2026-05-12T08:44:30Z') });
  await app.reload();
  await importInBerlin(app);
  await expect(app.onNowRow.locator('.session-title')).toHaveText('Open source funding panel');
  await page.clock.runFor(60_000);
  await expect(app.onNowRow).toHaveCount(0);
  await page.clock.runFor(15 * 60_000);
  await expect(app.onNowRow.locator('.session-title')).toHaveText('Security in practice');
});

test('the palette lists every command with its shortcut, filters as you type, and runs the choice', async ({ page }) => {
  const app = new HallFeatures(page);
  await importInBerlin(app);
  await page.keyboard.press('ControlOrMeta+K');
  const options = app.palette.getByRole('option');
  await expect(options.filter({ hasText: 'Focus mode' })).toContainText('Ctrl+.');
  await expect(options.filter({ hasText: 'Next session' })).toContainText('Alt+↓');
  await expect(options.filter({ hasText: 'Search all notes…' })).toContainText('Ctrl+Shift+F');
  await typeIntoField(app.palette.getByRole('combobox', { name: 'Command' }), 'skip');
  await expect(options).toHaveText([/^Mark session skipped/]);
  await page.keyboard.press('Escape');
  await expect(app.palette).toBeHidden();

  await app.runFromPalette('focus');
  await expect(page.getByRole('region', { name: 'Agenda' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Events' })).toBeHidden();
  await expect(app.editor).toBeVisible();
  await page.getByRole('button', { name: /^Exit focus mode/ }).click();
  await expect(page.getByRole('region', { name: 'Agenda' })).toBeVisible();
});

test('dark theme, text size and focus mode are remembered across a restart', async ({ page }) => {
  const app = new HallFeatures(page);
  await page.clock.setFixedTime(new Date('2026-05-12T09:05:00Z'));
  await app.reload();
  await importInBerlin(app);
  const root = page.locator('html');
  await expect(app.noteTitle).toHaveText('Security in practice');
  await expect(root).toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('ControlOrMeta+Shift+D');
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.note-pane')).toHaveCSS('background-color', 'rgb(27, 30, 34)');

  const fontSize = () => app.editor.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  const before = await fontSize();
  await page.keyboard.press('ControlOrMeta+Equal');
  await expect(root).toHaveAttribute('data-text-size', 'large');
  expect(await fontSize()).toBeGreaterThan(before);
  await page.keyboard.press('ControlOrMeta+.');
  await expect(page.getByRole('region', { name: 'Agenda' })).toBeHidden();

  // Focus mode hides the event list, which the usual reload waits for.
  await page.reload();
  await expect(app.editor).toBeVisible();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect(root).toHaveAttribute('data-text-size', 'large');
  await expect(page.getByRole('region', { name: 'Agenda' })).toBeHidden();
  await page.keyboard.press('ControlOrMeta+.');
  await page.keyboard.press('ControlOrMeta+Minus');
  await page.keyboard.press('ControlOrMeta+Shift+D');
  await expect(root).toHaveAttribute('data-theme', 'light');
  await expect(root).toHaveAttribute('data-text-size', 'normal');
  await expect(page.getByRole('region', { name: 'Agenda' })).toBeVisible();
});

test('a new unplanned session on an event that is not on today asks which day instead of guessing', async ({ page, host }) => {
  const app = new HallFeatures(page);
  // 3 June, 14:40 in Berlin: three weeks after the two-day event.
  await page.clock.setFixedTime(new Date('2026-06-03T12:40:00Z'));
  await app.reload();
  await app.dropFile('two-days.csv', [PROGRAMME, 'close-4,2026-05-13,16:00,16:30,Closing,Main Stage'].join('\n'), 'text/csv');
  await app.importDialog.getByLabel('Show times in').selectOption('Europe/Berlin');
  await app.confirmImport();
  await expect(app.noteTitle).toHaveText('Closing');

  await page.keyboard.press('Alt+U');
  const ask = page.getByRole('dialog', { name: 'New unplanned session' });
  await expect(ask).toContainText('is not on today. Which day is this session on?');
  const day = ask.getByLabel('Day');
  await expect(day).toBeFocused();
  await expect(day).toHaveValue('2');
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  expect((await readEvents(host.libraryPath))[0].sessions).toHaveLength(4);

  await page.keyboard.press('Alt+U');
  await expect(day).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(day).toHaveValue('1');
  await page.keyboard.press('Tab');
  await expect(ask.getByLabel('Start time')).toHaveValue('14:40');
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(app.noteTitle).toHaveText('Unplanned session 14:40');
  await expect(page.getByRole('tab', { name: /^Day 1/ })).toHaveAttribute('aria-selected', 'true');
  await expect(app.editor).toBeFocused();
  await page.keyboard.type('A demo nobody announced');
  await app.waitUntilSaved();
  const stored = (await readEvents(host.libraryPath))[0].sessions;
  expect(stored.find((session) => session.title === 'Unplanned session 14:40')).toMatchObject({ day: 1, start: '14:40', status: 'live' });
});

test('every dialog takes typing right after its shortcut: palette, search, add link, new event and new session', async ({ page }) => {
  const app = new HallFeatures(page);
  await importInBerlin(app);
  const root = page.locator('html');
  await expect(root).toHaveAttribute('data-theme', 'light');

  // At once after the import: the note it opens must not take the keyboard from the palette.
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.type('dark');
  await page.keyboard.press('Enter');
  await expect(app.palette).toBeHidden();
  await expect(root).toHaveAttribute('data-theme', 'dark');

  await page.keyboard.press('ControlOrMeta+Shift+F');
  await page.keyboard.type('security');
  await expect(app.searchResult('Security in practice')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(app.noteTitle).toHaveText('Security in practice');
  await expect(app.editor).toBeFocused();

  await page.keyboard.type('Slides at ');
  await page.keyboard.press('ControlOrMeta+Shift+K');
  await page.keyboard.type('example.org/talk');
  await page.keyboard.press('Enter');
  await expect(app.editor.getByRole('link')).toHaveAttribute('href', 'https://example.org/talk');
  await expect(app.editor).toHaveText('Slides at https://example.org/talk');
  await expect(app.editor).toBeFocused();

  await page.keyboard.press('Alt+Shift+N');
  await page.keyboard.type('Hall Fest');
  await expect(app.dialog.getByLabel('Title')).toHaveValue('Hall Fest');
  // Enter submits the form (and asks for the start date); it does not close the dialog.
  await page.keyboard.press('Enter');
  await expect(app.dialog).toContainText('Start date');
  await expect(app.dialog.getByLabel('Start date')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(app.dialog).toBeHidden();

  await page.keyboard.press('Alt+N');
  await page.keyboard.type('Lightning talks');
  await page.keyboard.press('Enter');
  await expect(app.dialog).toBeHidden();
  await expect(app.noteTitle).toHaveText('Lightning talks');
});

test('Tab in a list indents and Shift+Tab outdents; elsewhere Tab puts a tab in the note and the typing goes on there', async ({ page, host }) => {
  const app = new HallFeatures(page);
  await app.createEvent({ title: 'Tab Conf', startDate: '2026-05-12' });
  await app.addSession({ title: 'Lists', start: '09:00' });
  await expect(app.editor).toBeFocused();
  await page.keyboard.type('- Funding');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Grants');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Donations');
  await expect(app.editor).toBeFocused();
  const nested = app.editor.locator('ul ul > li');
  await expect(nested).toHaveText(['Grants', 'Donations']);
  await page.keyboard.press('Shift+Tab');
  await expect(nested).toHaveText(['Grants']);
  await expect(app.editor.locator(':scope > ul > li').last()).toHaveText('Donations');
  // However often Tab is pressed, a list nests at most nine levels deep (as in Word and Google Docs).
  for (let press = 0; press < 15; press++) await page.keyboard.press('Tab');
  const depthOf = (text: string) =>
    app.editor.evaluate((editor, wanted) => {
      // The innermost: an item nested deeper sits in wrapper items that read the same.
      const item = [...editor.querySelectorAll('li')].filter((candidate) => candidate.textContent === wanted).at(-1);
      let depth = 0;
      for (let node = item?.parentElement ?? null; node && node !== editor; node = node.parentElement) if (node.localName === 'ul') depth++;
      return depth;
    }, text);
  await expect.poll(() => depthOf('Donations')).toBe(9);
  await expect(app.editor).toBeFocused();

  // Enter on an empty item steps out one level at a time, then out of the list.
  for (let press = 0; press < 10; press++) await page.keyboard.press('Enter');
  await page.keyboard.type('Name');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Role');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type(' still here');
  await expect(app.editor).toBeFocused();
  await expect(app.editor.locator(':scope > p').last()).toHaveText('Name\tRole still here');
  await app.waitUntilSaved();
  const stored = await readNoteTexts(host.libraryPath);
  expect(stored.Lists).toContain('Name\tRole still here');
});

test.describe('forms on a laptop set to US English', () => {
  test.use({ locale: 'en-US' });

  test('times are 24-hour as typed, a new session starts now by the venue clock, dates stay ISO, and an error goes as soon as the field is right', async ({ page }) => {
    const app = new HallFeatures(page);
    // 10:15 in Berlin, 22:15 on the laptop's clock.
    await page.clock.setFixedTime(new Date('2026-05-12T08:15:00Z'));
    await app.reload();
    await importInBerlin(app);
    // As the reporter would: the key after the import once its session on now is open.
    await expect(app.noteTitle).toHaveText('Open source funding panel');

    await page.keyboard.press('Alt+N');
    const form = app.dialog;
    const start = form.getByLabel('Start time');
    const end = form.getByLabel('End time');
    await expect(start).toHaveValue('10:15');
    // Enter with no title: the title is asked for, and the message goes with the first letter typed.
    await page.keyboard.press('Enter');
    await expect(form.getByText('Title must not be empty.')).toBeVisible();
    await expect(form.getByLabel('Title')).toBeFocused();
    await page.keyboard.type('Hallway track');
    await expect(form.getByText('Title must not be empty.')).toBeHidden();

    await start.selectText();
    await page.keyboard.type('1320');
    await end.click();
    await expect(start).toHaveValue('13:20');
    await page.keyboard.type('25:00');
    await page.keyboard.press('Enter');
    const endError = form.locator('.field-error');
    await expect(endError).toHaveText(/End time/);
    await expect(end).toBeFocused();
    await end.selectText();
    await page.keyboard.type('14:05');
    await expect(endError).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(form).toBeHidden();
    await expect(app.sessionRow('Hallway track')).toContainText('13:20–14:05');

    await page.keyboard.press('Alt+Shift+N');
    const startDate = app.dialog.getByLabel('Start date');
    await startDate.click();
    await page.keyboard.type('2026-06-01');
    await expect(startDate).toHaveValue('2026-06-01');
    await expect(startDate).toHaveAttribute('placeholder', 'YYYY-MM-DD');
    await page.keyboard.press('Escape');
  });
});
