import type { Block } from '../../../shared/export/postBlocks';
import { imagesOf } from '../../../shared/export/postImages';

/** The src of every image the post will show, in reading order, each once. */
export function imageSources(blocks: readonly Block[]): string[] {
  return imagesOf(blocks).map((image) => image.src);
}
