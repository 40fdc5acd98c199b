import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportOptions } from '../../shared/export/renderPost';
import { PRIVATE_TEXT, createPostLibrary, type PostLibrary } from './postLibrary';

let library: PostLibrary;
beforeEach(async () => {
  library = await createPostLibrary();
  await library.services.posts.save(library.event.id, 1, { tags: ['cloud', 'data'] });
});
afterEach(() => library.cleanup());

const FORMATS: [string, ExportOptions][] = [
  ['day-1.html', { format: 'html', fragment: false, frontMatter: false }],
  ['day-1.md', { format: 'markdown', fragment: false, frontMatter: true }],
  ['day-1.wordpress.html', { format: 'wordpress', fragment: false, frontMatter: false }],
  ['day-1.txt', { format: 'text', fragment: false, frontMatter: false }],
];

describe('a day exported from disk', () => {
  it.each(FORMATS)('is pinned as %s: speakers with roles, an attributed quote, a list, a link, a photo beside the file, no private note', async (name, options) => {
    const target = join(library.root, name);
    const result = await library.services.exporter.write(library.event.id, 1, options, async () => target);
    expect(result).toMatchObject({ status: 'written', problems: [] });
    const written = await readFile(target, 'utf8');
    expect(written).not.toContain(PRIVATE_TEXT);
    await expect(written).toMatchFileSnapshot(`__snapshots__/${name}`);
  });
});
