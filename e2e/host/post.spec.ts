import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { auditHtml } from '../../tests/export/helpers/htmlAudit';
import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';
import { readEvents } from '../support/libraryFiles';
import { PostPage } from '../support/postPage';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'bin', 'hallnotes.mjs');

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
  await expect(post.preview.locator('h2')).toHaveText([`Priya Raman, Chief Architect at Northwind: ${KEYNOTE}`, `Tomás Herrera, Core maintainer at OpenRail and Dana Moderator: ${PANEL}`]);
  await expect(post.preview).toContainText('Posted by Sam Reporter');
  await expect(post.attention).toContainText(`“${PANEL}” still has a TK marker to check.`);
  await expect(post.attention).toContainText(`“${PANEL}”: Dana Moderator has no role.`);

  // Reorder: the preview follows at once.
  await post.moveSession(PANEL, 'up');
  await expect(post.includedTitles).toHaveText([PANEL, KEYNOTE]);
  await expect(post.preview.locator('h2')).toHaveText([`Tomás Herrera, Core maintainer at OpenRail and Dana Moderator: ${PANEL}`, `Priya Raman, Chief Architect at Northwind: ${KEYNOTE}`]);

  await post.typeText('Intro', 'A day about who keeps the lights on.');
  await post.setTags('open source, funding');
  await expect(post.preview.locator('p').first()).toHaveText('A day about who keeps the lights on.');
  await post.waitUntilTextSaved('Intro');

  const htmlPath = await post.exportAs({ format: 'HTML' });
  expect(htmlPath).toBe(join(host.libraryPath, 'exports', htmlPath.split('/').at(-2)!, 'open-source-summit-day-1-reflections.html'));
  const html = await readFile(htmlPath, 'utf8');
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  expect(html).toContain('<h1>Open Source Summit – Day 1 Reflections</h1>\n<p>A day about who keeps the lights on.</p>\n<h2>Tomás Herrera');
  expect(html.indexOf(`${PANEL}</h2>`)).toBeLessThan(html.indexOf(`${KEYNOTE}</h2>`));
  expect(html).toContain('<strong>4,200 clusters</strong>');
  expect(html).toContain('<blockquote>\n<p>We moved to stop waiting.</p>\n</blockquote>');
  expect(html).toContain('<meta name="keywords" content="open source, funding">');
  expect(html).not.toContain('Tags:');
  expect(auditHtml(html, { document: true })).toEqual([]);
  expect(html).not.toMatch(/<script|\son\w+=|style=/i);

  const markdownPath = await post.exportAs({ format: 'Markdown', frontMatter: true });
  const markdown = await readFile(markdownPath, 'utf8');
  expect(markdown.startsWith('---\ntitle: "Open Source Summit – Day 1 Reflections"\ndate: 2026-08-25\nauthor: "Sam Reporter"\ntags:\n  - "open source"\n  - "funding"\n---\n\nA day about who keeps the lights on.\n\n## Tomás Herrera')).toBe(true);
  expect(markdown).toContain(`## Priya Raman, Chief Architect at Northwind: ${KEYNOTE}`);
  expect(markdown).toContain('> We moved to stop waiting.');

  // The CLI reads the same library and prints the same bytes.
  const [event] = await readEvents(host.libraryPath);
  const cli = async (...args: string[]) => (await run(process.execPath, [CLI, 'export', event.id, ...args, '--library', host.libraryPath], { env: { ...process.env, HALLNOTES_CONFIG_DIR: host.configPath } })).stdout;
  expect(await cli('--format', 'html')).toBe(html);
  expect(await cli('--format', 'markdown', '--front-matter')).toBe(markdown);

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
  await post.view.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(post.exportOutcome).toHaveText('Copied as rich text and plain text.');
  const copied = await page.evaluate(() => ({ html: document.body.dataset.copiedHtml ?? '', text: document.body.dataset.copiedText ?? '' }));
  expect(copied.html.startsWith(`<h2>Priya Raman, Chief Architect at Northwind: ${KEYNOTE}</h2>`)).toBe(true);
  expect(copied.text.startsWith('Open Source Summit – Day 1 Reflections\n======')).toBe(true);

  await post.dragSession(PANEL, KEYNOTE);
  await expect(post.includedTitles).toHaveText([PANEL, KEYNOTE]);
  await post.dragSession(PANEL, KEYNOTE);
  await expect(post.includedTitles).toHaveText([KEYNOTE, PANEL]);

  await post.chooseStyle('Flowing paragraphs');
  await expect(post.preview.locator('h2')).toHaveCount(0);
  await expect(post.preview.locator('p').first()).toHaveText('Priya Raman, Chief Architect at Northwind, Raman opened with 4,200 clusters in production.');
  await post.view.getByLabel('Format', { exact: true }).selectOption({ label: 'Markdown' });
  await post.view.getByRole('button', { name: 'Markdown source' }).click();
  await expect(post.view.getByTestId('post-source')).toContainText('**Priya Raman, Chief Architect at Northwind**, Raman opened with **4,200 clusters**');

  // Untick both sessions: nothing to export, and the app says why.
  for (const title of [KEYNOTE, PANEL]) await post.view.getByRole('checkbox', { name: `Include “${title}”` }).uncheck();
  await expect(post.view.getByRole('button', { name: 'Export…' })).toBeDisabled();
  await expect(post.view).toContainText('The post includes no sessions yet');
  await post.view.getByRole('button', { name: 'Use the covered sessions' }).click();
  await expect(post.includedTitles).toHaveText([KEYNOTE, PANEL]);

  await post.backToAgenda();
  await expect(app.sessionList).toBeVisible();
});
