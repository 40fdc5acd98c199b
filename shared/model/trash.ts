import { z } from 'zod';

/**
 * The trash: deleted events (their whole folder) and deleted sessions (agenda entry and note),
 * kept under <library>/trash/ until emptied. An entry's id is its folder below trash/.
 */
export const trashEntryIdSchema = z
  .string()
  .max(200)
  .regex(/^(events|sessions)\/[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be a trash entry id as listed by the trash');

export type TrashEntry = {
  id: string;
  kind: 'event' | 'session';
  /** The event's title, or the session's. */
  title: string;
  eventId: string;
  /** For a session: the title of the event it belonged to, when that event still exists. */
  eventTitle: string | null;
  sessionId: string | null;
  deletedAt: string | null;
  /** A deleted session: the words in its note (0 without one). */
  words: number | null;
  /** A deleted event: how many sessions its agenda held. */
  sessions: number | null;
};

export type TrashRestored = { kind: TrashEntry['kind']; eventId: string; sessionId: string | null; title: string };
