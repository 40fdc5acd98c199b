/**
 * Inline CommonMark. Every character that could turn user text into markup is escaped, and
 * emphasis is only written where CommonMark's flanking rules will read it back as emphasis;
 * where they would not (e.g. `foo**(bar)**`), the formatting is dropped and the text kept.
 */
import { inlineText, type InlineNode, type Mark } from './postBlocks';

export type MarkdownInlineContext = {
  /** ATX headings end at a line break and lose trailing `#`s, so both are handled there. */
  heading: boolean;
};

/**
 * Delimiters to try, in order: `_` forms a separate run from a neighbouring `*`, so it rescues
 * emphasis that touches other emphasis. Strikethrough uses the GFM `~~` understood by Hugo,
 * Ghost and GitHub (CommonMark shows it literally). Underline has no Markdown form; code is a code span.
 */
const DELIMITERS: Record<Mark, readonly string[]> = { bold: ['**', '__'], italic: ['*', '_'], strikethrough: ['~~'], underline: [], code: [] };
/** The mark's text is written without delimiters. */
const UNWRAPPED = -1;
/** Marks the sequence start or a hard line break: the next text is at the start of a line. */
const LINE_START = '\n';
const UNICODE_WHITESPACE = /\s/u;
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
/** "&" only matters where it could start an entity reference such as `&amp;` or `&#42;`. */
const ENTITY_START = /&(?=#?[A-Za-z0-9]+;)/g;
/** Enough surrounding output to see past any run of delimiters. */
const CONTEXT_LENGTH = 32;
const MAX_ROUNDS = 16;

export function markdownInline(nodes: readonly InlineNode[], context: MarkdownInlineContext): string {
  return writeCodeSpans(sequence(withoutUnderline(nodes), LINE_START, LINE_START, context));
}

/**
 * Code is first written as CODE_MARKER + text + CODE_MARKER (a control character, which never
 * survives in note text), because two code spans that end up touching, e.g. once the emphasis
 * between them is dropped, must become one: their backtick fences would otherwise run together.
 */
const CODE_MARKER = '\u0000';

function writeCodeSpans(markdown: string): string {
  return markdown.replaceAll(CODE_MARKER + CODE_MARKER, '').replace(/\u0000([^\u0000]*)\u0000/g, (_, content: string) => codeSpan(content));
}

/**
 * Underline has no Markdown form, so its spans dissolve; the marks on either side of one may
 * then touch (`**a****b**` is not bold), so touching spans of the same mark are merged.
 */
function withoutUnderline(nodes: readonly InlineNode[]): InlineNode[] {
  const merged: InlineNode[] = [];
  const flattened = nodes.flatMap((node): InlineNode[] => {
    if (node.kind === 'mark') return node.mark === 'underline' ? withoutUnderline(node.children) : [{ ...node, children: withoutUnderline(node.children) }];
    return node.kind === 'link' ? [{ ...node, children: withoutUnderline(node.children) }] : [node];
  });
  for (const node of flattened) {
    const previous = merged[merged.length - 1];
    if (node.kind === 'mark' && previous?.kind === 'mark' && previous.mark === node.mark) {
      merged[merged.length - 1] = { ...previous, children: withoutUnderline([...previous.children, ...node.children]) };
    } else if (node.kind === 'text' && previous?.kind === 'text') {
      merged[merged.length - 1] = { kind: 'text', text: previous.text + node.text };
    } else {
      merged.push(node);
    }
  }
  return merged;
}

/**
 * Renders siblings. `before` and `after` are the output around them (a short tail and head),
 * which decide whether a text starts a line and whether emphasis delimiters will be read as such.
 */
function sequence(nodes: readonly InlineNode[], before: string, after: string, context: MarkdownInlineContext): string {
  // For each node, which of its mark's delimiters is in use.
  const choices: number[] = nodes.map((node) => (node.kind === 'mark' && DELIMITERS[node.mark].length > 0 ? 0 : UNWRAPPED));
  let pieces: string[] = nodes.map(() => '');
  // A piece is written knowing the pieces after it only from the round before, so rounds repeat
  // until the output settles. Top-level choices only move forward, so it settles; the bound is a
  // guard for marks nested in dropped marks, which are re-decided every round.
  for (let round = 0; ; round++) {
    const previousPieces = pieces;
    let output = before;
    pieces = nodes.map((node, index) => {
      const delimiter = delimiterOf(node, choices[index]);
      const piece = nodeMarkdown(node, delimiter, tail(output), following(previousPieces, index + 1, after), context);
      output = tail(output + piece);
      return piece;
    });
    let changed = false;
    output = before;
    nodes.forEach((node, index) => {
      const delimiter = delimiterOf(node, choices[index]);
      if (delimiter && !delimitersHold(pieces[index], delimiter, output, following(pieces, index + 1, after))) {
        const next = choices[index] + 1;
        choices[index] = node.kind === 'mark' && next < DELIMITERS[node.mark].length ? next : UNWRAPPED;
        changed = true;
      }
      output = tail(output + pieces[index]);
    });
    const settled = pieces.every((piece, index) => piece === previousPieces[index]);
    if ((!changed && settled) || round > MAX_ROUNDS) return joinPieces(pieces);
  }
}

function delimiterOf(node: InlineNode, choice: number): string | null {
  return node.kind === 'mark' && choice !== UNWRAPPED ? DELIMITERS[node.mark][choice] : null;
}

function tail(text: string): string {
  return text.length > CONTEXT_LENGTH ? text.slice(-CONTEXT_LENGTH) : text;
}

function head(text: string): string {
  return text.length > CONTEXT_LENGTH ? text.slice(0, CONTEXT_LENGTH) : text;
}

/** The start of what follows pieces[from - 1]: the later pieces, then `after`. */
function following(pieces: readonly string[], from: number, after: string): string {
  let text = '';
  for (let index = from; index < pieces.length && text.length < CONTEXT_LENGTH; index++) text += pieces[index];
  return head(text + after);
}

/** "Wow!" followed by a link would read as an image (`![…](…)`), so that "!" is escaped. */
function joinPieces(pieces: readonly string[]): string {
  let output = '';
  for (const piece of pieces) {
    if (piece.startsWith('[') && output.endsWith('!')) output = `${output.slice(0, -1)}\\!`;
    output += piece;
  }
  return output;
}

function nodeMarkdown(node: InlineNode, delimiter: string | null, before: string, after: string, context: MarkdownInlineContext): string {
  switch (node.kind) {
    case 'text':
    case 'time':
      return escapeMarkdownText(node.text, before.endsWith(LINE_START), context);
    case 'lineBreak':
      return context.heading ? ' ' : `\\${LINE_START}`;
    case 'link':
      return `[${sequence(node.children, '[', ']', context)}](${escapeDestination(node.url)})`;
    case 'mark': {
      if (node.mark === 'code') return `${CODE_MARKER}${inlineText(node.children)}${CODE_MARKER}`;
      if (delimiter === null) return sequence(node.children, before, after, context);
      return `${delimiter}${sequence(node.children, before + delimiter, delimiter + after, context)}${delimiter}`;
    }
  }
}

/**
 * CommonMark's flanking rules for the opening and closing delimiter runs. A run includes any
 * delimiter characters it touches (`**` next to `*` is one run `***`), so the characters that
 * count are the ones beyond the whole run. Symbols outside the BMP (emoji) are punctuation to
 * the spec but not to every parser, so the rules must hold either way.
 */
function delimitersHold(piece: string, delimiter: string, before: string, after: string): boolean {
  const character = delimiter[0];
  const inner = piece.slice(delimiter.length, piece.length - delimiter.length);
  const outsideBefore = characterBeforeRun(before, character);
  const insideFirst = characterAfterRun(inner, character);
  const insideLast = characterBeforeRun(inner, character);
  const outsideAfter = characterAfterRun(after, character);
  return [true, false].every((astralIsPunctuation) => {
    const punctuation = (value: string) => isPunctuation(value, astralIsPunctuation);
    const leftFlanking = (previous: string, next: string) => !isWhitespace(next) && (!punctuation(next) || isWhitespace(previous) || punctuation(previous));
    const rightFlanking = (previous: string, next: string) => !isWhitespace(previous) && (!punctuation(previous) || isWhitespace(next) || punctuation(next));
    // An opening run that could also close would first be tried as a closer for an earlier
    // opener, so it must only open; `_` also may not close inside a word.
    const opens = leftFlanking(outsideBefore, insideFirst) && !rightFlanking(outsideBefore, insideFirst);
    const closes =
      rightFlanking(insideLast, outsideAfter) && (character !== '_' || !leftFlanking(insideLast, outsideAfter) || punctuation(outsideAfter));
    return opens && closes;
  });
}

/** The character before the run of `character`s that ends `text` ("\n" at the start); an escaped one ends the run. */
function characterBeforeRun(text: string, character: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === character && !isEscaped(text, end - 1)) end--;
  if (end === 0) return LINE_START;
  const last = text.codePointAt(end - 1) as number;
  return last >= 0xdc00 && last <= 0xdfff && end >= 2 ? String.fromCodePoint(text.codePointAt(end - 2) as number) : String.fromCodePoint(last);
}

/** The character after the run of `character`s that starts `text` ("\n" at the end). */
function characterAfterRun(text: string, character: string): string {
  let start = 0;
  while (start < text.length && text[start] === character) start++;
  return start === text.length ? LINE_START : String.fromCodePoint(text.codePointAt(start) as number);
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  while (index - backslashes - 1 >= 0 && text[index - backslashes - 1] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

function isWhitespace(character: string): boolean {
  return UNICODE_WHITESPACE.test(character);
}

function isPunctuation(character: string, astralIsPunctuation: boolean): boolean {
  if (character === CODE_MARKER) return true; // it becomes a backtick
  return UNICODE_PUNCTUATION.test(character) && (astralIsPunctuation || (character.codePointAt(0) as number) <= 0xffff);
}

/**
 * User text as literal Markdown text: inline metacharacters are always escaped; block markers
 * (`#`, `>`, `-`, `+`, `=`, `1.`) only at the start of a line, where they would start a block.
 */
export function escapeMarkdownText(text: string, atLineStart: boolean, context: MarkdownInlineContext): string {
  let escaped = atLineStart ? text.replace(/^[ \t]+/, '') : text;
  escaped = escaped.replace(/[\\`*_[\]<~]/g, '\\$&').replace(ENTITY_START, '\\&');
  if (context.heading) escaped = escaped.replace(/#/g, '\\#');
  if (atLineStart) {
    escaped = escaped.replace(/^[#>+=-]/, '\\$&').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  }
  return escaped;
}

/** Link and image targets: characters that would end or confuse the destination are escaped. */
export function escapeDestination(url: string): string {
  return url
    .replace(/[\\()<>\s]/g, (character) => (/\s/.test(character) ? encodeURIComponent(character) : `\\${character}`))
    .replace(ENTITY_START, '\\&');
}

/** A code span whose fence is longer than any run of backticks inside it. */
function codeSpan(content: string): string {
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = content.startsWith('`') || content.endsWith('`') || (content.startsWith(' ') && content.endsWith(' ')) ? ` ${content} ` : content;
  return `${fence}${padded}${fence}`;
}
