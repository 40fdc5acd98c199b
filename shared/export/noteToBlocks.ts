/**
 * Walks a stored Lexical note (its serialized JSON) into export blocks. Deliberately no
 * Lexical editor, no DOM and no runtime dependencies: the main process exports straight from
 * disk, the renderer previews with the same code, and the same input always gives the same
 * blocks.
 *
 * Each node type has a renderer in one of two tables (block-level and inline), so new editor
 * nodes slot in as one entry. A node type found in neither table still shows its text (its
 * children's content, or its own `text`): user text is never dropped silently and unknown
 * markup is never passed through. Private notes are the one thing always left out.
 */
import { isAssetSrc } from '../note/assetPath';
import type { SerializedNoteNode, SerializedNoteState } from '../note/noteFile';
import { safeUrl } from '../note/safeUrl';
import {
  ATTRIBUTED_QUOTE_NODE_TYPE,
  IMAGE_NODE_TYPE,
  PRIVATE_NOTE_NODE_TYPE,
  TIMESTAMP_NODE_TYPE,
} from './customNodeTypes';
import { nestInlines, singleLine, textRuns, type FlatInline } from './inlineContent';
import type { Block, HeadingLevel, ListBlock, ListItem } from './postBlocks';

export type NoteToBlocksOptions = {
  /**
   * The level of the note's top headings: 3 under a session's h2, 2 right under the post
   * title; null keeps the levels the note stores (a note shown on its own).
   */
  topHeadingLevel: number | null;
};

/** A note on its own, its headings at the levels it stores. */
export const AS_STORED: NoteToBlocksOptions = { topHeadingLevel: null };

/** The headings above the one being placed: the level the reporter chose and the level it got. */
type OpenHeading = { tagLevel: number; level: number };
type WalkContext = { topHeadingLevel: number | null; openHeadings: OpenHeading[]; depth: number; insideLink: boolean };
type BlockRenderer = (node: SerializedNoteNode, context: WalkContext) => Block[];
type InlineRenderer = (node: SerializedNoteNode, context: WalkContext) => FlatInline[];

/** Stored notes are validated to 40 levels; this only stops a hostile tree from overflowing the stack. */
const MAX_WALK_DEPTH = 64;
const WALL_CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

const BLOCK_RENDERERS = new Map<string, BlockRenderer>([
  ['paragraph', (node, context) => flowBlocks(childrenOf(node), context)],
  ['heading', headingBlocks],
  ['quote', (node, context) => quoteBlocks(node, context, null)],
  ['list', (node, context) => nonEmptyList(listBlock(node, context))],
  [ATTRIBUTED_QUOTE_NODE_TYPE, (node, context) => quoteBlocks(node, context, attributionOf(node))],
  [IMAGE_NODE_TYPE, imageBlocks],
  [PRIVATE_NOTE_NODE_TYPE, () => []],
]);

const INLINE_RENDERERS = new Map<string, InlineRenderer>([
  ['text', textInline],
  ['tab', textInline],
  ['linebreak', () => [{ kind: 'lineBreak', marks: 0 }]],
  ['link', linkInline],
  ['autolink', linkInline],
  [TIMESTAMP_NODE_TYPE, timestampInline],
  [PRIVATE_NOTE_NODE_TYPE, () => []],
  [IMAGE_NODE_TYPE, imageWords],
]);

export function noteToBlocks(state: SerializedNoteState | null, options: NoteToBlocksOptions): Block[] {
  if (!state) return [];
  return flowBlocks(childrenOf(state.root), { topHeadingLevel: options.topHeadingLevel, openHeadings: [], depth: 0, insideLink: false });
}

function childrenOf(node: SerializedNoteNode): SerializedNoteNode[] {
  return Array.isArray(node.children) ? node.children : [];
}

function deeper(context: WalkContext): WalkContext {
  return { ...context, depth: context.depth + 1 };
}

/** A string field of a custom node as one line of text ('' when missing). */
function stringField(node: SerializedNoteNode, field: string): string {
  const value = node[field];
  return typeof value === 'string' ? singleLine(value) : '';
}

/** A block-level node: one the block table knows, or an unknown container of such nodes. */
function isBlockLevel(node: SerializedNoteNode): boolean {
  if (BLOCK_RENDERERS.has(node.type)) return true;
  if (INLINE_RENDERERS.has(node.type) || typeof node.text === 'string') return false;
  return childrenOf(node).some(isBlockLevel);
}

/** Mixed children → blocks; runs of inline nodes become paragraphs, so an image inside a paragraph splits it. */
function flowBlocks(children: SerializedNoteNode[], context: WalkContext): Block[] {
  const blocks: Block[] = [];
  let pending: FlatInline[] = [];
  const flush = () => {
    const content = nestInlines(pending);
    pending = [];
    if (content.length > 0) blocks.push({ kind: 'paragraph', content });
  };
  for (const child of children) {
    if (context.depth < MAX_WALK_DEPTH && isBlockLevel(child)) {
      flush();
      const render = BLOCK_RENDERERS.get(child.type);
      blocks.push(...(render ? render(child, deeper(context)) : flowBlocks(childrenOf(child), deeper(context))));
    } else {
      pending.push(...inlineOf(child, context));
    }
  }
  flush();
  return blocks;
}

function inlineOf(node: SerializedNoteNode, context: WalkContext): FlatInline[] {
  if (context.depth >= MAX_WALK_DEPTH) return textRuns(collectText(node), 0);
  const render = INLINE_RENDERERS.get(node.type);
  if (render) return render(node, context);
  if (typeof node.text === 'string') return textInline(node);
  // A block (or unknown container) where only inline content fits: keep its text, one line per child block.
  const pieces: FlatInline[] = [];
  for (const child of childrenOf(node)) {
    const childPieces = inlineOf(child, deeper(context));
    if (pieces.length > 0 && childPieces.length > 0 && isBlockLevel(child)) pieces.push({ kind: 'lineBreak', marks: 0 });
    pieces.push(...childPieces);
  }
  return pieces;
}

/** Every piece of text under a node, without recursion; private notes excluded. */
function collectText(root: SerializedNoteNode): string {
  const parts: string[] = [];
  const stack: SerializedNoteNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SerializedNoteNode;
    if (node.type === PRIVATE_NOTE_NODE_TYPE) continue;
    if (typeof node.text === 'string') parts.push(node.text);
    stack.push(...childrenOf(node).slice().reverse());
  }
  return parts.join(' ');
}

function textInline(node: SerializedNoteNode): FlatInline[] {
  const text = typeof node.text === 'string' ? node.text : '';
  return textRuns(text, typeof node.format === 'number' ? node.format : 0);
}

function linkInline(node: SerializedNoteNode, context: WalkContext): FlatInline[] {
  const children = childrenOf(node).flatMap((child) => inlineOf(child, { ...deeper(context), insideLink: true }));
  // An unsafe target (javascript:, data:, …) or a link nested in a link keeps only its text.
  const url = context.insideLink || typeof node.url !== 'string' ? null : safeUrl(node.url);
  return url === null ? children : [{ kind: 'link', url, children, marks: 0 }];
}

function timestampInline(node: SerializedNoteNode): FlatInline[] {
  const time = stringField(node, 'time');
  if (WALL_CLOCK_TIME.test(time)) return [{ kind: 'time', dateTime: time, text: time, marks: 0 }];
  return textRuns(time, 0);
}

/**
 * A heading goes one level below the nearest heading before it that the reporter made bigger
 * (or at the note's top level when there is none), so the post never skips a level: a note
 * that starts at h2 or jumps from h1 to h3 still reads h3, h4 under a session's h2. The
 * levels stop at h6.
 */
function headingBlocks(node: SerializedNoteNode, context: WalkContext): Block[] {
  const content = nestInlines(childrenOf(node).flatMap((child) => inlineOf(child, context)));
  if (content.length === 0) return [];
  const tagLevel = Number(/^h([1-6])$/.exec(String(node.tag))?.[1] ?? 1) as HeadingLevel;
  if (context.topHeadingLevel === null) return [{ kind: 'heading', level: tagLevel, content }];
  const open = context.openHeadings;
  while (open.length > 0 && open[open.length - 1].tagLevel >= tagLevel) open.pop();
  const parent = open[open.length - 1];
  const level = Math.min(6, parent ? parent.level + 1 : context.topHeadingLevel) as HeadingLevel;
  open.push({ tagLevel, level });
  return [{ kind: 'heading', level, content }];
}

function quoteBlocks(node: SerializedNoteNode, context: WalkContext, attribution: string | null): Block[] {
  const blocks = flowBlocks(childrenOf(node), context);
  return blocks.length > 0 ? [{ kind: 'quote', blocks, attribution }] : [];
}

function attributionOf(node: SerializedNoteNode): string | null {
  const speaker = node.speaker as { name?: unknown; role?: unknown } | null | undefined;
  const name = typeof speaker?.name === 'string' ? singleLine(speaker.name) : '';
  const role = typeof speaker?.role === 'string' ? singleLine(speaker.role) : '';
  if (name === '') return null;
  return role === '' ? name : `${name}, ${role}`;
}

function nonEmptyList(list: ListBlock): Block[] {
  return list.items.length > 0 ? [list] : [];
}

/** Lexical nests a list as a list item holding only that list; it belongs to the item before it. */
function listBlock(node: SerializedNoteNode, context: WalkContext): ListBlock {
  const items: ListItem[] = [];
  for (const child of childrenOf(node)) {
    const parts = child.type === 'listitem' ? childrenOf(child) : [child];
    const inline: FlatInline[] = [];
    const lists: ListBlock[] = [];
    for (const part of parts) {
      const nested = part.type === 'list' && context.depth < MAX_WALK_DEPTH ? listBlock(part, deeper(context)) : null;
      if (nested === null) inline.push(...inlineOf(part, deeper(context)));
      else if (nested.items.length > 0) lists.push(nested);
    }
    const content = nestInlines(inline);
    const previous = items[items.length - 1];
    if (content.length === 0 && lists.length > 0 && previous) previous.lists.push(...lists);
    else if (content.length > 0 || lists.length > 0) items.push({ content, lists });
  }
  const start = typeof node.start === 'number' && Number.isInteger(node.start) && node.start >= 0 && node.start < 1e9 ? node.start : 1;
  return { kind: 'list', ordered: node.listType === 'number', start, items };
}

function imageFields(node: SerializedNoteNode): { src: string; alt: string; caption: string } {
  return { src: stringField(node, 'src'), alt: stringField(node, 'alt'), caption: stringField(node, 'caption') };
}

/** An image where only inline content fits (a heading, a list item) keeps its words. */
function imageWords(node: SerializedNoteNode): FlatInline[] {
  const { alt, caption } = imageFields(node);
  return textRuns(caption || alt, 0);
}

/**
 * Only a stored photo (the note model's rule: assets/<sha256>.<ext>) is referenced; anything
 * else keeps its words only. A photo's alt text is its own description, else its caption: a
 * reader who cannot see it gets the words the reporter wrote about it.
 */
function imageBlocks(node: SerializedNoteNode): Block[] {
  const { src, alt, caption } = imageFields(node);
  if (isAssetSrc(src)) return [{ kind: 'image', src, alt: alt || caption, caption }];
  const content = nestInlines(textRuns(caption || alt, 0));
  return content.length > 0 ? [{ kind: 'paragraph', content }] : [];
}
