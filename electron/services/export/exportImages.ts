import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { ComposedPost } from '../../../shared/export/composePost';
import type { Block } from '../../../shared/export/postBlocks';
import { fileSystemError } from '../storage/serviceError';

const ASSETS_PREFIX = 'assets/';

/** "day-1.html" → "day-1-images": the folder beside the exported file that holds its photos. */
export function imagesFolderName(targetPath: string): string {
  const name = basename(targetPath);
  const stem = name.endsWith('.wordpress.html') ? name.slice(0, -'.wordpress.html'.length) : name.slice(0, name.length - extname(name).length);
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
 * name and a rename, so a full disk never leaves a truncated photo under its real name. A
 * photo missing from the assets folder is reported and skipped; the export goes on.
 */
export async function copyImages(eventFolder: string, sources: readonly string[], folder: string): Promise<{ copied: number; problems: string[] }> {
  const problems: string[] = [];
  let copied = 0;
  for (const src of sources) {
    const from = join(eventFolder, src);
    const to = join(folder, src.slice(ASSETS_PREFIX.length));
    if (!(await isFile(from))) {
      problems.push(`The photo ${src} is missing from the event's assets folder, so it was not copied; the post still refers to it.`);
      continue;
    }
    const temporary = join(dirname(to), `.${basename(to)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(dirname(to), { recursive: true });
      await copyFile(from, temporary);
      await rename(temporary, to);
      copied++;
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw fileSystemError(`copy the photo ${src} to ${folder}`, error);
    }
  }
  return { copied, problems };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
