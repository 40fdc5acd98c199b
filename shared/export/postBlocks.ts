/**
 * The intermediate block tree every export format renders. composePost builds it once from
 * the stored notes, so HTML, Markdown, WordPress and plain text cannot disagree on structure;
 * each renderer only decides how a block looks.
 */

/** Inline formatting kept in exports. The bit values match Lexical's text format bitmask. */
export const MARK_BITS = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const;
export type Mark = keyof typeof MARK_BITS;

export type InlineNode =
  | { kind: 'text'; text: string }
  | { kind: 'mark'; mark: Mark; children: InlineNode[] }
  /** url has passed safeUrl: absolute http, https or mailto. */
  | { kind: 'link'; url: string; children: InlineNode[] }
  | { kind: 'lineBreak' }
  /** A moment in the day; dateTime is a machine-readable form such as "14:05". */
  | { kind: 'time'; dateTime: string; text: string };

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export type ListItem = { content: InlineNode[]; lists: ListBlock[] };
export type ListBlock = { kind: 'list'; ordered: boolean; start: number; items: ListItem[] };

export type Block =
  | { kind: 'heading'; level: HeadingLevel; content: InlineNode[] }
  | { kind: 'paragraph'; content: InlineNode[] }
  | ListBlock
  /** attribution is "Name, Role" when the quote is tied to a speaker. */
  | { kind: 'quote'; blocks: Block[]; attribution: string | null }
  /**
   * src is a relative path inside the event's assets folder, e.g. "assets/3f2a….jpg", until an
   * export or a publisher points it elsewhere; mediaId is the id a CMS gave the uploaded photo.
   */
  | { kind: 'image'; src: string; alt: string; caption: string; mediaId?: number }
  /** Where one part of the post ends and the next begins (a thematic break: `<hr>`, `---`). */
  | { kind: 'sectionBreak' };

/** The text a reader sees, without formatting; line breaks become "\n". */
export function inlineText(nodes: readonly InlineNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.kind === 'text' || node.kind === 'time') text += node.text;
    else if (node.kind === 'lineBreak') text += '\n';
    else text += inlineText(node.children);
  }
  return text;
}
