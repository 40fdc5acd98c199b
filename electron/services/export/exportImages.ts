import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ComposedPost } from '../../../shared/export/composePost';
import type { Block } from '../../../shared/export/postBlocks';
import { assetFileOf } from '../../../shared/note/assetPath';
import { ASSET_REFUSALS, locateAssetFile } from '../assets/assetFile';
import type { LibraryPaths } from '../library/libraryPaths';
import { fileSystemError } from '../storage/serviceError';

const ASSETS_PREFIX = 'assets/';
/** The one export whose file name has two extensions; names derived from it keep both. */
export const WORDPRESS_EXTENSION = '.wordpress.html';

/** "day-1.html" → "day-1-images": the folder beside the exported file that holds its photos. */
export function imagesFolderName(targetPath: string): string {
  const name = basename(targetPath);
  const stem = name.endsWith(WORDPRESS_EXTENSION) ? name.slice(0, -WORDPRESS_EXTENSION.length) : name.slice(0, name.length - extname(name).length);
  return `${stem || 'post'}-images`;
}

/**
 * The post with every photo pointing into the images folder, relative to the exported file:
 * "assets/3f2a.jpg" → "day-1-images/3f2a.jpg". Each path segment is percent-encoded, so a
 * folder name with spaces or "#" stays one relative URL in every format.
 */
export function pointImagesInto(post: ComposedPost, folderName: string): ComposedPost {
  const move = (src: string) => [folderName, ...src.slice(ASSETS_PREFIX.length).split('/')].map(encodeURIComponent).join('/');
  const mapBlocks = (blocks: readonly Block[]): Block[] =>
    blocks.map((block) => {
      if (block.kind === 'image') return { ...block, src: move(block.src) };
      if (block.kind === 'quote') return { ...block, blocks: mapBlocks(block.blocks) };
      return block;
    });
  return { ...post, blocks: mapBlocks(post.blocks) };
}

/**
 * Copies the photos from the event's assets folder into `folder`, each through a temporary
 * name and a rename, so a full disk never leaves a truncated photo under its real name. Only a
 * regular file inside the library is copied (the rule the photo route follows); anything else
 * is reported, naming the photo and where it is shown (`placeOf`), and skipped; the export goes on.
 */
export async function copyImages(
  paths: LibraryPaths,
  eventId: string,
  sources: readonly string[],
  folder: string,
  placeOf: (src: string) => string,
): Promise<{ copied: number; problems: string[] }> {
  const problems: string[] = [];
  let copied = 0;
  for (const src of sources) {
    const fileName = assetFileOf(src) ?? '';
    const location = await locateAssetFile(paths, eventId, fileName);
    if (!location.found) {
      problems.push(`The photo ${src} in ${placeOf(src)} ${ASSET_REFUSALS[location.reason]}, so it was not copied; the post still refers to it.`);
      continue;
    }
    const to = join(folder, fileName);
    const temporary = join(folder, `.${fileName}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(folder, { recursive: true });
      await copyFile(location.path, temporary);
      await rename(temporary, to);
      copied++;
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw fileSystemError(`copy the photo ${src} to ${folder}`, error);
    }
  }
  return { copied, problems };
}
