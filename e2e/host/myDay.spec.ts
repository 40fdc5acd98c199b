import { expect, test } from '../support/hostFixture';
import { AgendaPage, FOSDEM_2021, importFosdemWithPicks } from '../support/agendaPage';
import { readEvents } from '../support/libraryFiles';

// FOSDEM 2021 ran in Brussels (UTC+1 in February). The laptop's own zone must not matter.
test.use({ timezoneId: 'America/New_York' });

/** 11:10 in Brussels on the first day: 27 sessions are on at once. */
const ELEVEN_TEN = new Date('2021-02-06T10:10:00Z');

test('a congress programme: asked which of 27 sessions I am in, I pick three (two clash), see them in My day, filter by room and see what is next', async ({ page, host }) => {
  const app = new AgendaPage(page);
  await page.clock.setFixedTime(ELEVEN_TEN);
  await app.reload();
  await app.importProgramme(FOSDEM_2021, 'Europe/Brussels');
  await expect(app.eventInList('FOSDEM 2021')).toContainText('773 sessions');

  // No pick yet and 27 sessions on: the app asks rather than opening one of them, the cursor in the filter.
  await expect(app.choice).toContainText('27 sessions are on now.');
  await expect(app.filter).toBeFocused();
  await expect(app.noteTitle).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Note' })).toContainText('27 sessions are on now. Choose yours in the agenda');
  await page.keyboard.type('raku');
  await expect(app.sessionList.locator('.session-title')).toHaveText(['Raku - Sets without Borders']);
  await page.keyboard.press('Enter');
  await expect(app.noteTitle).toHaveText('Raku - Sets without Borders');
  await expect(app.editor).toBeFocused();
  await page.keyboard.type('Sets, bags and mixes: the speaker starts with a demo.');
  // Chosen: the whole day is back in the list, the choice and the filter gone.
  await expect(app.choice).toHaveCount(0);
  await expect(app.filter).toHaveValue('');

  // Pick from the keyboard (the open session), from a row's star, and from the palette.
  await page.keyboard.press('Alt+Shift+P');
  await expect(app.headerPick).toHaveAttribute('aria-pressed', 'true');
  await app.typeFilter('openoffice');
  await app.sessionRow('State of Apache OpenOffice').hover();
  await app.pickButton('State of Apache OpenOffice').click();
  await expect(app.pickButton('State of Apache OpenOffice')).toHaveAttribute('aria-pressed', 'true');
  await app.openByFilter('reinforcement', 'Reinforcement Learning with JavaScript');
  await app.runFromPalette('my list');
  await expect(app.headerPick).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await readEvents(host.libraryPath))[0].sessions.filter((session) => session.picked).map((session) => session.title)).toEqual([
    'Raku - Sets without Borders',
    'State of Apache OpenOffice',
    'Reinforcement Learning with JavaScript',
  ]);

  // The room filter: only D.perl's talks, counted on the day tabs; a filter that finds nothing says so.
  await app.typeFilter('');
  await app.roomFilter.selectOption('D.perl');
  const perl = app.sessionList.locator('.session-room');
  await expect(perl.first()).toHaveText('D.perl');
  expect(new Set(await perl.allTextContents())).toEqual(new Set(['D.perl']));
  await expect(page.getByRole('tab', { name: /^Day 1/ })).toContainText(/\d+ matches/);
  await app.typeFilter('quantum');
  await expect(app.agenda.getByRole('status')).toContainText('No session matches “quantum” in D.perl on Day 1.');
  await app.agenda.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(app.roomFilter).toHaveValue('');

  // My day: the three picks and nothing else, in time order, the two that overlap marked.
  await app.view('My day').click();
  await expect(app.sessionList.locator('.session-title')).toHaveText(['Raku - Sets without Borders', 'State of Apache OpenOffice', 'Reinforcement Learning with JavaScript']);
  await expect(app.sessionRow('Raku - Sets without Borders')).toContainText('Clashes with “State of Apache OpenOffice” (D.apache.openoffice)');
  await expect(app.sessionRow('State of Apache OpenOffice')).toContainText('Clashes with “Raku - Sets without Borders” (D.perl)');
  await expect(app.sessionRow('Reinforcement Learning with JavaScript')).not.toContainText('Clashes');

  // Under the note: my next pick, so I know when to get up.
  await app.openSession('Raku - Sets without Borders');
  await expect(app.nextUp).toHaveText('Next: 14:00 D.javascript — Reinforcement Learning with JavaScript · in 2 h 50 min');
  await expect(app.editor).toHaveText('Sets, bags and mixes: the speaker starts with a demo.');
});

test('at a fixed clock with dozens of talks in parallel: the app lands on my pick, Ctrl+J brings it back into view, and with no pick on it asks', async ({ page, host }) => {
  await importFosdemWithPicks(host.libraryPath, host.configPath, ['Raku - Sets without Borders', 'Reinforcement Learning with JavaScript']);
  const app = new AgendaPage(page);
  // 14:10 in Brussels: 34 sessions run, one of them my pick.
  await page.clock.setFixedTime(new Date('2021-02-06T13:10:00Z'));
  await app.reload();
  await app.eventInList('FOSDEM 2021').click();
  await expect(app.noteTitle).toHaveText('Reinforcement Learning with JavaScript');
  await expect(app.editor).toBeFocused();
  await expect(app.view('My day')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.sessionRow('Reinforcement Learning with JavaScript').locator('.session-row')).toHaveAttribute('aria-current', 'true');

  // In All sessions, far from the pick: Ctrl+J opens it and scrolls the agenda to it.
  await app.view('All sessions').click();
  await app.openByFilter('welcome to fosdem', 'Welcome to FOSDEM 2021');
  await app.typeFilter('');
  await app.listScroller.evaluate((element) => element.scrollTo(0, 0));
  await expect(app.sessionRow('Reinforcement Learning with JavaScript')).toHaveCount(0);
  await app.editor.focus();
  await page.keyboard.press('ControlOrMeta+J');
  await expect(app.noteTitle).toHaveText('Reinforcement Learning with JavaScript');
  await expect(app.sessionRow('Reinforcement Learning with JavaScript')).toBeInViewport();
  await expect(app.editor).toBeFocused();

  // 16:10: 31 sessions on, none of them mine. Ctrl+J asks, keeping the open note meanwhile.
  await page.clock.setFixedTime(new Date('2021-02-06T15:10:00Z'));
  await page.keyboard.press('ControlOrMeta+J');
  await expect(app.choice).toContainText('31 sessions are on now.');
  await expect(app.filter).toBeFocused();
  await expect(app.noteTitle).toHaveText('Reinforcement Learning with JavaScript');
  await page.keyboard.type('mariadb');
  await expect(app.sessionList.locator('.session-title')).toHaveText(['MariaDB Observability']);
  await page.keyboard.press('ArrowDown');
  await expect(app.sessionRow('MariaDB Observability').locator('.session-open')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.noteTitle).toHaveText('MariaDB Observability');
  await expect(app.editor).toBeFocused();
});
