import { expect, test } from '../support/hostFixture';
import { NoteCapture, readStoredNote, storedNodes } from '../support/noteCapture';
import { typeIntoField } from '../support/typeIntoField';

test('the toolbar and keyboard shortcuts format a note, and the formatting is kept', async ({ page }) => {
  const app = new NoteCapture(page);
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await app.createEvent({ title: 'Format Forum', startDate: '2026-10-01' });
  await app.addSession({ title: 'Formatting talk', start: '10:00', end: '11:00' });
  await expect(app.editor).toBeFocused();
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('title', /^Bold \((Ctrl\+B|⌘B)\)$/);

  await toolbar.getByRole('button', { name: 'Heading 1' }).click();
  await page.keyboard.type('Headline');
  await page.keyboard.press('Enter');
  await page.keyboard.type('plain ');
  await page.keyboard.press('ControlOrMeta+B');
  await page.keyboard.type('bold');
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ControlOrMeta+B');
  await page.keyboard.type(' ');
  await toolbar.getByRole('button', { name: 'Italic' }).click();
  await page.keyboard.type('italic');
  await toolbar.getByRole('button', { name: 'Italic' }).click();
  await page.keyboard.type(' ');
  await page.keyboard.press('ControlOrMeta+Shift+X');
  await page.keyboard.type('struck');
  await page.keyboard.press('ControlOrMeta+Shift+X');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+Alt+2');
  await page.keyboard.type('Second level');
  await page.keyboard.press('Enter');
  await app.runToolbarCommand('Numbered list');
  await page.keyboard.type('first');
  await page.keyboard.press('Enter');
  await page.keyboard.type('second');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Read the slides');

  // Link the last word: a refused address first, then a bare domain.
  for (let index = 0; index < 'slides'.length; index++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ControlOrMeta+Shift+K');
  await typeIntoField(app.dialog.getByLabel('Address'), 'javascript:alert(1)');
  await app.dialog.getByRole('button', { name: 'Add link' }).click();
  await expect(app.dialog.getByText(/Enter a web or mail address/)).toBeVisible();
  await typeIntoField(app.dialog.getByLabel('Address'), 'example.org/slides');
  await app.dialog.getByRole('button', { name: 'Add link' }).click();
  await expect(app.dialog).toBeHidden();

  const note = app.editor;
  await expect(note.locator('h1')).toHaveText('Headline');
  await expect(note.locator('strong')).toHaveText('bold');
  await expect(note.locator('em')).toHaveText('italic');
  await expect(note.locator('.note-strikethrough')).toHaveText('struck');
  await expect(note.locator('h2')).toHaveText('Second level');
  await expect(note.locator('ol > li')).toHaveText(['first', 'second']);
  await expect(note.locator('a')).toHaveAttribute('href', 'https://example.org/slides');
  await expect(note.locator('a')).toHaveText('slides');

  // Undo and redo from the toolbar.
  await page.keyboard.press('End');
  await page.keyboard.type(' now');
  await expect(note.locator('p').last()).toHaveText('Read the slides now');
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(note.locator('p').last()).toHaveText('Read the slides');
  await toolbar.getByRole('button', { name: 'Redo' }).click();
  await expect(note.locator('p').last()).toHaveText('Read the slides now');
  await app.waitUntilSaved();

  await app.reload();
  await expect(note.locator('h1')).toHaveText('Headline');
  await expect(note.locator('.note-strikethrough')).toHaveText('struck');
  await expect(note.locator('a')).toHaveAttribute('href', 'https://example.org/slides');
  await expect(note.locator('p').last()).toHaveText('Read the slides now');
});

test('the keyboard alone moves between the note, the session list and the next session', async ({ page }) => {
  const app = new NoteCapture(page);
  await app.createEvent({ title: 'Keyboard Camp', startDate: '2026-11-02' });
  await app.addSession({ title: 'First', start: '09:00', end: '09:30' });
  await app.addSession({ title: 'Second', start: '09:30', end: '10:00' });
  await app.addSession({ title: 'Third', start: '10:00', end: '10:30' });

  await app.openSession('First');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(app.noteTitle).toHaveText('Second');
  await expect(app.editor).toBeFocused();
  await page.keyboard.type('typed in second');

  await page.keyboard.press('Escape');
  await expect(app.sessionRow('Second').locator('.session-open')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(app.sessionRow('Third').locator('.session-open')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.noteTitle).toHaveText('Third');
  await expect(app.editor).toBeFocused();

  await page.keyboard.press('Alt+ArrowUp');
  await expect(app.editor).toHaveText('typed in second');

  await page.keyboard.press('Alt+N');
  await expect(app.dialog.getByRole('heading', { name: 'New session' })).toBeVisible();
  await expect(app.dialog.getByLabel('Start time')).toHaveValue('10:30');
  await page.keyboard.press('Escape');
  await expect(app.dialog).toBeHidden();
});

test('bare web and mail addresses typed or pasted become links, with the same safe-address rule as every link', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await app.createEvent({ title: 'Link Lounge', startDate: '2026-10-01' });
  await app.addSession({ title: 'Links talk', start: '10:00' });
  await expect(app.editor).toBeFocused();
  await page.keyboard.type('Slides at https://example.org/talk, docs at www.hallnotes.dev/docs and mail ada@example.org; follow @ada@mastodon.social not javascript:alert(1) ');
  const links = app.editor.getByRole('link');
  await expect(links).toHaveCount(3);
  expect(await links.evaluateAll((anchors) => anchors.map((anchor) => [anchor.textContent, anchor.getAttribute('href')]))).toEqual([
    ['https://example.org/talk', 'https://example.org/talk'],
    ['www.hallnotes.dev/docs', 'https://www.hallnotes.dev/docs'],
    ['ada@example.org', 'mailto:ada@example.org'],
  ]);

  await page.keyboard.press('Enter');
  await app.paste({ text: 'The paper: https://example.org/paper.pdf (open access)' });
  await expect(links).toHaveCount(4);
  await expect(links.last()).toHaveAttribute('href', 'https://example.org/paper.pdf');

  await app.waitUntilSaved();
  const stored = storedNodes(await readStoredNote(host.libraryPath, 'Links talk')).filter((node) => node.type === 'autolink' || node.type === 'link');
  expect(stored.map((node) => node.url)).toEqual(['https://example.org/talk', 'https://www.hallnotes.dev/docs', 'mailto:ada@example.org', 'https://example.org/paper.pdf']);
  await app.reload();
  await app.openSession('Links talk');
  await expect(links).toHaveCount(4);
});
