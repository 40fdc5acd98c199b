import { countWords } from '../../shared/note/noteText';
import { TK_PATTERN } from '../../shared/note/tkMarkers';

export type BlockStats = { words: number; characters: number; tkSnippets: string[] };
export type NoteStats = { words: number; characters: number; tks: Array<{ id: string; snippet: string }> };

const SNIPPET_CONTEXT = 36;

/** Words, characters and the TK markers (each with the text around it) of one block of the note. */
export function blockStats(text: string): BlockStats {
  const tkSnippets: string[] = [];
  TK_PATTERN.lastIndex = 0;
  for (let match = TK_PATTERN.exec(text); match !== null; match = TK_PATTERN.exec(text)) {
    tkSnippets.push(snippetAround(text, match.index, match.index + match[0].length));
  }
  return { words: countWords(text), characters: countCharacters(text), tkSnippets };
}

/** Sums per-block stats in document order; a TK's id is its block key and its place in the block. */
export function sumBlockStats(blocks: Iterable<[key: string, stats: BlockStats]>): NoteStats {
  const total: NoteStats = { words: 0, characters: 0, tks: [] };
  for (const [key, stats] of blocks) {
    total.words += stats.words;
    total.characters += stats.characters;
    stats.tkSnippets.forEach((snippet, index) => total.tks.push({ id: `${key}:${index}`, snippet }));
  }
  return total;
}

export function sameNoteStats(a: NoteStats | null, b: NoteStats): boolean {
  if (!a || a.words !== b.words || a.characters !== b.characters || a.tks.length !== b.tks.length) return false;
  return a.tks.every((tk, index) => tk.id === b.tks[index].id && tk.snippet === b.tks[index].snippet);
}

/** Characters as a person counts them: a letter made of two UTF-16 units (an emoji) is one. */
function countCharacters(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xdc00 || code > 0xdfff) count++;
  }
  return count;
}

/** The marker with some words either side, cut at spaces so no word is halved. */
function snippetAround(text: string, start: number, end: number): string {
  let from = Math.max(0, start - SNIPPET_CONTEXT);
  let to = Math.min(text.length, end + SNIPPET_CONTEXT);
  if (from > 0) from = Math.min(start, nextSpace(text, from));
  if (to < text.length) to = Math.max(end, text.lastIndexOf(' ', to));
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

function nextSpace(text: string, from: number): number {
  const index = text.indexOf(' ', from);
  return index === -1 ? from : index + 1;
}
