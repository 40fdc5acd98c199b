import { execFileSync } from 'node:child_process';
import { mkdir, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PHOTO, type PostLibrary } from '../posts/postLibrary';
import { assetsFolderOf, PHOTO_FILE, preparePhotoTraps, removePhotoTraps } from './photoTraps';

let library: PostLibrary;
let elsewhere: string;
beforeEach(async () => ({ library, elsewhere } = await preparePhotoTraps()));
afterEach(() => removePhotoTraps({ library, elsewhere }));

const assetsFolder = () => assetsFolderOf(library);
const photoPath = () => join(assetsFolder(), PHOTO_FILE);
const photoItems = async () =>
  (await library.services.postResolver.resolve(library.event.id, 1)).attention.filter((item) => item.kind === 'missing-image').map((item) => item.message);

describe('"Needs attention" judges a photo as the export does', () => {
  it('lists a photo that is a link to a file outside the library, which the export and publishing leave out', async () => {
    expect(await photoItems()).toEqual([]);
    await rm(photoPath());
    await symlink(join(elsewhere, 'id_rsa'), photoPath());
    expect(await photoItems()).toEqual([
      `“Opening keynote” shows the photo ${PHOTO}, which is a link to a file outside the library: exports do not copy it and publishing refuses it. Add the photo to the note again.`,
    ]);
  });

  it('lists a photo whose whole assets folder is a link to somewhere else', async () => {
    await rename(assetsFolder(), join(elsewhere, 'assets'));
    await symlink(join(elsewhere, 'assets'), assetsFolder());
    expect(await photoItems()).toEqual([expect.stringContaining('is a link to a file outside the library')]);
  });

  it('lists a pipe or a folder standing where the photo should be, without waiting on it', async () => {
    await rm(photoPath());
    execFileSync('mkfifo', [photoPath()]);
    expect(await photoItems()).toEqual([expect.stringContaining('is not a regular file (a folder, a pipe or a device stands in its place)')]);
    await rm(photoPath());
    await mkdir(photoPath());
    expect(await photoItems()).toEqual([expect.stringContaining('is not a regular file')]);
  }, 10_000);

  it('still lists a missing photo as missing, and takes a link to a photo inside the library as the photo', async () => {
    const keptElsewhereInLibrary = join(library.root, 'kept.jpg');
    await rename(photoPath(), keptElsewhereInLibrary);
    await symlink(keptElsewhereInLibrary, photoPath());
    expect(await photoItems()).toEqual([]);
    await rm(photoPath());
    expect(await photoItems()).toEqual([`“Opening keynote” shows the photo ${PHOTO}, which is missing from the event's assets folder.`]);
  });
});
