import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

let outDir: string;
let indexHtml: string;

/** The production renderer build, made fresh into a temporary folder (the CSP forbids inline code, so the build must have none). */
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'hallnotes-renderer-build-'));
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { encoding: 'utf8', timeout: 120_000 });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}`);
  indexHtml = await readFile(join(outDir, 'index.html'), 'utf8');
}, 130_000);
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function elements(node: Node): Element[] {
  const own = 'tagName' in node ? [node] : [];
  const children = 'childNodes' in node ? node.childNodes : [];
  const content = 'content' in node && node.content ? [node.content] : [];
  return [...own, ...[...children, ...content].flatMap((child) => elements(child as Node))];
}

describe('the production renderer build under the Content Security Policy', () => {
  it('has no inline script, no style element, no style or event-handler attribute', () => {
    const all = elements(parse(indexHtml));
    const scripts = all.filter((element) => element.tagName === 'script');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.attrs.find((attribute) => attribute.name === 'src')?.value, 'every script is a file').toMatch(/^\.\/assets\/[\w-]+\.js$/);
      expect(script.childNodes, 'no inline script body').toEqual([]);
    }
    expect(all.filter((element) => element.tagName === 'style')).toEqual([]);
    const inlineAttributes = all.flatMap((element) => element.attrs.filter((attribute) => attribute.name === 'style' || attribute.name.startsWith('on')).map((attribute) => `<${element.tagName} ${attribute.name}>`));
    expect(inlineAttributes).toEqual([]);
    const stylesheets = all.filter((element) => element.tagName === 'link' && element.attrs.some((attribute) => attribute.name === 'rel' && attribute.value === 'stylesheet'));
    for (const sheet of stylesheets) expect(sheet.attrs.find((attribute) => attribute.name === 'href')?.value).toMatch(/^\.\/assets\/[\w-]+\.css$/);
  });

  it('loads nothing from another origin', async () => {
    const references = [...indexHtml.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    for (const reference of references) expect(reference).toMatch(/^\.\//);
    const scripts = (await readdir(join(outDir, 'assets'))).filter((name) => name.endsWith('.js'));
    for (const script of scripts) expect(await readFile(join(outDir, 'assets', script), 'utf8')).not.toMatch(/\beval\(|new Function\(/);
  });

  it('is served with a policy that allows only the app’s own scripts and styles', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });
});
