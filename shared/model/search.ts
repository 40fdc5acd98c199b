import { z } from 'zod';

export const SEARCH_FIELDS = ['title', 'speakers', 'room', 'note'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export const searchQuerySchema = z.strictObject({
  query: z.string().max(500, 'must be at most 500 characters'),
  limit: z.number().int().min(1).max(500).default(50),
});

/**
 * A piece of a field around its matches. `ranges` are [start, end) offsets into `text`, so
 * the renderer highlights without HTML. For the note, `offset` is where `text` starts in the
 * note's plain text and `occurrence` counts the first match's earlier occurrences there, which
 * is how the editor finds the same place.
 */
export type SearchSnippet = {
  field: SearchField;
  text: string;
  ranges: [number, number][];
  offset: number;
  /** The first match as written in the field, e.g. "Cloud" for the query "cloud". */
  matchText: string;
  occurrence: number;
  /** True when `text` is cut at its start or end. */
  clippedStart: boolean;
  clippedEnd: boolean;
};

export type SearchHit = {
  eventId: string;
  sessionId: string;
  title: string;
  day: number;
  start: string;
  end: string | null;
  room: string;
  speakers: string[];
  score: number;
  snippets: SearchSnippet[];
};

export type SearchEventGroup = { eventId: string; eventTitle: string; hits: SearchHit[] };
export type SearchResults = { query: string; total: number; groups: SearchEventGroup[] };

export type NoteStats = { words: number; tk: number };
export type EventNoteStats = Record<string, NoteStats>;
