import type { SerializedNoteNode, SerializedNoteState } from './noteFile';

/**
 * Plain text of a stored note, block by block, without a DOM or an editor: used for word
 * counts, search indexing, snapshots and the export checks. Node types that hold text in a
 * field other than children (custom nodes) can register how to read it.
 */
const BLOCK_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'attributed-quote', 'private-note', 'image']);
const textOfLeaf: Record<string, (node: SerializedNoteNode) => string> = {
  text: (node) => String(node.text ?? ''),
  linebreak: () => '\n',
  tab: () => '\t',
  timestamp: (node) => String(node.time ?? ''),
};
/** A photo is a block whose only words are its caption. */
const textOfBlock: Record<string, (node: SerializedNoteNode) => string> = {
  image: (node) => String(node.caption ?? ''),
};

export function registerLeafText(type: string, read: (node: SerializedNoteNode) => string): void {
  textOfLeaf[type] = read;
}

export type NoteTextOptions = {
  /** Include "for me only" private notes (search does; counts of the piece do not). Default true. */
  includePrivate?: boolean;
};

export function noteStateText(state: SerializedNoteState, options: NoteTextOptions = {}): string {
  const blocks: string[] = [];
  collectBlocks(state.root, blocks, options.includePrivate ?? true);
  return blocks.filter((block) => block.length > 0).join('\n');
}

function collectBlocks(node: SerializedNoteNode, blocks: string[], includePrivate: boolean): void {
  if (node.type === 'private-note' && !includePrivate) return;
  const readBlock = textOfBlock[node.type];
  if (readBlock) {
    blocks.push(readBlock(node));
    return;
  }
  const children = node.children ?? [];
  const hasBlockChildren = children.some((child) => BLOCK_TYPES.has(child.type) || (child.children && !isInline(child)));
  if (!hasBlockChildren) {
    blocks.push(inlineText(node));
    return;
  }
  for (const child of children) {
    if (isInline(child)) blocks.push(inlineText(child));
    else collectBlocks(child, blocks, includePrivate);
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

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’\-_.@#]|:(?=\p{N}))*/gu;

/** Words as a reader counts them: runs of letters or digits, with inner apostrophes and hyphens; a time such as 14:05 is one. */
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
