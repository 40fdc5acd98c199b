import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostLibrary, PHOTO, type PostLibrary } from '../posts/postLibrary';

/** What a photo linked out of the library must never carry into an export or a publish. */
export const SECRET = 'the contents of a file elsewhere on this computer';
export const PHOTO_FILE = PHOTO.slice('assets/'.length);

export type PhotoTraps = { library: PostLibrary; elsewhere: string };

/** A post library whose note shows PHOTO, and a folder elsewhere on this computer holding a secret (`id_rsa`). */
export async function preparePhotoTraps(): Promise<PhotoTraps> {
  const library = await createPostLibrary();
  const elsewhere = await mkdtemp(join(tmpdir(), 'hallnotes-elsewhere-'));
  await writeFile(join(elsewhere, 'id_rsa'), SECRET);
  return { library, elsewhere };
}

export async function removePhotoTraps({ library, elsewhere }: PhotoTraps): Promise<void> {
  await library.cleanup();
  await rm(elsewhere, { recursive: true, force: true });
}

export const assetsFolderOf = (library: PostLibrary) => join(library.root, 'events', library.event.id, 'assets');
