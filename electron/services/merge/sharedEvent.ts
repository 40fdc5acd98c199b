import type { SharedNote } from './noteVersions';
import type { Stamp, StampedFields } from './stampedFields';

/**
 * An event as a team shares it, whatever carries it (a bundle, a Git commit): every field with
 * its stamp, every note with its versions, and the photos by content hash. Local-only things
 * (which version this library shows, private blocks, snapshots) are not part of it. Ids are the
 * team's: a library that matched a session of its own to it keeps a map (see the ledger).
 */
export type SharedSession = {
  id: string;
  /** Every session field but the id, by name: fields added to the model later are carried and merged alike. */
  fields: StampedFields;
  /** False once somebody deleted the session; a session whose note somebody still has stays visible. */
  present: { value: boolean; stamp: Stamp };
  note: SharedNote;
};

/** A post's settings and texts; key is the file's name without ".json" ("day-1", "whole-event"). */
export type SharedPost = { key: string; fields: StampedFields };

export type SharedEvent = {
  id: string;
  createdAt: string;
  /** title, venue, dates, time zone, author: every event field but the id, timestamps and agenda. */
  fields: StampedFields;
  /** Sorted by id. */
  sessions: SharedSession[];
  /** Sorted by key. */
  posts: SharedPost[];
  /** Photo file names (content hashes), sorted. */
  assets: string[];
};

/** On the agenda: not deleted, or deleted by someone while someone else still has a note in it. */
export function isVisible(session: SharedSession): boolean {
  return session.present.value || session.note.heads.length > 0;
}

/** The programme's own id, by which two libraries that imported the same programme recognise a session. */
export function sourceIdOf(session: SharedSession): string | null {
  const value = session.fields.sourceId?.value;
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function sessionTitleOf(session: SharedSession): string {
  const value = session.fields.title?.value;
  return typeof value === 'string' ? value : session.id;
}
