import type { SnapshotReason, SnapshotSummary } from '../../../shared/model/history';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import type { DamagedFileError } from '../storage/serviceError';
import type { DamagedNotes } from './damagedNotes';
import type { HistoryStore } from './historyStore';

/** The session a note belongs to; the title names it in messages. */
export type SessionRef = { id: string; title: string };

/**
 * What the note store asks of the history: snapshots of the note it hands over (the history
 * never reads note files itself), and memory of damaged notes.
 */
export type NoteHistory = {
  /** Runs holding the event's lock, just before the note file is replaced; `current` is what is on disk. */
  beforeOverwrite(eventId: string, session: SessionRef, reason: SnapshotReason, current: SerializedNoteState | null): Promise<void>;
  /** Keeps `current` as a snapshot now, whatever the rate limit. */
  keep(eventId: string, session: SessionRef, reason: SnapshotReason, current: SerializedNoteState): Promise<SnapshotSummary | null>;
  recordDamage(eventId: string, session: SessionRef, error: DamagedFileError): Promise<void>;
  /** Throws when the note's file is missing because it was found damaged and no decision was made yet. */
  assertNotDamaged(eventId: string, session: SessionRef): Promise<void>;
};

export function noteHistory(snapshots: HistoryStore, damaged: DamagedNotes): NoteHistory {
  return {
    beforeOverwrite: (eventId, session, reason, current) => snapshots.beforeOverwrite(eventId, session, reason, current),
    keep: (eventId, session, reason, current) => snapshots.take(eventId, session, reason, current),
    recordDamage: (eventId, session, error) => damaged.record(eventId, session, error),
    assertNotDamaged: (eventId, session) => damaged.assertNotDamaged(eventId, session),
  };
}

/** A note store's default when built without history; createServices always passes the real one. */
export const NO_NOTE_HISTORY: NoteHistory = {
  beforeOverwrite: async () => undefined,
  keep: async () => null,
  recordDamage: async () => undefined,
  assertNotDamaged: async () => undefined,
};
