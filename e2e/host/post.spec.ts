import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { auditHtml } from '../../tests/export/helpers/htmlAudit';
import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';
import { readEvents } from '../support/libraryFiles';
import { NoteCapture, readStoredNote, storedNodes, type ClipboardFile } from '../support/noteCapture';
import { PostPage } from '../support/postPage';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'bin', 'hallnotes.mjs');

/** A 4×3 red PNG. */
const RED_PNG: ClipboardFile = {
  name: 'slide.png',
  type: 'image/png',
  base64: 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4oaEBRww4OQAHpg0hlLAT/AAAAABJRU5ErkJggg==',
};

const KEYNOTE = 'The reality of cloud';
const PANEL = 'Who funds the commons?';

/** A one-day event with a covered keynote and a covered panel (its moderator without a role), both with notes. */
async function coverTheDay(app: HallnotesApp): Promise<void> {
  await app.createEvent({ title: 'Open Source Summit', startDate: '2026-08-25', timezone: 'Europe/Amsterdam', author: 'Sam Reporter' });
  await app.addSession({ title: KEYNOTE, start: '09:00', end: '09:40', kind: 'keynote', status: 'covered', speakers: [{ name: 'Priya Raman', role: 'Chief Architect', organisation: 'Northwind' }] });
  await app.typeLines(['Raman opened with **4,200 clusters** in production.', '> We moved to stop waiting.']);
  await app.waitUntilSaved();
  await app.addSession({ title: 'Coffee break', start: '09:40', end: '10:00', kind: 'break' });
  await app.addSession({ title: PANEL, start: '10:00', end: '10:45', kind: 'panel', status: 'covered', speakers: [{ name: 'Tomás Herrera', role: 'Core maintainer', organisation: 'OpenRail' }, { name: 'Dana Moderator' }] });
  await app.typeLines(['Most critical projects have one maintainer (TK: source).']);
  await app.waitUntilSaved();
}

test('compose the day’s post, reorder it, export HTML and Markdown, and the CLI exports the same bytes', async ({ page, host }) => {
  const app = new HallnotesApp(page);
  const post = new PostPage(page);
  await coverTheDay(app);
  await post.open();

  // The default post: the covered sessions in programme order, under the default title.
  await expect(post.includedTitles).toHaveText([KEYNOTE, PANEL]);
  await expect(post.preview.locator('h1')).toHaveText('Open Source Summit – Day 1 Reflections');
  // A short "speaker: title" is one heading; the panel's would be long, so its speakers open the section instead.
  await expect(post.preview.locator('h2')).toHaveText([`Priya Raman, Chief Architect at Northwind: ${KEYNOTE}`, PANEL]);
  await expect(post.preview.locator('h2').nth(1).locator('+ p')).toHaveText('Tomás Herrera (Core maintainer at OpenRail) and Dana Moderator');
  await expect(post.preview).toContainText('Posted by Sam Reporter');
  await expect(post.attention).toContainText(`“${PANEL}” still has a TK marker to check.`);
  await expect(post.attention).toContainText(`“${PANEL}”: Dana Moderator has no role.`);

  // Reorder: the preview follows at once.
  await post.moveSession(PANEL, 'up');
  await expect(post.includedTitles).toHaveText([PANEL, KEYNOTE]);
  await expect(post.preview.locator('h2')).toHaveText([PANEL, `Priya Raman, Chief Architect at Northwind: ${KEYNOTE}`]);

  await post.typeText('Intro', 'A day about who keeps the lights on.');
  await post.setTags('open source, funding');
  await expect(post.preview.locator('p').first()).toHaveText('A day about who keeps the lights on.');
  // Tags are metadata, shown beside the preview, never a line of the post.
  await expect(post.view.getByRole('definition').filter({ hasText: 'open source, funding' })).toBeVisible();
  await expect(post.preview).not.toContainText('Tags:');
  await post.waitUntilTextSaved('Intro');

  // The panel's note still has a TK marker: the export says so and waits for "Export anyway".
  await post.view.getByLabel('Format', { exact: true }).selectOption({ label: 'HTML' });
  await post.view.getByRole('button', { name: 'Export…' }).click();
  await expect(post.tkBlock).toContainText(`A TK marker is left to check, in “${PANEL}”, so the post was not exported.`);
  await expect(post.tkBlock.getByRole('listitem')).toHaveText([`“${PANEL}”: Most critical projects have one maintainer (TK: source).`]);
  await expect(post.view.locator('.post-export-outcome', { hasText: /^(Saved|Replaced) “/ })).toHaveCount(0);
  const htmlPath = await post.exportAs({ format: 'HTML', anyway: true });
  expect(htmlPath).toBe(join(host.libraryPath, 'exports', htmlPath.split('/').at(-2)!, 'open-source-summit-day-1-reflections.html'));
  const html = await readFile(htmlPath, 'utf8');
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  expect(html).toContain(`<h1>Open Source Summit – Day 1 Reflections</h1>\n<p>A day about who keeps the lights on.</p>\n<h2>${PANEL}</h2>\n<p><strong>Tomás Herrera</strong> (Core maintainer at OpenRail) and <strong>Dana Moderator</strong></p>`);
  expect(html.indexOf(`${PANEL}</h2>`)).toBeLessThan(html.indexOf(`${KEYNOTE}</h2>`));
  expect(html).toContain('<p>Posted by Sam Reporter</p>\n</body>');
  expect(html).toContain('<strong>4,200 clusters</strong>');
  expect(html).toContain('<blockquote>\n<p>We moved to stop waiting.</p>\n</blockquote>');
  expect(html).toContain('<meta name="keywords" content="open source, funding">');
  expect(html).not.toContain('Tags:');
  expect(auditHtml(html, { document: true })).toEqual([]);
  expect(html).not.toMatch(/<script|\son\w+=|style=/i);

  const markdownPath = await post.exportAs({ format: 'Markdown', frontMatter: true, anyway: true });
  const markdown = await readFile(markdownPath, 'utf8');
  expect(markdown.startsWith(`---\ntitle: "Open Source Summit – Day 1 Reflections"\ndate: 2026-08-25\nauthor: "Sam Reporter"\ntags:\n  - "open source"\n  - "funding"\n---\n\nA day about who keeps the lights on.\n\n## ${PANEL}`)).toBe(true);
  expect(markdown).toContain(`## Priya Raman, Chief Architect at Northwind: ${KEYNOTE}`);
  expect(markdown).toContain('> We moved to stop waiting.');
  expect(markdown).not.toMatch(/Posted by|Tags:/);

  // The CLI reads the same library: it refuses, naming the marker, until told --allow-tk, then prints the same bytes.
  const [event] = await readEvents(host.libraryPath);
  const cli = (...args: string[]) => run(process.execPath, [CLI, 'export', event.id, ...args, '--library', host.libraryPath], { env: { ...process.env, HALLNOTES_CONFIG_DIR: host.configPath } });
  await expect(cli('--format', 'html')).rejects.toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining(`hallnotes: TK in “${PANEL}”: Most critical projects have one maintainer (TK: source).`) });
  expect((await cli('--format', 'html', '--allow-tk')).stdout).toBe(html);
  expect((await cli('--format', 'markdown', '--front-matter', '--allow-tk')).stdout).toBe(markdown);

  // Everything chosen is kept, in the post's own file.
  await app.reload();
  await post.open();
  await expect(post.includedTitles).toHaveText([PANEL, KEYNOTE]);
  await expect(post.view.getByLabel('Tags')).toHaveValue('open source, funding');
  await expect(post.view.getByRole('region', { name: 'Intro' }).getByRole('textbox', { name: 'Note' })).toHaveText('A day about who keeps the lights on.');
  expect(JSON.parse(await readFile(join(host.libraryPath, 'events', event.id, 'posts', 'day-1.json'), 'utf8'))).toMatchObject({ day: 1, tags: ['open source', 'funding'], style: 'headings' });
});

test('copy puts rich HTML and plain text on the clipboard; the source view and an empty post behave', async ({ page }) => {
  const app = new HallnotesApp(page);
  const post = new PostPage(page);
  await coverTheDay(app);
  await post.open();

  await page.evaluate(() => {
    window.addEventListener('copy', (event) => {
      const data = (event as ClipboardEvent).clipboardData!;
      document.body.dataset.copiedHtml = data.getData('text/html');
      document.body.dataset.copiedText = data.getData('text/plain');
    });
  });
  // The clipboard is an export too: the TK marker stops it until "Copy anyway".
  await post.view.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(post.tkBlock).toContainText('so the post was not copied.');
  expect(await page.evaluate(() => document.body.dataset.copiedHtml)).toBeUndefined();
  await post.tkBlock.getByRole('button', { name: 'Copy anyway' }).click();
  await expect(post.exportOutcome).toHaveText('Copied as rich text and plain text.');
  const copied = await page.evaluate(() => ({ html: document.body.dataset.copiedHtml ?? '', text: document.body.dataset.copiedText ?? '' }));
  expect(copied.html.startsWith(`<h2>Priya Raman, Chief Architect at Northwind: ${KEYNOTE}</h2>`)).toBe(true);
  expect(copied.html).not.toContain('Posted by');
  expect(copied.text.startsWith('Open Source Summit – Day 1 Reflections\n======')).toBe(true);

  await post.dragSession(PANEL, KEYNOTE);
  await expect(post.includedTitles).toHaveText([PANEL, KEYNOTE]);
  await post.dragSession(PANEL, KEYNOTE);
  await expect(post.includedTitles).toHaveText([KEYNOTE, PANEL]);

  await post.chooseStyle('Flowing paragraphs');
  await expect(post.preview.locator('h2')).toHaveCount(0);
  // No heading marks where the second talk starts: a section break does.
  await expect(post.preview.locator('hr')).toHaveCount(1);
  await post.preview.screenshot({ path: test.info().outputPath('flowing-two-sessions.png') });
  // The speaker is introduced once, with the talk, and the note goes on in the same paragraph.
  await expect(post.preview.locator('p').first()).toHaveText(`Priya Raman, Chief Architect at Northwind, gave the keynote “${KEYNOTE}”. Raman opened with 4,200 clusters in production.`);
  await post.view.getByLabel('Format', { exact: true }).selectOption({ label: 'Markdown' });
  await post.view.getByRole('button', { name: 'Markdown source' }).click();
  await expect(post.view.getByTestId('post-source')).toContainText(`**Priya Raman**, Chief Architect at Northwind, gave the keynote “${KEYNOTE}”. Raman opened with **4,200 clusters**`);

  // Untick both sessions: nothing to export, and the app says why.
  for (const title of [KEYNOTE, PANEL]) await post.view.getByRole('checkbox', { name: `Include “${title}”` }).uncheck();
  await expect(post.view.getByRole('button', { name: 'Export…' })).toBeDisabled();
  await expect(post.view).toContainText('The post includes no sessions yet');
  await post.view.getByRole('button', { name: 'Use the covered sessions' }).click();
  await expect(post.includedTitles).toHaveText([KEYNOTE, PANEL]);

  await post.backToAgenda();
  await expect(app.sessionList).toBeVisible();
});

test('the preview shows each session at h2 and the note’s own headings below it, h3 then h4, in both styles', async ({ page }) => {
  const app = new HallnotesApp(page);
  const post = new PostPage(page);
  await app.createEvent({ title: 'Kieler Linuxtage', startDate: '2020-09-18', timezone: 'Europe/Berlin', author: 'Sam Reporter' });
  await app.addSession({ title: 'Xen - ist das nicht tot?', start: '12:00', end: '13:00', status: 'covered', speakers: [{ name: 'Jürgen Groß', role: 'Kernel developer', organisation: 'SUSE' }] });
  // The reporter starts at "##", as many do: the post still does not skip a level.
  await app.typeLines(['Groß is blunt: Xen is far from dead.', '## Where Xen still wins', 'Embedded and automotive.', '### Numbers', 'Half the hypervisors in cars.']);
  await app.waitUntilSaved();
  await post.open();

  const headings = post.preview.locator('h1, h2, h3, h4, h5, h6');
  await expect(headings).toHaveText(['Kieler Linuxtage – Day 1 Reflections', 'Jürgen Groß, Kernel developer at SUSE: Xen - ist das nicht tot?', 'Where Xen still wins', 'Numbers']);
  expect(await headings.evaluateAll((elements) => elements.map((element) => element.tagName))).toEqual(['H1', 'H2', 'H3', 'H4']);

  // Flowing: no session heading, so the note's headings become bold lead-ins and only the title is a heading.
  await post.chooseStyle('Flowing paragraphs');
  await expect(headings).toHaveText(['Kieler Linuxtage – Day 1 Reflections']);
  await expect(post.preview.locator('p')).toHaveText([
    'Jürgen Groß, Kernel developer at SUSE, spoke on “Xen - ist das nicht tot?” Groß is blunt: Xen is far from dead.',
    'Where Xen still wins. Embedded and automotive.',
    'Numbers. Half the hypervisors in cars.',
    'Posted by Sam Reporter',
  ]);
  await expect(post.preview.locator('p strong').nth(1)).toHaveText('Where Xen still wins.');
  await post.preview.screenshot({ path: test.info().outputPath('flowing-preview.png') });
});

test('a photo in the intro asks for alt text in the needs-attention list like a session’s; typed there, the intro editor shows it and keeps its words and its undo', async ({ page, host }) => {
  const app = new HallnotesApp(page);
  const post = new PostPage(page);
  await coverTheDay(app);
  await post.open();
  await post.typeText('Intro', 'The hall at nine:');
  await post.pasteIntoText('Intro', { files: [RED_PNG] });
  const introEditor = post.view.getByRole('region', { name: 'Intro' }).getByRole('textbox', { name: 'Note' });
  await expect(introEditor.locator('.note-image')).toHaveCount(1);
  await post.waitUntilTextSaved('Intro');

  const prompt = post.attention.getByRole('listitem').filter({ hasText: 'The intro has a photo with no description or caption' });
  await expect(prompt).toBeVisible();
  await expect(prompt).not.toContainText('caption in');
  await prompt.getByRole('textbox', { name: 'Alt text' }).click();
  await page.keyboard.type('The full hall before the keynote');
  await page.keyboard.press('Enter');

  await expect(prompt).toHaveCount(0);
  await expect(post.preview.locator('figure img')).toHaveAttribute('alt', 'The full hall before the keynote');
  await expect(introEditor.locator('.note-image img')).toHaveAttribute('alt', 'The full hall before the keynote');
  await expect(introEditor).toContainText('The hall at nine:');
  // Typing on in the intro keeps the alt text: the editor holds what the file holds.
  // On its words: the middle of the editor is the photo's caption and alt text fields now.
  await introEditor.getByText('The hall at nine:').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Full.');
  await post.waitUntilTextSaved('Intro');
  const [event] = await readEvents(host.libraryPath);
  const stored = JSON.parse(await readFile(join(host.libraryPath, 'events', event.id, 'posts', 'day-1.json'), 'utf8'));
  expect(JSON.stringify(stored.intro)).toContain('"alt":"The full hall before the keynote"');
  expect(JSON.stringify(stored.intro)).toContain('Full.');

  // The description was made in the intro's own editor, not by reloading it: its undo history
  // reaches back past it (" Full.", then the alt text) and the words before stay.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(introEditor).not.toContainText('Full.');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(introEditor.locator('.note-image img')).not.toHaveAttribute('alt', 'The full hall before the keynote');
  await expect(introEditor).toContainText('The hall at nine:');
});

test('a photo without a caption asks for alt text in the needs-attention list; typed there, it is in the note and the post', async ({ page, host }) => {
  const app = new NoteCapture(page);
  const post = new PostPage(page);
  await app.createEvent({ title: 'Photo Fest', startDate: '2026-06-02', author: 'Sam Reporter' });
  await app.addSession({ title: 'Slides and pictures', start: '14:00', end: '15:00', status: 'covered', speakers: [{ name: 'Ana Lima', role: 'Editor', organisation: 'Daily' }] });
  await app.typeInNote('The opening slide:');
  await app.paste({ files: [RED_PNG] });
  await expect(app.editor.locator('.note-image')).toHaveCount(1);
  await app.waitUntilSaved();
  await post.open();

  const prompt = post.photoWithoutAltText('Slides and pictures');
  await expect(prompt).toBeVisible();
  await expect(post.preview.locator('figure img')).toHaveAttribute('alt', '');
  await page.setViewportSize({ width: 1024, height: 640 });
  await prompt.getByRole('textbox', { name: 'Alt text' }).click();
  await page.keyboard.type('A red slide with the quarterly revenue');
  await prompt.screenshot({ path: test.info().outputPath('alt-text-prompt-1024x640.png') });
  await page.keyboard.press('Enter');

  await expect(prompt).toHaveCount(0);
  await expect(post.preview.locator('figure img')).toHaveAttribute('alt', 'A red slide with the quarterly revenue');
  const [image] = storedNodes(await readStoredNote(host.libraryPath, 'Slides and pictures')).filter((node) => node.type === 'image');
  expect(image.alt).toBe('A red slide with the quarterly revenue');
  expect(image.caption ?? '').toBe('');
  await expect(readStoredNote(host.libraryPath, 'Slides and pictures').then((state) => JSON.stringify(state))).resolves.toContain('The opening slide:');

  // Back in the note, the photo is there with the words typed in the post view.
  await post.backToAgenda();
  await app.openSession('Slides and pictures');
  await expect(app.editor.locator('.note-image img')).toHaveAttribute('alt', 'A red slide with the quarterly revenue');
});

test('TK markers typed in the intro stop the export at 1024×640 and 150% zoom, and the editor can export anyway', async ({ page }) => {
  const app = new HallnotesApp(page);
  const post = new PostPage(page);
  await coverTheDay(app);
  await post.open();
  await post.typeText('Intro', 'About TK people came.');
  await post.waitUntilTextSaved('Intro');
  await expect(post.attention).toContainText('The intro still has a TK marker to check.');

  for (const { width, height, zoom } of [{ width: 1024, height: 640, zoom: 1 }, { width: 1024, height: 640, zoom: 1.5 }]) {
    await page.setViewportSize({ width, height });
    await page.evaluate((factor) => (document.body.style.zoom = String(factor)), zoom);
    await post.view.getByRole('button', { name: 'Export…' }).click();
    await expect(post.tkBlock).toContainText('2 TK markers are left to check, in the intro and “Who funds the commons?”, so the post was not exported.');
    await expect(post.tkBlock.getByRole('listitem')).toHaveText(['The intro: About TK people came.', '“Who funds the commons?”: Most critical projects have one maintainer (TK: source).']);
    const anyway = post.tkBlock.getByRole('button', { name: 'Export anyway' });
    await anyway.scrollIntoViewIfNeeded();
    await expect(anyway).toBeInViewport();
    await post.tkBlock.screenshot({ path: test.info().outputPath(`tk-blocked-${width}x${height}-${zoom * 100}pct.png`) });
  }
  await post.tkBlock.getByRole('button', { name: 'Export anyway' }).click();
  await expect(post.exportOutcome).toContainText(/^Saved “/);

  // Again: still refused for the markers; once allowed, replacing the earlier file keeps that choice.
  await post.view.getByRole('button', { name: 'Export…' }).click();
  await post.tkBlock.getByRole('button', { name: 'Export anyway' }).click();
  await page.getByRole('dialog', { name: 'Replace the earlier export?' }).getByRole('button', { name: 'Replace' }).click();
  await expect(post.exportOutcome).toContainText(/^Replaced “/);
});
