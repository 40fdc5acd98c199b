import { expect, test } from '../support/hostFixture';
import { HallFeatures } from '../support/hallFeatures';
import { typeIntoField } from '../support/typeIntoField';

test('finding a note by search across events, and opening it at the match', async ({ page }) => {
  const app = new HallFeatures(page);
  await app.createEvent({ title: 'Cloud Summit', startDate: '2026-05-12' });
  await app.addSession({ title: 'Opening keynote', start: '09:00', end: '09:45', room: 'Main Stage', speakers: [{ name: 'Tomás Herrera', organisation: 'OpenRail' }] });
  await app.typeLines(['We did not move to save money.', 'Sovereign hosting came up twice: first in the keynote, then in questions.']);
  await app.waitUntilSaved();
  await app.addSession({ title: 'Funding panel', start: '10:00' });
  await app.typeInNote('Nothing about hosting here.');
  await app.waitUntilSaved();

  await app.createEvent({ title: 'Data Days', startDate: '2026-06-02' });
  await app.addSession({ title: 'Sovereign data workshop', start: '14:00', room: 'Lab' });
  await app.typeInNote('Hands-on.');
  await app.waitUntilSaved();

  await page.keyboard.press('ControlOrMeta+Shift+F');
  await expect(app.searchDialog).toBeVisible();
  await typeIntoField(app.searchDialog.getByRole('combobox', { name: 'Search' }), 'sovereign');
  await expect(app.searchDialog.getByRole('status')).toHaveText('2 sessions.');
  // Grouped by event, each session with its matching text highlighted.
  await expect(app.searchDialog.getByRole('group')).toHaveCount(2);
  await expect(app.searchDialog.getByRole('group', { name: 'Cloud Summit' }).getByRole('option')).toHaveCount(1);
  await expect(app.searchResult('Opening keynote').locator('mark')).toHaveText(['Sovereign']);
  await expect(app.searchResult('Sovereign data workshop').locator('mark')).toHaveText(['Sovereign']);

  // Speakers are searched too, ignoring accents.
  await typeIntoField(app.searchDialog.getByRole('combobox', { name: 'Search' }), 'tomas');
  await expect(app.searchResult('Opening keynote')).toContainText('Speakers: Tomás Herrera, OpenRail');

  // Keyboard: the second word narrows; Enter opens the note in the other event, at the match.
  await typeIntoField(app.searchDialog.getByRole('combobox', { name: 'Search' }), 'hosting questions');
  await expect(app.searchDialog.getByRole('option')).toHaveCount(1);
  await expect(app.searchResult('Opening keynote').locator('mark')).toHaveText(['hosting', 'questions']);
  await page.keyboard.press('Enter');
  await expect(app.searchDialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Cloud Summit' })).toBeVisible();
  await expect(app.noteTitle).toHaveText('Opening keynote');
  await expect.poll(() => app.selectedText()).toBe('hosting');
  await expect(app.editor).toBeFocused();
  // Typing replaces the selected match, in the right place.
  await page.keyboard.type('cloud');
  await expect(app.editor.locator('p').nth(1)).toHaveText('Sovereign cloud came up twice: first in the keynote, then in questions.');
});

test('a saved edit is found at once, and deleted text no longer is', async ({ page }) => {
  const app = new HallFeatures(page);
  await app.createEvent({ title: 'Fresh Index', startDate: '2026-05-12' });
  await app.addSession({ title: 'Talk', start: '09:00' });
  await app.typeInNote('Initial words.');
  await app.waitUntilSaved();

  const search = async (query: string) => {
    await page.keyboard.press('ControlOrMeta+Shift+F');
    await typeIntoField(app.searchDialog.getByRole('combobox', { name: 'Search' }), query);
    const status = app.searchDialog.getByRole('status');
    await expect(status).not.toHaveText(/Searching|Type to search/);
    const text = await status.textContent();
    await page.keyboard.press('Escape');
    await expect(app.searchDialog).toBeHidden();
    return text;
  };
  expect(await search('initial')).toBe('1 session.');
  await app.editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Replaced entirely with zeppelins.');
  await app.waitUntilSaved();
  expect(await search('initial')).toBe('Nothing matches.');
  expect(await search('zeppelins')).toBe('1 session.');
});
