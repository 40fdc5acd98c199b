import type { Block } from './postBlocks';

/** A photo the post shows; src is its path in the event's assets folder ("assets/<sha256>.jpg"). */
export type PostImage = { src: string; alt: string; caption: string };

/** Where a publisher put a photo: its address on the site and, when the CMS has one, its media id. */
export type ImageTarget = { src: string; mediaId?: number };

/** Every photo the post shows, in reading order, each file once (with the alt text and caption it first appears with). */
export function imagesOf(blocks: readonly Block[]): PostImage[] {
  const images = new Map<string, PostImage>();
  const visit = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'image' && !images.has(block.src)) images.set(block.src, { src: block.src, alt: block.alt, caption: block.caption });
      else if (block.kind === 'quote') visit(block.blocks);
    }
  };
  visit(blocks);
  return [...images.values()];
}

/** The blocks with each photo pointing where `target` says; photos it has no answer for keep their src. */
export function pointImages(blocks: readonly Block[], target: (src: string) => ImageTarget | undefined): Block[] {
  return blocks.map((block) => {
    if (block.kind === 'quote') return { ...block, blocks: pointImages(block.blocks, target) };
    if (block.kind !== 'image') return block;
    const found = target(block.src);
    return found ? { ...block, src: found.src, ...(found.mediaId === undefined ? {} : { mediaId: found.mediaId }) } : block;
  });
}
