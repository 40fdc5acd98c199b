import type { Session } from '../../../shared/model/event';
import type { DamageReport, RestoredNote, SnapshotDetail, SnapshotReason, SnapshotSummary } from '../../../shared/model/history';
import type { EventStore } from '../library/eventStore';
import type { NoteStore } from '../notes/noteStore';
import { ServiceError } from '../storage/serviceError';
import type { DamagedNotes } from './damagedNotes';
import type { HistoryStore } from './historyStore';

/** The version history of notes as the app and the CLI use it: list, preview, restore, and the way back from damage. */
export class HistoryService {
  constructor(
    private readonly events: EventStore,
    private readonly notes: NoteStore,
    private readonly snapshots: HistoryStore,
    private readonly damaged: DamagedNotes,
  ) {}

  async list(eventId: string, sessionId: string): Promise<SnapshotSummary[]> {
    return this.snapshots.list(eventId, await this.findSession(eventId, sessionId));
  }

  async get(eventId: string, sessionId: string, snapshotId: string): Promise<SnapshotDetail> {
    return this.snapshots.get(eventId, await this.findSession(eventId, sessionId), snapshotId);
  }

  /** The current note becomes a snapshot first, then the snapshot becomes the note. */
  async restore(eventId: string, sessionId: string, snapshotId: string): Promise<RestoredNote> {
    const session = await this.findSession(eventId, sessionId);
    const snapshot = await this.snapshots.get(eventId, session, snapshotId);
    const saved = await this.notes.save(eventId, sessionId, snapshot.editorState, { reason: 'before-restore' });
    await this.damaged.clear(eventId, sessionId);
    const { editorState: _state, ...restoredFrom } = snapshot;
    return { ...saved, restoredFrom };
  }

  /** For callers about to change notes or their sessions in bulk (an import, a merge): keeps the current version; null when there is no note. */
  async snapshotNow(eventId: string, sessionId: string, reason: SnapshotReason): Promise<SnapshotSummary | null> {
    return this.notes.snapshot(eventId, sessionId, reason);
  }

  /** Keeps a version of a note that is not the note on disk, such as a teammate's version that came in beside the reporter's own. */
  async keepVersion(eventId: string, sessionId: string, editorState: SnapshotDetail['editorState'], reason: SnapshotReason, author?: string): Promise<SnapshotSummary | null> {
    // A snapshot is a file of its own, never the note: it needs no place in the note's writes.
    return this.snapshots.take(eventId, await this.findSession(eventId, sessionId), reason, editorState, author);
  }

  async damageReport(eventId: string, sessionId: string): Promise<DamageReport> {
    const session = await this.findSession(eventId, sessionId);
    // A note written since the damage (a restore, the CLI) settles it.
    const noteOnDisk = (await this.notes.fileStamp(eventId, sessionId)) !== null;
    const [damage, latestSnapshot] = await Promise.all([noteOnDisk ? null : this.damaged.find(eventId, sessionId), this.snapshots.latest(eventId, session)]);
    return { damage, latestSnapshot };
  }

  /** The user chose to start the damaged note afresh; the quarantined file stays where it is. */
  async dismissDamage(eventId: string, sessionId: string): Promise<void> {
    await this.findSession(eventId, sessionId);
    await this.damaged.clear(eventId, sessionId);
  }

  private async findSession(eventId: string, sessionId: string): Promise<Session> {
    const event = await this.events.get(eventId);
    const session = event.sessions.find((candidate) => candidate.id === sessionId);
    if (!session) throw new ServiceError('not-found', `Event "${event.title}" has no session with id "${sessionId}"; it may have been deleted.`);
    return session;
  }
}
