import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  SNAPSHOT_FILE_FORMAT,
  snapshotFileSchema,
  type SnapshotDetail,
  type SnapshotFile,
  type SnapshotReason,
  type SnapshotSummary,
} from '../../../shared/model/history';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { countWords, noteStateText } from '../../../shared/note/noteText';
import type { LibraryPaths } from '../library/libraryPaths';
import { writeFileAtomic } from '../storage/atomicWrite';
import { readValidatedJson } from '../storage/readValidatedJson';
import { DamagedFileError, fileSystemError, ServiceError } from '../storage/serviceError';
import type { SessionRef } from './noteHistory';
import { historyFolder } from './historyPaths';
import { newSnapshotId, snapshotTime } from './snapshotIds';

/** While a note is being edited, at most one snapshot is taken per this interval. */
export const EDITING_SNAPSHOT_INTERVAL_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type HistoryClock = () => Date;

/**
 * Snapshots of notes, one JSON file each under events/<id>/history/<sessionId>/. A snapshot
 * holds the note as it was on disk just before it was replaced, so the first save after a
 * pause keeps what was there before. Snapshots older than the retention period are pruned
 * whenever a new one of the same note is written.
 */
export class HistoryStore {
  /** When each note's newest snapshot was taken (ms); read from disk once, then kept up to date. */
  private readonly newestSnapshotAt = new Map<string, number>();

  constructor(
    private readonly paths: LibraryPaths,
    private readonly retentionDays: () => number,
    private readonly now: HistoryClock = () => new Date(),
  ) {}

  /** Newest first. A damaged snapshot file is moved to quarantine and left out. */
  async list(eventId: string, session: SessionRef): Promise<SnapshotSummary[]> {
    const snapshots: SnapshotSummary[] = [];
    for (const id of await this.snapshotIds(eventId, session)) {
      try {
        const snapshot = await this.read(eventId, session, id);
        if (snapshot) snapshots.push(summarise(id, snapshot));
      } catch (error) {
        if (!(error instanceof DamagedFileError)) throw error;
      }
    }
    return snapshots;
  }

  async latest(eventId: string, session: SessionRef): Promise<SnapshotSummary | null> {
    return (await this.list(eventId, session))[0] ?? null;
  }

  async get(eventId: string, session: SessionRef, snapshotId: string): Promise<SnapshotDetail> {
    const snapshot = await this.read(eventId, session, snapshotId);
    if (!snapshot) throw new ServiceError('not-found', `The note of "${session.title}" has no snapshot "${snapshotId}"; it may have expired.`);
    return { ...summarise(snapshotId, snapshot), editorState: snapshot.editorState };
  }

  /**
   * Called by the note store holding the event's lock, just before the note file is replaced
   * with `current` as it is on disk. Editing snapshots are rate-limited; any other reason always snapshots.
   */
  async beforeOverwrite(eventId: string, session: SessionRef, reason: SnapshotReason, current: SerializedNoteState | null): Promise<void> {
    if (!current) return;
    if (reason !== 'editing') {
      await this.take(eventId, session, reason, current);
      return;
    }
    if (this.now().getTime() - (await this.newestTime(eventId, session).catch(() => 0)) < EDITING_SNAPSHOT_INTERVAL_MS) return;
    // The save must not fail because of its snapshot: a full or read-only disk is reported by the save itself, and the next save tries the snapshot again.
    await this.take(eventId, session, reason, current).catch(() => undefined);
  }

  /** Deletes every snapshot of a session (its trash entry was emptied). */
  async removeSession(eventId: string, sessionId: string): Promise<void> {
    await rm(historyFolder(this.paths, eventId, sessionId), { recursive: true, force: true });
    this.newestSnapshotAt.delete(keyOf(eventId, sessionId));
  }

  /**
   * Writes a snapshot of the note the note store handed over; none while editing a note that is
   * still empty. `author` names who wrote a teammate's version kept beside the note ("incoming").
   */
  async take(eventId: string, session: SessionRef, reason: SnapshotReason, current: SerializedNoteState, author?: string): Promise<SnapshotSummary | null> {
    const words = countWords(noteStateText(current));
    if (reason === 'editing' && words === 0) return null;
    const takenAt = this.now();
    const id = newSnapshotId(takenAt);
    const snapshot: SnapshotFile = { format: SNAPSHOT_FILE_FORMAT, sessionId: session.id, takenAt: takenAt.toISOString(), reason, words, editorState: current, ...(author ? { author } : {}) };
    const folder = await this.ensureFolder(eventId, session);
    await writeFileAtomic(join(folder, `${id}.json`), JSON.stringify(snapshot), `a snapshot of the note for "${session.title}"`);
    // A teammate's version is not a version of the note on disk: it must not hold back the next editing snapshot.
    if (reason !== 'incoming') this.newestSnapshotAt.set(keyOf(eventId, session.id), takenAt.getTime());
    await this.prune(eventId, session, id);
    return summarise(id, snapshot);
  }

  private async prune(eventId: string, session: SessionRef, keep: string): Promise<void> {
    const oldest = this.now().getTime() - this.retentionDays() * DAY_MS;
    const expired = (await this.snapshotIds(eventId, session)).filter((id) => id !== keep && snapshotTime(id) < oldest);
    const folder = historyFolder(this.paths, eventId, session.id);
    await Promise.all(expired.map((id) => rm(join(folder, `${id}.json`), { force: true })));
  }

  private async newestTime(eventId: string, session: SessionRef): Promise<number> {
    const key = keyOf(eventId, session.id);
    let newest = this.newestSnapshotAt.get(key);
    if (newest === undefined) {
      const [id] = await this.snapshotIds(eventId, session);
      newest = id ? snapshotTime(id) : Number.NEGATIVE_INFINITY;
      this.newestSnapshotAt.set(key, newest);
    }
    return newest;
  }

  /** Snapshot ids on disk, newest first. */
  private async snapshotIds(eventId: string, session: SessionRef): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(historyFolder(this.paths, eventId, session.id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw fileSystemError(`read the history of the note for "${session.title}"`, error);
    }
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter((id) => !Number.isNaN(snapshotTime(id)))
      .sort()
      .reverse();
  }

  private read(eventId: string, session: SessionRef, snapshotId: string): Promise<SnapshotFile | null> {
    if (Number.isNaN(snapshotTime(snapshotId))) throw new ServiceError('invalid-argument', `"${snapshotId.slice(0, 60)}" is not a snapshot id.`);
    return readValidatedJson({
      filePath: join(historyFolder(this.paths, eventId, session.id), `${snapshotId}.json`),
      schema: snapshotFileSchema,
      supportedFormat: SNAPSHOT_FILE_FORMAT,
      description: `the snapshot ${snapshotId} of the note for "${session.title}"`,
      quarantineFolder: join(this.paths.quarantineFolder, eventId),
    });
  }

  /** Not recursive above history/: a vanished event folder must not be recreated by a snapshot. */
  private async ensureFolder(eventId: string, session: SessionRef): Promise<string> {
    const folder = historyFolder(this.paths, eventId, session.id);
    for (const path of [join(folder, '..'), folder]) {
      try {
        await mkdir(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError(`save a snapshot of the note for "${session.title}"`, error);
      }
    }
    return folder;
  }
}

function keyOf(eventId: string, sessionId: string): string {
  return `${eventId}/${sessionId}`;
}

function summarise(id: string, snapshot: SnapshotFile): SnapshotSummary {
  return { id, takenAt: snapshot.takenAt, reason: snapshot.reason, words: snapshot.words, ...(snapshot.author ? { author: snapshot.author } : {}) };
}
