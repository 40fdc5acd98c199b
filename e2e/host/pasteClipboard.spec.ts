import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composePost } from '../../shared/export/composePost';
import { renderHtml } from '../../shared/export/html';
import { renderMarkdown } from '../../shared/export/markdown';
import { session } from '../../tests/export/fixtures/conferenceDay';
import { expect, test } from '../support/hostFixture';
import { NoteCapture, readStoredNote, storedNodes } from '../support/noteCapture';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'paste');
/** What a note may be made of after any paste. */
const NOTE_TYPES = new Set(['root', 'paragraph', 'text', 'linebreak', 'tab', 'heading', 'quote', 'list', 'listitem', 'link', 'autolink']);
/** Elements the editor itself renders for those nodes. */
const RENDERED_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A', 'SPAN', 'STRONG', 'EM', 'B', 'I', 'U', 'S', 'SUB', 'SUP', 'BR', 'CODE', 'MARK']);

async function fixtureFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const folder of await readdir(FIXTURES)) for (const file of await readdir(join(FIXTURES, folder))) files.push(`${folder}/${file}`);
  return files.sort();
}

async function openNote(app: NoteCapture, title: string): Promise<void> {
  await app.createEvent({ title: 'Paste Party', startDate: '2026-06-02' });
  await app.addSession({ title, start: '14:00', end: '15:00' });
  await expect(app.editor).toBeFocused();
}

/** Everything the editor's DOM holds that it would not render itself: foreign tags, inline styles, foreign classes, handlers. */
function foreignMarkup(app: NoteCapture): Promise<string[]> {
  return app.editor.evaluate((editor, renderedTags) => {
    const found: string[] = [];
    for (const element of editor.querySelectorAll('*')) {
      if (!renderedTags.includes(element.tagName)) found.push(`<${element.tagName.toLowerCase()}>`);
      for (const attribute of element.attributes) {
        if (attribute.name === 'style' || attribute.name.startsWith('on')) found.push(`${attribute.name}= on <${element.tagName.toLowerCase()}>`);
        if (attribute.name === 'class' && attribute.value.split(' ').some((name) => !name.startsWith('note-'))) found.push(`class="${attribute.value}"`);
      }
    }
    return found;
  }, [...RENDERED_TAGS]);
}

test('clipboard HTML from web pages, Word, LibreOffice and Google Docs keeps only the formatting notes support', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openNote(app, 'Pasted sources');
  for (const file of await fixtureFiles()) {
    await app.typeInNote('');
    await page.keyboard.press('Enter');
    await app.paste({ html: await readFile(join(FIXTURES, file), 'utf8') });
    expect(await foreignMarkup(app), file).toEqual([]);
  }
  await app.waitUntilSaved();
  const nodes = storedNodes(await readStoredNote(host.libraryPath, 'Pasted sources'));
  expect([...new Set(nodes.map((node) => node.type))].filter((type) => !NOTE_TYPES.has(type))).toEqual([]);
  expect(nodes.filter((node) => (typeof node.style === 'string' && node.style !== '') || (typeof node.textStyle === 'string' && node.textStyle !== ''))).toEqual([]);
  const text = JSON.stringify(nodes.map((node) => node.text ?? ''));
  expect(text).not.toMatch(/mso-|MsoNormal|docs-internal-guid|StartFragment/);
});

test('formatting from Google Docs, Word and a web page arrives as headings, lists, bold, italics, underline, strikethrough, links and quotes', async ({ page }) => {
  const app = new NoteCapture(page);
  await openNote(app, 'Formatted paste');
  const note = app.editor;
  const paste = async (file: string) => {
    await app.paste({ html: await readFile(join(FIXTURES, file), 'utf8') });
    await app.typeInNote('');
    await page.keyboard.press('Enter');
  };

  await paste('gdocs/inline-formatting.copy.html');
  // Google Docs wraps everything in <b style="font-weight:normal">: that is not bold.
  await expect(note.locator('strong', { hasText: 'This is a test of inline formatting' })).toHaveCount(0);
  await expect(note.locator('strong', { hasText: 'is bold' })).toHaveCount(1);
  await expect(note.locator('em', { hasText: 'or just italic' })).toHaveCount(1);
  await expect(note.locator('.note-underline', { hasText: 'underlined' })).toHaveCount(1);
  await expect(note.locator('.note-strikethrough', { hasText: 'struck through' })).toHaveCount(1);
  await expect(note.locator('a[href="https://github.com/"]')).toHaveCount(1);

  await paste('gdocs/headings-and-paragraphs.copy.html');
  await expect(note.locator('h1')).not.toHaveCount(0);
  await expect(note.locator('h2')).not.toHaveCount(0);
  await paste('gdocs/lists.copy.html');
  await expect(note.locator('ul > li').first()).toBeVisible();
  await expect(note.locator('ol > li').first()).toBeVisible();

  await paste('word/word-11-osx-annotated-text.html');
  await paste('libreoffice/libre-office-osx-linux-annotated-text.html');
  await paste('browser/browser-linux-firefox-whole-page.html');
  await expect(note.locator('blockquote').first()).toContainText('Hollywood');
  // Relative links of the page are refused: only absolute http, https and mailto are kept.
  const hrefs = await note.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(10);
  for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/);
});

/** Each sets window.__pwned if it ever runs. */
const HOSTILE_HTML = [
  '<p>img<img src="x" onerror="window.__pwned = 1"></p>',
  '<script>window.__pwned = 2</script><p>after script</p>',
  '<svg onload="window.__pwned = 3"><circle r="1"/></svg><p>svg</p>',
  '<iframe srcdoc="<script>parent.__pwned = 4</script>"></iframe><p>frame</p>',
  '<p onmouseover="window.__pwned = 5" onclick="window.__pwned = 5">hover me</p>',
  '<a href="javascript:window.__pwned = 6">plain scheme</a>',
  '<a href="JaVaScRiPt:window.__pwned = 7">mixed case</a>',
  '<a href="java\u0000script:window.__pwned = 8">nul inside</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__pwned = 9">decimal entities</a>',
  '<a href="&#x6A;avascript&colon;window.__pwned = 10">hex entities</a>',
  '<a href="  java&#x09;script:window.__pwned = 11">tab and spaces</a>',
  '<a href="vbscript:msgbox(1)">vbscript</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xMjwvc2NyaXB0Pg==">data link</a>',
  '<a href="file:///etc/passwd">file link</a>',
  '<a href="/relative/path">relative link</a>',
  '<a href="https://example.org/ok" onclick="window.__pwned = 13">safe link</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = 14"></style></mglyph></table></mtext></math><p>mutation</p>',
  '<form action="javascript:window.__pwned = 15"><button>go</button></form><p>form</p>',
  '<div style="background:url(javascript:window.__pwned=16)">styled</div>',
  '<object data="javascript:window.__pwned = 17"></object><embed src="javascript:window.__pwned = 18"><p>embeds</p>',
  '<!-- <img src=x onerror="window.__pwned = 19"> --><p>comment</p>',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=20>">noscript</p></noscript>',
];
const BAD_TARGET = /javascript|vbscript|data:|file:/i;

test('hostile clipboard HTML never runs, and neither the stored note nor an export carries a handler or a dangerous link', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openNote(app, 'Hostile paste');
  for (const html of HOSTILE_HTML) {
    await app.typeInNote('');
    await page.keyboard.press('Enter');
    await app.paste({ html, text: 'fallback text' });
  }
  // Hallnotes' own clipboard format carries node JSON: a page could forge a link in it.
  const forged = { namespace: 'HallnotesNote', nodes: [{ type: 'link', version: 1, url: 'javascript:window.__pwned = 21', rel: null, target: null, title: null, children: [{ type: 'text', version: 1, text: 'forged link', format: 0, detail: 0, mode: 'normal', style: '' }], direction: null, format: '', indent: 0 }] };
  await app.paste({ text: 'forged link', html: '<a href="javascript:window.__pwned = 21">forged link</a>' });
  await app.editor.evaluate((editor, json) => {
    const data = new DataTransfer();
    data.setData('application/x-lexical-editor', json);
    data.setData('text/plain', 'forged link');
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, JSON.stringify(forged));

  await expect(app.editor).toContainText('safe link');
  for (const paragraph of await app.editor.locator('p, a').all()) await paragraph.hover();
  for (const link of await app.editor.locator('a').all()) await link.click({ modifiers: ['ControlOrMeta'] });
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await foreignMarkup(app)).toEqual([]);
  await expect(app.editor.locator('a')).toHaveCount(1);
  await expect(app.editor.locator('a')).toHaveAttribute('href', 'https://example.org/ok');

  await app.waitUntilSaved();
  const stored = await readStoredNote(host.libraryPath, 'Hostile paste');
  const links = storedNodes(stored).filter((node) => node.type === 'link' || node.type === 'autolink');
  expect(links.map((link) => link.url)).toEqual(['https://example.org/ok']);
  const storedJson = JSON.stringify(stored);
  expect(storedJson).not.toMatch(/\bon[a-z]+\s*=/i);
  expect(storedJson).not.toMatch(/<script|<img|<svg|<iframe/i);

  const post = composePost({
    title: 'Hostile day',
    intro: null,
    closing: null,
    byline: '',
    author: '',
    tags: [],
    date: '2026-06-02',
    style: 'headings',
    sections: [{ session: session('hostile', 'Hostile paste', []), note: stored }],
  });
  const html = renderHtml(post, { document: true });
  const markdown = renderMarkdown(post, { frontMatter: true });
  expect(html).toContain('https://example.org/ok');
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/<script|<iframe|<svg|<object|<embed/i);
  for (const [, target] of html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(target).not.toMatch(BAD_TARGET);
  for (const [, target] of markdown.matchAll(/\]\(([^)]*)\)/g)) expect(target).not.toMatch(BAD_TARGET);
  expect(markdown).not.toMatch(/<[a-z]/i);
});
