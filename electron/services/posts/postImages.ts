import type { Block } from '../../../shared/export/postBlocks';

/** The src of every image the post will show, in reading order, each once. */
export function imageSources(blocks: readonly Block[]): string[] {
  const sources = new Set<string>();
  const visit = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'image') sources.add(block.src);
      else if (block.kind === 'quote') visit(block.blocks);
    }
  };
  visit(blocks);
  return [...sources];
}
