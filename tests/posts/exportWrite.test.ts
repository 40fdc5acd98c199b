import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import type { ExportOptions } from '../../shared/export/renderPost';
import type { ExportResult } from '../../shared/model/post';
import { auditHtml } from '../export/helpers/htmlAudit';
import { link, note, paragraph, text } from '../export/fixtures/noteBuilders';
import { createPostLibrary, notePath, PHOTO, PHOTO_BYTES, writeRawNote, type PostLibrary } from './postLibrary';

let library: PostLibrary;
beforeEach(async () => {
  library = await createPostLibrary();
});
afterEach(() => library.cleanup());

const PHOTO_FILE = PHOTO.slice('assets/'.length);
const html: ExportOptions = { format: 'html', fragment: false, frontMatter: false };
const markdown: ExportOptions = { format: 'markdown', fragment: false, frontMatter: true };

async function exportTo(options: ExportOptions, target: string, day: number | null = 1) {
  const result = await library.services.exporter.write(library.event.id, day, options, async () => target);
  if (result.status !== 'written') throw new Error('the export was cancelled');
  return result;
}

describe('export:write', () => {
  it('writes to <library>/exports/<event>/ under a name from the title, with the photos copied beside it', async () => {
    const handlers = createChannelHandlers(library.services, { onFlushComplete: () => undefined });
    const result = await dispatchChannel(handlers, 'export:write', { eventId: library.event.id, day: 1, format: 'html' });
    const folder = join(library.root, 'exports', library.event.id);
    const path = join(folder, 'web-summit-day-1-reflections.html');
    expect(result).toEqual({ ok: true, value: { status: 'written', path, bytes: expect.any(Number), images: 1, problems: [] } });

    const written = await readFile(path, 'utf8');
    expect(Buffer.byteLength(written)).toBe((result as { value: { bytes: number } }).value.bytes);
    expect(written).toContain('<h1>Web Summit – Day 1 Reflections</h1>');
    expect(written).toContain('<h2>Chris Example, Chief Architect at Cloudy: Opening keynote</h2>');
    expect(written).toContain(`<img src="web-summit-day-1-reflections-images/${PHOTO_FILE}" alt="Chris on stage">`);
    expect(auditHtml(written, { document: true, imagesFolder: 'web-summit-day-1-reflections-images' })).toEqual([]);
    expect(await readFile(join(folder, 'web-summit-day-1-reflections-images', PHOTO_FILE))).toEqual(PHOTO_BYTES);
    expect((await readdir(folder)).sort()).toEqual(['web-summit-day-1-reflections-images', 'web-summit-day-1-reflections.html']);
  });

  it('asks the transport where to save and writes nothing when the dialog is cancelled', async () => {
    const asked: string[] = [];
    const handlers = createChannelHandlers(library.services, {
      onFlushComplete: () => undefined,
      chooseExportPath: async (name, format) => {
        asked.push(`${name} ${format}`);
        return null;
      },
    });
    const result = await dispatchChannel(handlers, 'export:write', { eventId: library.event.id, day: 1, format: 'markdown', frontMatter: true });
    expect(result).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(asked).toEqual(['web-summit-day-1-reflections.md markdown']);
    await expect(readdir(join(library.root, 'exports'))).rejects.toThrow();
  });

  it('writes Markdown with front matter and photos referred to relatively, percent-encoded', async () => {
    const target = join(library.root, 'My Blog #1.md');
    const result = await exportTo(markdown, target);
    const written = await readFile(target, 'utf8');
    expect(written.startsWith('---\ntitle: "Web Summit – Day 1 Reflections"\ndate: 2026-11-02\nauthor: "Jane Doe"\ntags: []\n---\n')).toBe(true);
    expect(written).toContain('## Chris Example, Chief Architect at Cloudy: Opening keynote');
    expect(written).toContain(`![Chris on stage](My%20Blog%20%231-images/${PHOTO_FILE})`);
    expect(result.images).toBe(1);
    expect(await readFile(join(library.root, 'My Blog #1-images', PHOTO_FILE))).toEqual(PHOTO_BYTES);
  });

  it('copies no photos for plain text', async () => {
    const target = join(library.root, 'post.txt');
    const result = await exportTo({ format: 'text', fragment: false, frontMatter: false }, target);
    expect(result.images).toBe(0);
    expect(await readFile(target, 'utf8')).toContain('[Image: Chris on stage]');
    expect(await readdir(library.root)).not.toContain('post-images');
  });

  it('replaces an earlier export in one step and leaves no temporary files', async () => {
    const target = join(library.root, 'out', 'day.html');
    await mkdir(join(library.root, 'out'));
    await writeFile(target, 'the previous export');
    await exportTo(html, target);
    expect(await readFile(target, 'utf8')).toContain('<!DOCTYPE html>');
    expect((await readdir(join(library.root, 'out'))).sort()).toEqual(['day-images', 'day.html']);
    expect(await readdir(join(library.root, 'out', 'day-images'))).toEqual([PHOTO_FILE]);
  });

  it('never lets a private note, hostile text or a hostile link into the file', async () => {
    const hostile = note(paragraph(text('<script>alert(1)</script><img src=x onerror=alert(2)>'), link('javascript:alert(3)', 'click')));
    await writeRawNote(library.root, library.event.id, library.ids.panel, hostile);
    const target = join(library.root, 'day.html');
    await exportTo(html, target);
    const written = await readFile(target, 'utf8');
    expect(written).not.toContain('+49 170');
    expect(written).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(written).not.toContain('javascript:');
    expect(auditHtml(written, { document: true, imagesFolder: 'day-images' })).toEqual([]);
  });

  it('exports the rest when a note is damaged, and names the broken one', async () => {
    await writeFile(notePath(library.root, library.event.id, library.ids.keynote), 'garbage');
    const result = await exportTo(html, join(library.root, 'day.html'));
    expect(result.problems).toEqual([expect.stringContaining('The note for "Opening keynote" could not be read')]);
    const written = await readFile(join(library.root, 'day.html'), 'utf8');
    expect(written).toContain('Opening keynote</h2>');
    expect(written).toContain('Storage is 40% of budgets');
  });

  it('names a photo missing from the assets folder and still writes the post', async () => {
    await rm(join(library.root, 'events', library.event.id, PHOTO));
    const result = await exportTo(html, join(library.root, 'day.html'));
    expect(result.images).toBe(0);
    expect(result.problems).toEqual([`The photo ${PHOTO} in “Opening keynote” is missing from the event's assets folder, so it was not copied; the post still refers to it.`]);
  });
});

describe('bad input', () => {
  it('refuses a post that includes nothing, and writes no file', async () => {
    await library.services.posts.save(library.event.id, 1, { sessionIds: [] });
    const asked: string[] = [];
    const write = library.services.exporter.write(library.event.id, 1, html, async (name) => {
      asked.push(name);
      return join(library.root, 'empty.html');
    });
    await expect(write).rejects.toThrow('The post for Day 1 of “Web Summit” includes no sessions, so there is nothing to export; no file was written.');
    expect(asked).toEqual([]);
    expect(await readdir(library.root)).not.toContain('empty.html');
  });

  it('says so when the target folder does not exist or is not a folder', async () => {
    await expect(exportTo({ format: 'text', fragment: false, frontMatter: false }, join(library.root, 'missing', 'day.txt'))).rejects.toThrow(
      `Could not save the export to ${join(library.root, 'missing', 'day.txt')}: the folder no longer exists.`,
    );
    await writeFile(join(library.root, 'a-file'), '');
    await expect(exportTo(html, join(library.root, 'a-file', 'day.html'))).rejects.toThrow('a folder in the path is not a folder');
  });
});

describe('determinism', () => {
  it('gives byte-identical files for the same library, export after export and library after library', async () => {
    const formats: ExportOptions[] = [html, { ...html, fragment: true }, markdown, { format: 'wordpress', fragment: false, frontMatter: false }, { format: 'text', fragment: false, frontMatter: false }];
    const first = await Promise.all(formats.map((options, index) => exportTo(options, join(library.root, `a-${index}.out`)).then(() => readFile(join(library.root, `a-${index}.out`)))));
    const again = await Promise.all(formats.map((options, index) => exportTo(options, join(library.root, `a-${index}.out`)).then(() => readFile(join(library.root, `a-${index}.out`)))));
    expect(again).toEqual(first);

    const other = await createPostLibrary();
    try {
      const elsewhere = await Promise.all(
        formats.map(async (options, index) => {
          const target = join(other.root, `a-${index}.out`);
          const result: ExportResult = await other.services.exporter.write(other.event.id, 1, options, async () => target);
          expect(result.status).toBe('written');
          return readFile(target);
        }),
      );
      expect(elsewhere).toEqual(first);
    } finally {
      await other.cleanup();
    }
  });
});
