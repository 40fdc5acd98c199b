import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportOptions } from '../../shared/export/renderPost';
import { PHOTO, PHOTO_BYTES, type PostLibrary } from '../posts/postLibrary';
import { assetsFolderOf, PHOTO_FILE, preparePhotoTraps, removePhotoTraps, SECRET } from './photoTraps';

const html: ExportOptions = { format: 'html', fragment: false, frontMatter: false };

let library: PostLibrary;
let elsewhere: string;
beforeEach(async () => ({ library, elsewhere } = await preparePhotoTraps()));
afterEach(() => removePhotoTraps({ library, elsewhere }));

const assetsFolder = () => assetsFolderOf(library);
const photoPath = () => join(assetsFolder(), PHOTO_FILE);

async function exportDay() {
  const target = join(library.root, 'out', 'day.html');
  await mkdir(join(library.root, 'out'), { recursive: true });
  const result = await library.services.exporter.write(library.event.id, 1, html, async () => target);
  if (result.status !== 'written') throw new Error('the export was cancelled');
  const copied = await readdir(join(library.root, 'out', 'day-images')).catch(() => [] as string[]);
  const bytes = await Promise.all(copied.map((name) => readFile(join(library.root, 'out', 'day-images', name), 'utf8')));
  return { result, copied, bytes, written: await readFile(target, 'utf8') };
}

describe('exporting photos copies only regular files inside the library', () => {
  it('refuses a photo that is a link to a file outside the library, naming the photo and the session', async () => {
    await rm(photoPath());
    await symlink(join(elsewhere, 'id_rsa'), photoPath());

    const { result, copied, bytes, written } = await exportDay();

    expect(bytes.join('')).not.toContain(SECRET);
    expect(copied).toEqual([]);
    expect(result.images).toBe(0);
    expect(result.problems).toEqual([
      `The photo ${PHOTO} in “Opening keynote” is a link to a file outside the library, so it was not copied; the post still refers to it.`,
    ]);
    expect(written).toContain('Chris opened with a question about the bill.');
  });

  it('refuses a photo when the whole assets folder is a link to somewhere else', async () => {
    await rename(assetsFolder(), join(elsewhere, 'assets'));
    await writeFile(join(elsewhere, 'assets', PHOTO_FILE), SECRET);
    await symlink(join(elsewhere, 'assets'), assetsFolder());

    const { result, bytes } = await exportDay();

    expect(bytes.join('')).not.toContain(SECRET);
    expect(result.problems).toEqual([expect.stringContaining(`The photo ${PHOTO} in “Opening keynote” is a link to a file outside the library`)]);
  });

  it('refuses a pipe or a folder standing where the photo should be, without waiting on it', async () => {
    await rm(photoPath());
    execFileSync('mkfifo', [photoPath()]);
    const pipe = await exportDay();
    expect(pipe.result.problems).toEqual([
      `The photo ${PHOTO} in “Opening keynote” is not a regular file (a folder, a pipe or a device stands in its place), so it was not copied; the post still refers to it.`,
    ]);

    await rm(photoPath());
    await mkdir(photoPath());
    expect((await exportDay()).result.problems).toEqual([expect.stringContaining('is not a regular file')]);
  }, 10_000);

  it('names the session of a photo missing from the assets folder', async () => {
    await rm(photoPath());
    const { result } = await exportDay();
    expect(result.problems).toEqual([`The photo ${PHOTO} in “Opening keynote” is missing from the event's assets folder, so it was not copied; the post still refers to it.`]);
  });

  it('still copies a regular photo, and a link to a photo inside the library, as the photo route shows them', async () => {
    expect((await exportDay()).bytes).toEqual([PHOTO_BYTES.toString('utf8')]);

    const keptElsewhereInLibrary = join(library.root, 'kept.jpg');
    await rename(photoPath(), keptElsewhereInLibrary);
    await symlink(keptElsewhereInLibrary, photoPath());
    const linked = await exportDay();
    expect(linked.result.problems).toEqual([]);
    expect(linked.bytes).toEqual([PHOTO_BYTES.toString('utf8')]);
  });
});

describe('the photo route (host and app://) applies the same rule', () => {
  it('serves nothing for a link leading outside the library, a pipe or a folder', async () => {
    const read = () => library.services.assets.read(library.event.id, PHOTO_FILE);
    expect((await read())?.body).toEqual(PHOTO_BYTES);

    await rm(photoPath());
    await symlink(join(elsewhere, 'id_rsa'), photoPath());
    expect(await read()).toBeNull();

    await rm(photoPath());
    execFileSync('mkfifo', [photoPath()]);
    expect(await read()).toBeNull();
  }, 10_000);
});
