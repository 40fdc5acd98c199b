import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannelHandlers, type ChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import { createPostLibrary, type PostLibrary } from '../posts/postLibrary';

/** The host has no save dialog: exports go to <library>/exports/<event>/, and an earlier file there is not replaced unasked. */
let library: PostLibrary;
let handlers: ChannelHandlers;
let folder: string;
const NAME = 'web-summit-day-1-reflections.html';

beforeEach(async () => {
  library = await createPostLibrary();
  handlers = createChannelHandlers(library.services, { onFlushComplete: () => undefined });
  folder = join(library.root, 'exports', library.event.id);
});
afterEach(() => library.cleanup());

const exportHtml = (ifExists?: 'ask' | 'replace' | 'keep-both') =>
  dispatchChannel(handlers, 'export:write', { eventId: library.event.id, day: 1, format: 'html', ...(ifExists && { ifExists }) });

describe('export:write without a save dialog', () => {
  it('writes a new file without asking', async () => {
    expect(await exportHtml()).toMatchObject({ ok: true, value: { status: 'written', path: join(folder, NAME) } });
  });

  it('asks before replacing an earlier export, and touches nothing until told', async () => {
    await exportHtml();
    await writeFile(join(folder, NAME), 'the earlier export, edited by hand');
    const before = await stat(join(folder, NAME));

    expect(await exportHtml()).toEqual({ ok: true, value: { status: 'exists', path: join(folder, NAME) } });

    expect(await readFile(join(folder, NAME), 'utf8')).toBe('the earlier export, edited by hand');
    expect((await stat(join(folder, NAME))).mtimeMs).toBe(before.mtimeMs);
  });

  it('replaces it when told to', async () => {
    await exportHtml();
    await writeFile(join(folder, NAME), 'the earlier export');
    expect(await exportHtml('replace')).toMatchObject({ ok: true, value: { status: 'written', path: join(folder, NAME) } });
    expect(await readFile(join(folder, NAME), 'utf8')).toContain('<h1>Web Summit – Day 1 Reflections</h1>');
  });

  it('keeps both when told to: the new export gets the next free number, its photos their own folder', async () => {
    await exportHtml();
    expect(await exportHtml('keep-both')).toMatchObject({ ok: true, value: { status: 'written', path: join(folder, 'web-summit-day-1-reflections-2.html'), images: 1 } });
    expect(await exportHtml('keep-both')).toMatchObject({ ok: true, value: { status: 'written', path: join(folder, 'web-summit-day-1-reflections-3.html') } });
    expect((await readdir(folder)).sort()).toEqual([
      'web-summit-day-1-reflections-2-images',
      'web-summit-day-1-reflections-2.html',
      'web-summit-day-1-reflections-3-images',
      'web-summit-day-1-reflections-3.html',
      'web-summit-day-1-reflections-images',
      NAME,
    ]);
    expect(await readFile(join(folder, 'web-summit-day-1-reflections-2.html'), 'utf8')).toContain('src="web-summit-day-1-reflections-2-images/');
  });

  it('numbers a WordPress export before its double extension', async () => {
    const wordpress = (ifExists?: 'keep-both') => dispatchChannel(handlers, 'export:write', { eventId: library.event.id, day: 1, format: 'wordpress', ...(ifExists && { ifExists }) });
    const first = await wordpress();
    expect(first).toMatchObject({ ok: true, value: { status: 'written' } });
    const firstPath = (first as { value: { path: string } }).value.path;
    const second = await wordpress('keep-both');
    expect((second as { value: { path: string } }).value.path).toBe(firstPath.replace(/\.wordpress\.html$/, '-2.wordpress.html'));
  });
});
