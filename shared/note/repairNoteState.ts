import { NOTE_NODE_TYPES } from './nodeTypes';
import { serializedNoteStateSchema, type SerializedNoteNode, type SerializedNoteState } from './noteFile';
import { MAX_LIST_DEPTH, MAX_NODE_DEPTH } from './noteLimits';
import { isTimeOfDay } from './nodes/timeOfDay';
import { sanitizeNoteState } from './sanitizeNoteState';

/**
 * Makes any editor state (or clipboard fragment) into one the save validator accepts, keeping
 * every word it can: the last resort when a save is refused as invalid, and the cleaning of
 * Lexical's own clipboard format. What had to change is said in words, for the reporter.
 *
 * - a list nested deeper than MAX_LIST_DEPTH keeps its deeper items as lines of text;
 * - a block inside a block (a quote in a quote, as pasted HTML makes) gives its text to the outer one;
 * - content of a kind notes do not have keeps its text; anything with no text goes;
 * - a timestamp that is not a time, a link without an address, over-long fields are mended,
 *   and then sanitizeNoteState cleans links, photos and styles as on every save.
 */
export type RepairedNote = { state: SerializedNoteState; repairs: string[] };

const KNOWN = new Set<string>(NOTE_NODE_TYPES);
const INLINE = new Set(['text', 'linebreak', 'tab', 'timestamp', 'link', 'autolink']);
const MAX_FIELD_LENGTH = 1000;
/** An element this deep holds only its text: the text inside it sits one level further down. */
const DEEPEST_ELEMENT = MAX_NODE_DEPTH - 2;

type Walk = { repairs: Set<string> };

export function repairNoteState(value: unknown): RepairedNote {
  const walk: Walk = { repairs: new Set() };
  const root = isRecord(value) && isRecord(value.root) ? value.root : null;
  if (!root) walk.repairs.add('the note had no content that could be read');
  const children = asBlocks(Array.isArray(root?.children) ? root.children : [], 1, walk);
  const repaired: SerializedNoteState = {
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: children.length > 0 ? children : [paragraphOf([])] },
  };
  const state = sanitizeNoteState(repaired);
  // The walk above follows the validator's rules; if one was missed the note still must not be lost.
  if (!serializedNoteStateSchema.safeParse(state).success) {
    walk.repairs.add('its formatting could not be kept');
    return { state: plainTextState(textOf(value)), repairs: [...walk.repairs] };
  }
  return { state, repairs: [...walk.repairs] };
}

/**
 * A clipboard fragment (Lexical's own format) as content a note can take: blocks, or, for a
 * few words copied from inside a paragraph, inline content that is pasted into the text.
 */
export function repairClipboardNodes(nodes: unknown): { nodes: SerializedNoteNode[]; repairs: string[] } {
  const list = Array.isArray(nodes) ? nodes : [];
  const inline = list.length > 0 && list.every((node) => isRecord(node) && INLINE.has(String(node.type)));
  const { state, repairs } = repairNoteState({ root: { type: 'root', children: inline ? [{ type: 'paragraph', version: 1, children: list }] : list } });
  return { nodes: inline ? (state.root.children[0]?.children ?? []) : state.root.children, repairs };
}

/** Top-level (or list-item-free) block content: inline runs are put in paragraphs. */
function asBlocks(children: unknown[], depth: number, walk: Walk): SerializedNoteNode[] {
  const blocks: SerializedNoteNode[] = [];
  let inline: SerializedNoteNode[] = [];
  const endParagraph = () => {
    if (inline.length > 0) blocks.push(paragraphOf(inline));
    inline = [];
  };
  for (const child of children) {
    // What was not inline to begin with (a table, a block of a kind notes lack) stands as a paragraph of its own.
    const wasInline = isRecord(child) && INLINE.has(String(child.type));
    if (!wasInline) endParagraph();
    for (const node of repairNode(child, depth, 0, walk)) {
      if (INLINE.has(node.type)) inline.push(node);
      else {
        endParagraph();
        blocks.push(node);
      }
    }
    if (!wasInline) endParagraph();
  }
  endParagraph();
  return blocks;
}

/** The node as it may stand at this depth: itself mended, its children instead of it, its text, or nothing. */
function repairNode(value: unknown, depth: number, listDepth: number, walk: Walk): SerializedNoteNode[] {
  if (!isRecord(value) || typeof value.type !== 'string') {
    walk.repairs.add('something that was not part of a note was left out');
    return [];
  }
  const type = value.type;
  if (!KNOWN.has(type)) {
    walk.repairs.add(`content of a kind notes do not have ("${type.slice(0, 40)}") was kept as text`);
    return Array.isArray(value.children) ? value.children.flatMap((child) => repairNode(child, depth, listDepth, walk)) : textNodes(textOf(value));
  }
  const node = { ...value, version: typeof value.version === 'number' ? value.version : 1 } as SerializedNoteNode;
  switch (type) {
    case 'text':
      return typeof node.text === 'string' ? [{ ...node, format: typeof node.format === 'number' ? node.format : 0 }] : [];
    case 'linebreak':
    case 'tab':
      return [{ type, version: node.version }];
    case 'timestamp':
      if (isTimeOfDay(node.time)) return [node];
      walk.repairs.add('a timestamp that was not a time was left out');
      return [];
    case 'image':
      return [{ ...node, src: field(node.src), alt: field(node.alt), caption: field(node.caption) }];
    case 'link':
    case 'autolink':
      if (typeof node.url !== 'string') {
        walk.repairs.add('a link without an address was kept as text');
        return inlineContent(node.children, depth, listDepth, walk);
      }
      return [{ ...node, children: inlineContent(node.children, depth + 1, listDepth, walk) }];
    case 'list':
      return [repairList(node, depth, listDepth + 1, walk)];
    case 'listitem':
      return [repairListItem(node, depth, listDepth, walk)];
    default:
      if (depth > DEEPEST_ELEMENT) return flattened(node, walk);
      return [mendCustomFields({ ...node, children: inlineContent(node.children, depth + 1, listDepth, walk) }, walk)];
  }
}

function repairList(list: SerializedNoteNode, depth: number, listDepth: number, walk: Walk): SerializedNoteNode {
  const items = (Array.isArray(list.children) ? list.children : []).flatMap((child) => {
    const repaired = repairNode(child, depth + 1, listDepth, walk);
    // A list holds list items; anything else in one is given an item of its own.
    return repaired.map((node) => (node.type === 'listitem' ? node : { type: 'listitem', version: 1, value: 1, direction: null, format: '', indent: 0, children: INLINE.has(node.type) ? [node] : inlineOf(node) }));
  });
  return { ...list, children: items };
}

function repairListItem(item: SerializedNoteNode, depth: number, listDepth: number, walk: Walk): SerializedNoteNode {
  const children: SerializedNoteNode[] = [];
  for (const child of Array.isArray(item.children) ? item.children : []) {
    if (isRecord(child) && child.type === 'list') {
      if (listDepth < MAX_LIST_DEPTH && depth + 1 <= DEEPEST_ELEMENT) {
        children.push(...repairNode(child, depth + 1, listDepth, walk));
        continue;
      }
      walk.repairs.add(`a list nested more than ${MAX_LIST_DEPTH} levels deep was kept as lines of text`);
      const lines = linesOf(child);
      if (children.length > 0 && lines.length > 0) children.push({ type: 'linebreak', version: 1 });
      children.push(...lines);
      continue;
    }
    children.push(...repairNode(child, depth + 1, listDepth, walk).flatMap((node) => (INLINE.has(node.type) ? [node] : inlineOf(node))));
  }
  return { ...item, children };
}

/** Inline content of a text block or link: a block found inside gives its text, after a line break. */
function inlineContent(children: unknown, depth: number, listDepth: number, walk: Walk): SerializedNoteNode[] {
  return (Array.isArray(children) ? children : []).flatMap((child) =>
    repairNode(child, depth, listDepth, walk).flatMap((node) => {
      if (INLINE.has(node.type)) return [node];
      walk.repairs.add('a block inside another (a quote in a quote) was joined to the one around it');
      return [{ type: 'linebreak', version: 1 }, ...inlineOf(node)];
    }),
  );
}

function mendCustomFields(node: SerializedNoteNode, walk: Walk): SerializedNoteNode {
  if (node.type !== 'attributed-quote') return node;
  const speaker = isRecord(node.speaker) ? node.speaker : {};
  const name = field(speaker.name);
  const role = field(speaker.role);
  const time = isTimeOfDay(node.time) ? node.time : null;
  if (name !== speaker.name || (speaker.role !== undefined && role !== speaker.role) || (node.time != null && time === null)) walk.repairs.add('a quote’s attribution was mended');
  return { ...node, speaker: role ? { name, role } : { name }, time };
}

/** An element too deep to keep as it is: its text, in a paragraph (which may stand anywhere a block may). */
function flattened(node: SerializedNoteNode, walk: Walk): SerializedNoteNode[] {
  walk.repairs.add(`content nested more than ${MAX_NODE_DEPTH} levels deep was kept as text`);
  return textNodes(textOf(node));
}

/** A block's words as inline content (its text nodes and line breaks, none of its structure). */
function inlineOf(node: SerializedNoteNode): SerializedNoteNode[] {
  if (INLINE.has(node.type)) return [node];
  if (node.type === 'image') return textNodes(field(node.caption) || field(node.alt));
  const parts: SerializedNoteNode[] = [];
  for (const child of node.children ?? []) {
    if (INLINE.has(child.type)) parts.push(child);
    else {
      if (parts.length > 0) parts.push({ type: 'linebreak', version: 1 });
      parts.push(...inlineOf(child));
    }
  }
  return parts;
}

/** Each item of a list (and of the lists inside it) as a line of text. */
function linesOf(list: unknown): SerializedNoteNode[] {
  const lines: string[] = [];
  const visit = (node: unknown) => {
    if (!isRecord(node) || !Array.isArray(node.children)) return;
    if (node.type === 'listitem') {
      const own = node.children.filter((child) => !(isRecord(child) && child.type === 'list')).map(textOf).join('');
      if (own) lines.push(own);
    }
    node.children.forEach(visit);
  };
  visit(list);
  return lines.flatMap((line, index) => [...(index > 0 ? [{ type: 'linebreak', version: 1 }] : []), ...textNodes(line)]);
}

function textOf(value: unknown): string {
  if (!isRecord(value)) return '';
  if (typeof value.text === 'string') return value.text;
  if (value.type === 'linebreak') return '\n';
  const children = Array.isArray(value.children) ? value.children : isRecord(value.root) ? [value.root] : [];
  return children.map(textOf).join('');
}

function textNodes(text: string): SerializedNoteNode[] {
  return text ? [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] : [];
}

function paragraphOf(children: SerializedNoteNode[]): SerializedNoteNode {
  return { type: 'paragraph', version: 1, children, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' };
}

function plainTextState(text: string): SerializedNoteState {
  const paragraphs = text.split('\n').map((line) => paragraphOf(textNodes(line)));
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: paragraphs.length > 0 ? paragraphs : [paragraphOf([])] } };
}

function field(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_FIELD_LENGTH) : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
