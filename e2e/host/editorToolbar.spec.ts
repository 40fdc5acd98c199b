import type { Page } from '@playwright/test';
import { expect, test } from '../support/hostFixture';
import { NoteCapture } from '../support/noteCapture';

/** Every button the formatting toolbar offers, in the row or in its More menu. */
const ALL_COMMANDS = [
  'Undo', 'Redo', 'Bold', 'Italic', 'Underline', 'Strikethrough', 'Normal text', 'Heading 1', 'Heading 2', 'Heading 3',
  'Bulleted list', 'Numbered list', 'Quote', 'Link', 'Quote with speaker', 'Insert the time', 'Private note (never exported)', 'Add photo', 'Time each new paragraph',
];

/** Window sizes a reporter's laptop has, and 150% zoom: Chromium then lays the page out in a viewport two thirds as large. */
const SIZES = [
  { name: '1024×640', viewport: { width: 1024, height: 640 }, deviceScaleFactor: 1 },
  { name: '1280×720', viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 },
  { name: '1440×900', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  { name: '1280×720 at 150%', viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 },
  { name: '1024×640 at 150%', viewport: { width: 683, height: 427 }, deviceScaleFactor: 1.5 },
];

/**
 * An event with one session, its note open. Below 800 px the agenda folds away, so a window that
 * narrow makes the event at a desk's width first, then shrinks to the size under test.
 */
async function createOnAWideWindow(page: Page, app: NoteCapture, viewport: { width: number; height: number }) {
  if (viewport.width < 800) await page.setViewportSize({ width: 1400, height: 900 });
  await app.createEvent({ title: 'Small Screens', startDate: '2026-09-14' });
  await app.addSession({ title: 'Keynote', start: '09:00' });
  await page.setViewportSize(viewport);
  await expect(app.editor).toBeFocused();
}

for (const size of SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

    test('the toolbar is one row, and every command is on it or in its More menu', async ({ page }, testInfo) => {
      const app = new NoteCapture(page);
      await createOnAWideWindow(page, app, size.viewport);
      const row = page.locator('.note-pane .toolbar-row');
      const buttonTops = () =>
        row.evaluate((element) =>
          [...element.querySelectorAll('.toolbar-button:not([inert]), .history-button, .save-indicator')].map((button) => Math.round(button.getBoundingClientRect().top + button.getBoundingClientRect().height / 2)),
        );
      await expect.poll(async () => new Set(await buttonTops()).size, { message: 'every visible button on one line' }).toBe(1);
      expect((await row.boundingBox())!.height).toBeLessThan(60);
      await testInfo.attach(`toolbar at ${size.name}`, { body: await row.screenshot(), contentType: 'image/png' });

      const more = app.toolbar.getByRole('button', { name: 'More formatting' });
      let inMenu: string[] = [];
      // The row is read while the menu is open, so both are the same moment's layout.
      const readRow = () => app.toolbar.locator('.toolbar-button:not([inert]):not(.toolbar-more-button)').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')));
      let inRow: (string | null)[];
      if (await more.count()) {
        await more.click();
        inMenu = await page.getByRole('menu', { name: 'More formatting' }).locator('[role^="menuitem"] .toolbar-menu-label').allTextContents();
        inRow = await readRow();
        await page.keyboard.press('Escape');
        await expect(more).toBeFocused();
      } else inRow = await readRow();
      expect([...inRow, ...inMenu].sort()).toEqual([...ALL_COMMANDS].sort());
    });
  });
}

test.describe('on a small screen', () => {
  test.use({ viewport: { width: 683, height: 427 }, deviceScaleFactor: 1.5 });

  test('a command in the More menu runs from the keyboard and the typing goes on in the note', async ({ page }) => {
    const app = new NoteCapture(page);
    await createOnAWideWindow(page, app, { width: 683, height: 427 });
    await page.keyboard.type('Call the organiser back');
    const more = app.toolbar.getByRole('button', { name: 'More formatting' });
    await expect(more).toBeVisible();
    await more.focus();
    await page.keyboard.press('ArrowUp');
    const menu = page.getByRole('menu', { name: 'More formatting' });
    await expect(menu.getByRole('menuitemcheckbox').last()).toBeFocused();
    const privateNote = menu.locator('[role^="menuitem"]', { hasText: 'Private note' });
    while (!(await privateNote.evaluate((item) => item === document.activeElement))) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(app.editor.locator('.note-private')).toHaveText('Call the organiser back');
    await page.keyboard.type(', 0171 555 0199');
    await expect(app.editor.locator('.note-private')).toHaveText('Call the organiser back, 0171 555 0199');
    await page.screenshot({ path: test.info().outputPath('small-screen.png') });
  });
});
