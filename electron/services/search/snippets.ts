import type { SearchField, SearchSnippet } from '../../../shared/model/search';
import { termRanges } from './searchTerms';

/** Characters of context kept before a match and after it in a note snippet. */
const CONTEXT_BEFORE = 60;
const CONTEXT_AFTER = 110;
const MAX_NOTE_SNIPPETS = 2;

/** A short field (title, speakers, room) shown whole with its matches marked; null when nothing in it matched. */
export function fieldSnippet(field: SearchField, text: string, terms: ReadonlySet<string>): SearchSnippet | null {
  const ranges = [...termRanges(text, terms)];
  if (ranges.length === 0) return null;
  return { field, text, ranges, offset: 0, ...firstMatch(text, ranges[0]), clippedStart: false, clippedEnd: false };
}

/** Up to two windows of the note around its matches, cut at word boundaries; the note is read only as far as they reach. */
export function noteSnippets(text: string, terms: ReadonlySet<string>): SearchSnippet[] {
  const matches = termRanges(text, terms);
  const snippets: SearchSnippet[] = [];
  let next = matches.next();
  while (!next.done && snippets.length < MAX_NOTE_SNIPPETS) {
    const [matchStart, matchEnd] = next.value;
    const start = wordStartAtOrAfter(text, Math.max(0, matchStart - CONTEXT_BEFORE), matchStart);
    const end = wordEndAtOrBefore(text, Math.min(text.length, matchEnd + CONTEXT_AFTER), matchEnd);
    const inWindow: [number, number][] = [];
    while (!next.done && next.value[1] <= end) {
      inWindow.push([next.value[0] - start, next.value[1] - start]);
      next = matches.next();
    }
    snippets.push({
      field: 'note',
      text: text.slice(start, end).replace(/\s/g, ' '),
      ranges: inWindow,
      offset: start,
      ...firstMatch(text, [matchStart, matchEnd]),
      clippedStart: start > 0,
      clippedEnd: end < text.length,
    });
  }
  return snippets;
}

/** The matched text as written, and how often it occurs (ignoring case) earlier in the field. */
function firstMatch(text: string, [start, end]: [number, number]): Pick<SearchSnippet, 'matchText' | 'occurrence'> {
  const matchText = text.slice(start, end);
  const lower = text.slice(0, end).toLowerCase();
  const needle = matchText.toLowerCase();
  let occurrence = 0;
  for (let found = lower.indexOf(needle); found !== -1 && found < start; found = lower.indexOf(needle, found + 1)) occurrence += 1;
  return { matchText, occurrence };
}

function wordStartAtOrAfter(text: string, position: number, limit: number): number {
  if (position === 0) return 0;
  const space = text.slice(position, limit).search(/\s/);
  return space === -1 ? position : position + space + 1;
}

function wordEndAtOrBefore(text: string, position: number, limit: number): number {
  if (position >= text.length) return text.length;
  const before = text.slice(limit, position);
  const space = before.search(/\s\S*$/);
  return space === -1 ? position : limit + space;
}
