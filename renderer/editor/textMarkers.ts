import { TK_PATTERN } from '../../shared/note/tkMarkers';

/**
 * What the note highlights as you type: TK markers (facts still to check), #hashtags and
 * @handles (including fediverse @name@server.social). A hashtag needs a letter, so "#1" is
 * not one; an @ inside a word (an e-mail address) is not a handle.
 */
export const HASHTAG_PATTERN = /(?<![\p{L}\p{N}_#&])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu;
export const HANDLE_PATTERN = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/gu;

export const MARKER_KINDS = ['tk', 'hashtag', 'handle'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

const PATTERNS: Record<MarkerKind, RegExp> = { tk: TK_PATTERN, hashtag: HASHTAG_PATTERN, handle: HANDLE_PATTERN };

export type MarkerMatch = { kind: MarkerKind; start: number; end: number };

/** Every marker in a piece of text, by kind, in order of position within each kind. */
export function findMarkers(text: string): MarkerMatch[] {
  const matches: MarkerMatch[] = [];
  for (const kind of MARKER_KINDS) {
    const pattern = PATTERNS[kind];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      matches.push({ kind, start: match.index, end: match.index + match[0].length });
    }
  }
  return matches;
}
