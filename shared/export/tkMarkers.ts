import { TK_PATTERN } from '../note/tkMarkers';
import type { ComposedPost } from './composePost';
import { inlineText, type Block, type ListBlock } from './postBlocks';

/** A "TK" (a fact still to check) the reader would see: which part of the post, and the words around it. */
export type TkMarker = { where: string; sessionId: string | null; excerpt: string };

/** What an export or a publish may be told: go ahead although TK markers remain. */
export type TkMarkerChoice = { allowTkMarkers?: boolean };

/** Characters of context shown on each side of a marker, cut back to whole words. */
const CONTEXT = 40;
const SLACK = 15;

/**
 * Every TK marker in what the post shows (title, body, byline), in reading order. Private
 * notes never reach the composed post, so a TK in one is never found. Export and publishing
 * refuse a post with markers unless the editor says to go ahead anyway.
 */
export function findTkMarkers(post: ComposedPost): TkMarker[] {
  const markers: TkMarker[] = [];
  const look = (where: string, sessionId: string | null, text: string) => {
    for (const match of text.matchAll(TK_PATTERN)) markers.push({ where, sessionId, excerpt: excerptAround(text, match.index, match[0].length) });
  };
  look('The title', null, post.title);
  let index = 0;
  for (const part of post.parts) {
    for (const block of post.blocks.slice(index, index + part.blockCount)) for (const text of blockTexts(block)) look(part.label, part.sessionId, text);
    index += part.blockCount;
  }
  look('The byline', null, post.byline);
  return markers;
}

/** How many markers, and where: { count: "3 TK markers", places: "the intro, “Keynote” (2) and the closing" }. */
export function summarizeTkMarkers(markers: readonly TkMarker[]): { count: string; places: string } {
  const counts = new Map<string, number>();
  for (const marker of markers) counts.set(marker.where, (counts.get(marker.where) ?? 0) + 1);
  const places = [...counts].map(([where, count]) => `${where.replace(/^The /, 'the ')}${count > 1 ? ` (${count})` : ''}`);
  return {
    count: markers.length === 1 ? 'a TK marker' : `${markers.length} TK markers`,
    places: places.length <= 1 ? places.join('') : `${places.slice(0, -1).join(', ')} and ${places[places.length - 1]}`,
  };
}

/** The text of a block a reader sees, one string per line-like piece (a list item, a caption). */
function blockTexts(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [inlineText(block.content)];
    case 'list':
      return listTexts(block);
    case 'quote':
      return [...block.blocks.flatMap(blockTexts), ...(block.attribution ? [block.attribution] : [])];
    case 'image':
      return block.alt === block.caption ? [block.caption] : [block.alt, block.caption];
    case 'sectionBreak':
      return [];
  }
}

function listTexts(list: ListBlock): string[] {
  return list.items.flatMap((item) => [inlineText(item.content), ...item.lists.flatMap(listTexts)]);
}

function excerptAround(text: string, start: number, length: number): string {
  const line = text.replace(/\s+/g, ' ');
  // A few words more rather than an excerpt that leaves out only the first or last of them.
  let from = start - CONTEXT <= SLACK ? 0 : start - CONTEXT;
  let to = start + length + CONTEXT >= line.length - SLACK ? line.length : start + length + CONTEXT;
  if (from > 0) from = line.indexOf(' ', from) + 1 || from;
  if (to < line.length) to = Math.max(line.lastIndexOf(' ', to), start + length);
  return `${from > 0 ? '…' : ''}${line.slice(from, to).trim()}${to < line.length ? '…' : ''}`;
}
