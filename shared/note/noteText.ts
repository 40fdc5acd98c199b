import type { SerializedNoteNode, SerializedNoteState } from './noteFile';

/**
 * Plain text of a stored note, block by block, without a DOM or an editor: used for word
 * counts, search indexing, snapshots and the export checks. Node types that hold text in a
 * field other than children (custom nodes) can register how to read it.
 */
const BLOCK_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem']);
const textOfLeaf: Record<string, (node: SerializedNoteNode) => string> = {
  text: (node) => String(node.text ?? ''),
  linebreak: () => '\n',
  tab: () => '\t',
};

export function registerLeafText(type: string, read: (node: SerializedNoteNode) => string): void {
  textOfLeaf[type] = read;
}

export function noteStateText(state: SerializedNoteState): string {
  const blocks: string[] = [];
  collectBlocks(state.root, blocks);
  return blocks.filter((block) => block.length > 0).join('\n');
}

function collectBlocks(node: SerializedNoteNode, blocks: string[]): void {
  const children = node.children ?? [];
  const hasBlockChildren = children.some((child) => BLOCK_TYPES.has(child.type) || (child.children && !isInline(child)));
  if (!hasBlockChildren) {
    blocks.push(inlineText(node));
    return;
  }
  for (const child of children) {
    if (isInline(child)) blocks.push(inlineText(child));
    else collectBlocks(child, blocks);
  }
}

function isInline(node: SerializedNoteNode): boolean {
  return node.type in textOfLeaf || node.type === 'link' || node.type === 'autolink';
}

function inlineText(node: SerializedNoteNode): string {
  const read = textOfLeaf[node.type];
  if (read) return read(node);
  return (node.children ?? []).map(inlineText).join('');
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-_.@#]*/gu;

/** Words as a reader counts them: runs of letters or digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}

/** Minutes to read at 230 words a minute, at least one for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230));
}
