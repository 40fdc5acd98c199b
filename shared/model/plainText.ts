/**
 * Characters with no place in text a reader sees: C0 and C1 controls (tab, line feed and
 * carriage return kept), DEL, the bidirectional embeddings, overrides and isolates (invisible,
 * they reorder what is shown around them) and the byte-order mark. One rule, whether the text
 * was typed in the app or the CLI, imported from a programme, or is being exported.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Text without control characters (tab and line breaks kept). */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** At most `max` characters, the last of them "…" when something was cut. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A one-line field (title, name, room, caption, tag): no control characters, runs of whitespace and line breaks as one space, optionally clipped. */
export function singleLine(value: string | null | undefined, max = Infinity): string {
  if (!value) return '';
  return clipText(withoutControlCharacters(value).replace(/\s+/g, ' ').trim(), max);
}
