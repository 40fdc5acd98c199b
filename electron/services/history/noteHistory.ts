import type { Session } from '../../../shared/model/event';
import type { SnapshotReason } from '../../../shared/model/history';
import type { DamagedFileError } from '../storage/serviceError';
import type { DamagedNotes } from './damagedNotes';
import type { HistoryStore } from './historyStore';

/** What the note store asks of the history: a snapshot before a note is replaced, and memory of damaged notes. */
export type NoteHistory = {
  /** Runs inside the note's write queue, just before its file is replaced. */
  beforeOverwrite(eventId: string, session: Session, reason: SnapshotReason): Promise<void>;
  recordDamage(eventId: string, session: Session, error: DamagedFileError): Promise<void>;
  /** Throws when the note's file is missing because it was found damaged and no decision was made yet. */
  assertNotDamaged(eventId: string, session: Session): Promise<void>;
};

export function noteHistory(snapshots: HistoryStore, damaged: DamagedNotes): NoteHistory {
  return {
    beforeOverwrite: (eventId, session, reason) => snapshots.beforeOverwrite(eventId, session, reason),
    recordDamage: (eventId, session, error) => damaged.record(eventId, session, error),
    assertNotDamaged: (eventId, session) => damaged.assertNotDamaged(eventId, session),
  };
}

/** A note store's default when built without history; createServices always passes the real one. */
export const NO_NOTE_HISTORY: NoteHistory = {
  beforeOverwrite: async () => undefined,
  recordDamage: async () => undefined,
  assertNotDamaged: async () => undefined,
};
