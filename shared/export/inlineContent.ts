import { singleLine, withoutControlCharacters } from '../model/plainText';
import { MARK_BITS, type InlineNode, type Mark } from './postBlocks';

/**
 * Inline content as the note stores it: a flat run of text pieces, each with its own format
 * bits. nestInlines turns it into the nested mark tree the renderers need, where a stretch of
 * bold text is one span even when Lexical split it into several text nodes (Markdown cannot
 * express `**a****b**`, and HTML reads better).
 */
export type FlatInline =
  | { kind: 'run'; text: string; marks: number }
  | { kind: 'lineBreak'; marks: number }
  | { kind: 'time'; dateTime: string; text: string; marks: number }
  | { kind: 'link'; url: string; children: FlatInline[]; marks: number };

const KEPT_MARKS = MARK_BITS.bold | MARK_BITS.italic | MARK_BITS.strikethrough | MARK_BITS.underline | MARK_BITS.code;
/** Outer marks first; code is always innermost because a Markdown code span cannot hold markup. */
const MARK_ORDER: Mark[] = ['bold', 'italic', 'strikethrough', 'underline', 'code'];
const WHITESPACE_ONLY = /^\s*$/u;

// The export cleans one-line fields with the rule every other front uses (control characters are
// invisible in every format, and some, like NUL, are parse errors in HTML).
export { singleLine };

/** A text piece with Lexical's format bitmask; newlines inside the text become line breaks. */
export function textRuns(text: string, format: number): FlatInline[] {
  const marks = format & KEPT_MARKS;
  const pieces: FlatInline[] = [];
  withoutControlCharacters(text)
    .split(/\r\n|\r|\n/)
    .forEach((line, index) => {
      if (index > 0) pieces.push({ kind: 'lineBreak', marks: 0 });
      if (line !== '') pieces.push({ kind: 'run', text: line, marks });
    });
  return pieces;
}

/** Flat inline content → nested nodes, trimmed of leading and trailing whitespace and line breaks. */
export function nestInlines(flat: readonly FlatInline[]): InlineNode[] {
  return mergeTexts(nest(trimEdges(prepare(flat))));
}

function prepare(flat: readonly FlatInline[]): FlatInline[] {
  const items: FlatInline[] = [];
  for (const item of flat) {
    if (item.kind === 'run' && item.text === '') continue;
    if (item.kind === 'link') {
      const children = prepare(item.children);
      if (children.length === 0) continue;
      // Marks shared by the whole link text move outside the link, so "**see [this](…)**"
      // stays one bold span. Code never moves out: a code span cannot contain a link.
      const shared = children.reduce((common, child) => common & child.marks, KEPT_MARKS) & ~MARK_BITS.code;
      items.push({ ...item, marks: shared, children: children.map((child) => withoutMarks(child, shared)) });
    } else {
      items.push(item);
    }
  }
  // A line break inside a formatted stretch belongs to it, so the stretch stays one span;
  // code spans cannot hold a line break, so code stops at it.
  return oneSpaceAfterTimes(items).map((item, index, spaced) => {
    if (item.kind !== 'lineBreak') return item;
    return { ...item, marks: (spaced[index - 1]?.marks ?? 0) & (spaced[index + 1]?.marks ?? 0) & ~MARK_BITS.code };
  });
}

const LEADING_SPACES = /^[^\S\r\n]+/u;

/**
 * The editor puts a space after a timestamp it inserts and reporters type one anyway: whatever
 * spaces follow a time become one, and none before a line break.
 */
function oneSpaceAfterTimes(items: readonly FlatInline[]): FlatInline[] {
  const result: FlatInline[] = [];
  // null: not right after a time; otherwise whether spaces were seen since it.
  let spacedAfterTime: boolean | null = null;
  for (const item of items) {
    if (spacedAfterTime !== null && item.kind === 'run') {
      const rest = item.text.replace(LEADING_SPACES, '');
      if (rest.length < item.text.length) spacedAfterTime = true;
      if (rest === '') continue;
      result.push(spacedAfterTime ? { ...item, text: ` ${rest}` } : item);
      spacedAfterTime = null;
      continue;
    }
    if (spacedAfterTime === true && item.kind !== 'lineBreak') result.push({ kind: 'run', text: ' ', marks: 0 });
    spacedAfterTime = item.kind === 'time' ? false : null;
    result.push(item);
  }
  return result;
}

function withoutMarks(item: FlatInline, marks: number): FlatInline {
  return { ...item, marks: item.marks & ~marks } as FlatInline;
}

function isBlank(item: FlatInline): boolean {
  return item.kind === 'lineBreak' || (item.kind === 'run' && WHITESPACE_ONLY.test(item.text));
}

function trimEdges(items: FlatInline[]): FlatInline[] {
  let start = 0;
  let end = items.length;
  while (start < end && isBlank(items[start])) start++;
  while (end > start && isBlank(items[end - 1])) end--;
  const trimmed = items.slice(start, end);
  const first = trimmed[0];
  if (first?.kind === 'run') trimmed[0] = { ...first, text: first.text.trimStart() };
  const last = trimmed[trimmed.length - 1];
  if (last?.kind === 'run') trimmed[trimmed.length - 1] = { ...last, text: last.text.trimEnd() };
  return trimmed;
}

function nest(items: readonly FlatInline[]): InlineNode[] {
  const nodes: InlineNode[] = [];
  let index = 0;
  while (index < items.length) {
    const item = items[index];
    if (item.marks === 0) {
      nodes.push(plainNode(item));
      index++;
      continue;
    }
    const bit = widestMark(items, index);
    const end = spanEnd(items, index, bit);
    nodes.push(...markSpan(items.slice(index, end), bit));
    index = end;
  }
  return nodes;
}

/** The mark on items[start] that covers the longest stretch from there; code only when alone. */
function widestMark(items: readonly FlatInline[], start: number): number {
  const marks = items[start].marks;
  let best = 0;
  let bestLength = 0;
  for (const mark of MARK_ORDER) {
    const bit = MARK_BITS[mark];
    if (!(marks & bit) || (bit === MARK_BITS.code && marks !== bit)) continue;
    const end = spanEnd(items, start, bit);
    if (end - start > bestLength) {
      best = bit;
      bestLength = end - start;
    }
  }
  return best;
}

/** Where a stretch carrying the mark ends; a code stretch only covers text that is code and nothing else. */
function spanEnd(items: readonly FlatInline[], start: number, bit: number): number {
  let end = start;
  while (end < items.length && (bit === MARK_BITS.code ? items[end].marks === bit : items[end].marks & bit)) end++;
  return end;
}

/**
 * Wraps a stretch in one mark. Whitespace at its edges moves outside (Markdown's `** a**` is
 * not bold), and a stretch that is only whitespace is left unformatted.
 */
function markSpan(span: FlatInline[], bit: number): InlineNode[] {
  const leading: InlineNode[] = [];
  const trailing: InlineNode[] = [];
  let items = span;
  while (items.length > 0 && isBlank(items[0])) {
    leading.push(plainNode(items[0]));
    items = items.slice(1);
  }
  while (items.length > 0 && isBlank(items[items.length - 1])) {
    trailing.unshift(plainNode(items[items.length - 1]));
    items = items.slice(0, -1);
  }
  if (items.length === 0) return [...leading, ...trailing];
  items = [...items];
  const first = items[0];
  if (first.kind === 'run') {
    const text = first.text.trimStart();
    if (text.length < first.text.length) leading.push({ kind: 'text', text: first.text.slice(0, first.text.length - text.length) });
    items[0] = { ...first, text };
  }
  const last = items[items.length - 1];
  if (last.kind === 'run') {
    const text = last.text.trimEnd();
    if (text.length < last.text.length) trailing.unshift({ kind: 'text', text: last.text.slice(text.length) });
    items[items.length - 1] = { ...last, text };
  }
  const mark = MARK_ORDER.find((name) => MARK_BITS[name] === bit) as Mark;
  const children = mergeTexts(nest(items.map((item) => withoutMarks(item, bit))));
  return [...leading, { kind: 'mark', mark, children }, ...trailing];
}

function plainNode(item: FlatInline): InlineNode {
  switch (item.kind) {
    case 'run':
      return { kind: 'text', text: item.text };
    case 'lineBreak':
      return { kind: 'lineBreak' };
    case 'time':
      return { kind: 'time', dateTime: item.dateTime, text: item.text };
    case 'link':
      return { kind: 'link', url: item.url, children: mergeTexts(nest(item.children)) };
  }
}

function mergeTexts(nodes: InlineNode[]): InlineNode[] {
  const merged: InlineNode[] = [];
  for (const node of nodes) {
    const previous = merged[merged.length - 1];
    if (node.kind === 'text' && previous?.kind === 'text') merged[merged.length - 1] = { kind: 'text', text: previous.text + node.text };
    else merged.push(node);
  }
  return merged;
}
