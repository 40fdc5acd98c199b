import { expect, test } from '../support/hostFixture';
import { clockTimes, expectStoredType, NoteCapture, readStoredNote, storedNodes } from '../support/noteCapture';
import { typeIntoField } from '../support/typeIntoField';

const TIME_ZONE = 'Asia/Tokyo';

async function openTalk(app: NoteCapture): Promise<void> {
  await app.createEvent({ title: 'Capture Conf', startDate: '2026-09-14', timezone: TIME_ZONE });
  await app.addSession({
    title: 'Engines of thought',
    start: '10:00',
    end: '11:00',
    speakers: [
      { name: 'Ada Lovelace', role: 'Analyst', organisation: 'Engine Works' },
      { name: 'Charles Babbage' },
    ],
  });
  await expect(app.editor).toBeFocused();
}

test('a quote is attributed to a speaker from the list, with the time, and stays attributed after reopening', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app);
  await app.typeInNote('The engine weaves algebraic patterns');
  const times = clockTimes(TIME_ZONE);
  await page.keyboard.press('ControlOrMeta+Shift+S');
  await expect(app.speakerDialog.getByRole('radio', { name: 'Ada Lovelace, Analyst at Engine Works' })).toBeFocused();
  await page.keyboard.press('2');
  await expect(app.speakerDialog).toBeHidden();

  const quote = app.editor.locator('figure.note-attributed-quote');
  await expect(quote.locator('blockquote')).toHaveText('The engine weaves algebraic patterns');
  await expect(quote.locator('figcaption')).toHaveText(new RegExp(`^— Charles Babbage · (${times.join('|')})$`));

  // Back in the quote, the shortcut changes who said it; a name can also be typed.
  await page.keyboard.press('ControlOrMeta+Shift+S');
  await app.speakerDialog.getByRole('radio', { name: 'Someone else' }).check();
  await typeIntoField(app.speakerDialog.getByLabel('Name, role'), 'Mary Somerville, Science writer');
  await typeIntoField(app.speakerDialog.getByLabel('Said at'), '10:42');
  await app.speakerDialog.getByRole('button', { name: 'Attribute quote' }).click();
  await expect(quote.locator('figcaption')).toHaveText('— Mary Somerville, Science writer · 10:42');
  await expect(app.editor).toBeFocused();
  await app.waitUntilSaved();

  const stored = await expectStoredType(host.libraryPath, 'Engines of thought', 'attributed-quote');
  expect(stored).toMatchObject({ speaker: { name: 'Mary Somerville', role: 'Science writer' }, time: '10:42' });

  await app.reload();
  await app.openSession('Engines of thought');
  await expect(quote.locator('blockquote')).toHaveText('The engine weaves algebraic patterns');
  await expect(quote.locator('figcaption')).toHaveText('— Mary Somerville, Science writer · 10:42');
});

test('timestamps show the time in the event’s time zone, inline and at the start of each paragraph when asked', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app);
  const times = clockTimes(TIME_ZONE);
  await app.typeInNote('Doors open ');
  await page.keyboard.press('ControlOrMeta+Shift+H');
  await page.keyboard.type('and the hall fills');
  const first = app.editor.locator('time.note-timestamp').first();
  await expect(first).toHaveText(new RegExp(`^(${times.join('|')})$`));
  await expect(first).toHaveAttribute('datetime', (await first.textContent())!);

  await app.runToolbarCommand('Time each new paragraph');
  await expect.poll(() => app.toolbarToggleIsOn('Time each new paragraph')).toBe(true);
  await app.typeInNote('');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Keynote starts');
  const paragraphs = app.editor.locator('p');
  await expect(paragraphs).toHaveCount(2);
  await expect(paragraphs.nth(1)).toHaveText(new RegExp(`^(${times.join('|')}) Keynote starts$`));
  await app.waitUntilSaved();

  const note = await readStoredNote(host.libraryPath, 'Engines of thought');
  const stamps = storedNodes(note).filter((node) => node.type === 'timestamp');
  expect(stamps).toHaveLength(2);
  for (const stamp of stamps) expect(times).toContain(stamp.time);

  await app.reload();
  await app.openSession('Engines of thought');
  await expect(app.editor.locator('time.note-timestamp')).toHaveCount(2);
  await expect(paragraphs.first()).toHaveText(new RegExp(`^Doors open (${times.join('|')}) and the hall fills$`));
  await expect.poll(() => app.toolbarToggleIsOn('Time each new paragraph')).toBe(true);
});

test('a private note is marked on screen, kept on disk, and Enter on an empty line leaves it', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app);
  await app.typeLines(['Public remark', '']);
  await page.keyboard.press('ControlOrMeta+Shift+P');
  await page.keyboard.type('Call the press office on 555 0199');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ask about the slides');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Back to the talk');

  const privateNotes = app.editor.locator('.note-private');
  await expect(privateNotes).toHaveText(['Call the press office on 555 0199', 'Ask about the slides']);
  await expect.poll(() => app.toolbarToggleIsOn('Private note (never exported)')).toBe(false);
  await expect(app.editor.locator('p').last()).toHaveText('Back to the talk');
  await app.waitUntilSaved();
  const stored = storedNodes(await readStoredNote(host.libraryPath, 'Engines of thought')).filter((node) => node.type === 'private-note');
  expect(stored).toHaveLength(2);

  await app.reload();
  await app.openSession('Engines of thought');
  await expect(privateNotes).toHaveText(['Call the press office on 555 0199', 'Ask about the slides']);
  // Counts leave private notes out: "Public remark Back to the talk" is six words.
  await expect(app.stats.locator('.note-counts')).toHaveAttribute('data-words', '6');
});

test('TK markers, hashtags and handles are highlighted as you type; TKs are counted and listed', async ({ page }) => {
  const app = new NoteCapture(page);
  await openTalk(app);
  await app.typeLines(['Revenue grew TK percent, says @ada and @lovelace@engines.social #keynote', 'Crowd size: TK. Mail ada@example.org, not a handle; #1 is not a tag.']);
  await expect.poll(() => app.highlighted('tk')).toEqual(['TK', 'TK']);
  await expect.poll(() => app.highlighted('hashtag')).toEqual(['#keynote']);
  await expect.poll(() => app.highlighted('handle')).toEqual(['@ada', '@lovelace@engines.social']);
  await expect(app.stats.getByText('2 TK')).toBeVisible();
  await app.stats.getByText('still to check').click();
  const list = app.stats.getByRole('list', { name: 'TK markers' });
  await expect(list.getByRole('button')).toHaveText([/Revenue grew TK percent/, /Crowd size: TK\./]);

  // Choosing one puts the cursor on it, so typing replaces the marker.
  await list.getByRole('button').nth(1).click();
  await page.keyboard.type('about 900');
  await expect(app.editor.locator('p').nth(1)).toHaveText(/^Crowd size: about 900\./);
  await expect(app.stats.getByText('1 TK')).toBeVisible();
  await expect.poll(() => app.highlighted('tk')).toEqual(['TK']);
  await app.waitUntilSaved();

  await app.reload();
  await app.openSession('Engines of thought');
  await expect.poll(() => app.highlighted('tk')).toEqual(['TK']);
  await expect.poll(() => app.highlighted('hashtag')).toEqual(['#keynote']);
  await expect(app.stats.getByText('1 TK')).toBeVisible();
});

test('links typed as Markdown keep only web and mail addresses, and stay that way after reopening', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app);
  await app.typeInNote('Slides at [the site](https://example.org/slides) and [a trap](javascript:alert(1)) and [mail](mailto:press@example.org) ');
  await expect(app.editor.locator('a')).toHaveCount(2);
  await expect(app.editor.locator('a').nth(0)).toHaveAttribute('href', 'https://example.org/slides');
  await expect(app.editor.locator('a').nth(1)).toHaveAttribute('href', 'mailto:press@example.org');
  await expect(app.editor).toContainText('a trap');
  await app.waitUntilSaved();
  const urls = storedNodes(await readStoredNote(host.libraryPath, 'Engines of thought')).filter((node) => node.type === 'link').map((node) => node.url);
  expect(urls).toEqual(['https://example.org/slides', 'mailto:press@example.org']);

  await app.reload();
  await app.openSession('Engines of thought');
  await expect(app.editor.locator('a')).toHaveCount(2);
});
