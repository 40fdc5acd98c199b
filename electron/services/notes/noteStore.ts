import { access, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeptVersion, LoadedNote, SavedNote } from '../../../shared/ipc/channels';
import type { Session } from '../../../shared/model/event';
import type { SnapshotReason, SnapshotSummary } from '../../../shared/model/history';
import { NOTE_FILE_FORMAT, noteFileSchema, type NoteFile, type SerializedNoteNode, type SerializedNoteState } from '../../../shared/note/noteFile';
import { noteKey } from '../../../shared/note/noteAddress';
import { sanitizeNoteState } from '../../../shared/note/sanitizeNoteState';
import { renameOver, writeFileAtomic, syncFolder } from '../storage/atomicWrite';
import type { LibraryLocks } from '../storage/libraryLocks';
import { readJsonIfValid, readValidatedJson } from '../storage/readValidatedJson';
import { fileSystemError, libraryMissingError, ServiceError } from '../storage/serviceError';
import { NO_NOTE_HISTORY, type NoteHistory, type SessionRef } from '../history/noteHistory';
import type { EventStore } from '../library/eventStore';
import { trashStamp } from '../library/eventStore';
import { ignoreLibraryChanges, type LibraryChangeListener } from '../library/libraryChange';
import type { LibraryPaths } from '../library/libraryPaths';
import { parseOrThrow } from '../validation/parseOrThrow';

/**
 * One file per session's note, and the one owner of those files: every part of Hallnotes that
 * reads a note (the editor, the post and export, search, an import, the trash, the history) or
 * moves one reads and moves it here, under one damage policy: a note file that cannot be read
 * is moved unchanged into quarantine and remembered, so opening its session says so until the
 * reporter decides, whoever came across the damage first. Writes and moves hold the event's lock.
 */
export class NoteStore {
  /** Notes a read of this process is moving to quarantine right now, until their damage is on record. */
  private readonly movingAside = new Map<string, Promise<unknown>>();

  constructor(
    private readonly paths: LibraryPaths,
    private readonly events: EventStore,
    private readonly locks: LibraryLocks,
    private readonly onChanged: LibraryChangeListener = ignoreLibraryChanges,
    private readonly history: NoteHistory = NO_NOTE_HISTORY,
  ) {}

  /** The note the editor opens. A note found damaged keeps saying so until the reporter decides. */
  async load(eventId: string, sessionId: string): Promise<LoadedNote> {
    const session = await this.findSession(eventId, sessionId);
    const note = await this.readStored(eventId, session);
    if (!note) {
      // Missing may mean that another read of this process (the agenda's word counts) is moving
      // it aside as damaged and has not written that down yet: wait for it, so the note says
      // "damaged" instead of opening empty.
      await this.movingAside.get(noteKey({ eventId, sessionId }))?.catch(() => undefined);
      await this.history.assertNotDamaged(eventId, session);
    }
    return { note: note ? { ...note, editorState: sanitizeNoteState(note.editorState) } : null };
  }

  /**
   * The stored note of a session, for the other services; null when it has none. Waits for the
   * writes this process already queued for the event, so a read right after an edit sees it.
   */
  async read(eventId: string, session: SessionRef): Promise<NoteFile | null> {
    await this.locks.settled(eventId);
    return this.readStored(eventId, session);
  }

  /**
   * Whether a session has a note worth keeping: one with any text, a photo or a timestamp, or a
   * damaged one (kept so its snapshots stay reachable). An empty note is no note.
   */
  async hasNote(eventId: string, sessionId: string): Promise<boolean> {
    // Most sessions of a big programme have no note: those cost one stat, not a read of the agenda.
    if ((await this.fileStamp(eventId, sessionId)) === null) return false;
    const session = await this.sessionOrId(eventId, sessionId);
    try {
      const note = await this.read(eventId, session);
      return note !== null && hasContent(note.editorState.root);
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'damaged-file') return true;
      throw error;
    }
  }

  /**
   * Queued before anything is awaited, so of two saves of one note the one called last always
   * wins. The note on disk is snapshotted first (editing snapshots are rate-limited by the history).
   *
   * `baseSavedAt` is the version the caller's text started from (the editor sends the savedAt it
   * opened or last saved; null when it opened no note). If the note on disk is another version —
   * saved meanwhile by the CLI or another window — both are kept: that version becomes a
   * snapshot, this one is saved, and the result says so. Without it (the CLI, a restore) the note
   * is replaced as asked, after the usual snapshot.
   */
  async save(eventId: string, sessionId: string, editorState: SerializedNoteState, options: SaveOptions = {}): Promise<SavedNote> {
    const filePath = this.paths.noteFile(eventId, sessionId);
    return this.locks.run(eventId, 'saving a note', async () => {
      const session = await this.findSession(eventId, sessionId);
      const state = parseOrThrow(noteFileSchema.shape.editorState, editorState, `note for "${session.title}"`);
      const note: NoteFile = { format: NOTE_FILE_FORMAT, sessionId, savedAt: new Date().toISOString(), editorState: sanitizeNoteState(state) };
      await this.ensureNotesFolder(eventId, session);
      const current = await this.readStoredOrDamaged(eventId, session);
      const changedElsewhere =
        current !== null && options.baseSavedAt !== undefined && current.savedAt !== options.baseSavedAt && !isOneOf(current.editorState, options.unconfirmedStates ?? []);
      let keptVersion: KeptVersion | undefined;
      if (changedElsewhere) {
        // Not caught: if the other version cannot be kept, this save must not replace it.
        const kept = await this.history.keep(eventId, session, 'changed-elsewhere', current.editorState);
        keptVersion = { savedAt: current.savedAt, snapshotId: kept?.id ?? null, message: describeKeptVersion(session, current.savedAt) };
      } else {
        await this.history.beforeOverwrite(eventId, session, options.reason ?? 'editing', current?.editorState ?? null);
      }
      const bytesWritten = await writeFileAtomic(filePath, JSON.stringify(note), `the note for "${session.title}"`);
      this.onChanged({ kind: 'note-saved', eventId, sessionId, editorState: note.editorState });
      return keptVersion ? { savedAt: note.savedAt, bytesWritten, keptVersion } : { savedAt: note.savedAt, bytesWritten };
    });
  }

  /** Keeps the note as it is on disk now as a snapshot (before an import changes its session, say); null when there is none. */
  async snapshot(eventId: string, sessionId: string, reason: SnapshotReason): Promise<SnapshotSummary | null> {
    return this.locks.run(eventId, 'keeping a snapshot of a note', async () => {
      const session = await this.findSession(eventId, sessionId);
      const current = await this.readStoredOrDamaged(eventId, session);
      return current ? this.history.keep(eventId, session, reason, current.editorState) : null;
    });
  }

  /** Moves a deleted session's note into the trash, with the session's agenda entry beside it. */
  async moveToTrash(eventId: string, session: Session): Promise<void> {
    const folder = join(this.paths.trashFolder, 'sessions', `${trashStamp()}-${eventId}-${session.id}`);
    const source = this.paths.noteFile(eventId, session.id);
    await this.locks.run(eventId, 'moving a note to the trash', async () => {
      try {
        await mkdir(folder, { recursive: true });
        await writeFileAtomic(join(folder, 'session.json'), `${JSON.stringify({ eventId, session }, null, 2)}\n`, `the deleted session "${session.title}"`);
        await renameOver(source, join(folder, 'note.json')).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
        await syncFolder(this.paths.notesFolder(eventId));
      } catch (error) {
        throw fileSystemError(`move the note of "${session.title}" to the trash`, error);
      }
    });
    this.onChanged({ kind: 'note-removed', eventId, sessionId: session.id });
  }

  /**
   * Moves a trashed note (`<trash folder>/note.json`) back to its session; false when there was
   * none. Never replaces a note: a session that has one keeps it and the trashed one stays put.
   */
  async putBackFromTrash(trashFolder: string, eventId: string, session: SessionRef): Promise<boolean> {
    const source = join(trashFolder, 'note.json');
    const target = this.paths.noteFile(eventId, session.id);
    return this.locks.run(eventId, 'putting a note back from the trash', async () => {
      if (!(await exists(source))) return false;
      if (await exists(target)) throw new ServiceError('conflict', `A note for session "${session.title}" already exists at ${target}; the deleted one was left in ${trashFolder}.`);
      try {
        await mkdir(this.paths.notesFolder(eventId)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        });
        await renameOver(source, target);
        await syncFolder(this.paths.notesFolder(eventId));
      } catch (error) {
        throw fileSystemError(`put the note of "${session.title}" back from the trash`, error);
      }
      return true;
    });
  }

  /** Undoes putBackFromTrash when the rest of a restore failed. */
  async returnToTrash(trashFolder: string, eventId: string, session: SessionRef): Promise<void> {
    await this.locks.run(eventId, 'returning a note to the trash', async () => {
      await renameOver(this.paths.noteFile(eventId, session.id), join(trashFolder, 'note.json'));
    });
  }

  /** A note waiting in the trash, read for the trash listing; never moved: the trash is never quarantined. */
  async readTrashed(trashFolder: string): Promise<NoteFile | null> {
    return readJsonIfValid(join(trashFolder, 'note.json'), noteFileSchema, 'in the trash');
  }

  /** Changes whenever the note's file is replaced (inode, size, time); null when there is none. For caches of what notes say. */
  async fileStamp(eventId: string, sessionId: string): Promise<string | null> {
    const info = await stat(this.paths.noteFile(eventId, sessionId)).catch(() => null);
    return info ? `${info.ino}:${info.size}:${info.mtimeMs}` : null;
  }

  /** Sessions of an event that have a note file, to tell listeners (the search) about an event put back. */
  async sessionsWithFiles(eventId: string): Promise<Set<string>> {
    const names = await readdir(this.paths.notesFolder(eventId)).catch(() => [] as string[]);
    return new Set(names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)));
  }

  private readStored(eventId: string, session: SessionRef): Promise<NoteFile | null> {
    return readValidatedJson({
      filePath: this.paths.noteFile(eventId, session.id),
      schema: noteFileSchema,
      supportedFormat: NOTE_FILE_FORMAT,
      description: `the note for "${session.title}"`,
      quarantineFolder: join(this.paths.quarantineFolder, eventId),
      exclusive: (work) => {
        const key = noteKey({ eventId, sessionId: session.id });
        const moving = this.locks.run(eventId, 'moving a damaged note aside', work);
        this.movingAside.set(key, moving);
        const done = () => this.movingAside.get(key) === moving && this.movingAside.delete(key);
        void moving.then(done, done);
        return moving;
      },
      onQuarantined: (error) => this.history.recordDamage(eventId, session, error),
    });
  }

  /** Before a write: a damaged file on disk is moved aside and recorded (never overwritten), then counts as no note. */
  private async readStoredOrDamaged(eventId: string, session: SessionRef): Promise<NoteFile | null> {
    try {
      return await this.readStored(eventId, session);
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'damaged-file') return null;
      throw error;
    }
  }

  /** An empty notes/ folder is dropped by git and some sync tools; not recursive, so a vanished event is not recreated. */
  private async ensureNotesFolder(eventId: string, session: SessionRef): Promise<void> {
    try {
      await mkdir(this.paths.notesFolder(eventId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError(`save the note for "${session.title}"`, error);
    }
  }

  /** The session as the agenda has it, or (once it left the agenda, as during an import) just its id. */
  private async sessionOrId(eventId: string, sessionId: string): Promise<SessionRef> {
    const event = await this.events.get(eventId).catch(() => null);
    return event?.sessions.find((candidate) => candidate.id === sessionId) ?? { id: sessionId, title: sessionId };
  }

  private async findSession(eventId: string, sessionId: string): Promise<Session> {
    const event = await this.events.get(eventId).catch(async (error: unknown) => {
      throw await this.explainMissingLibrary(error);
    });
    const session = event.sessions.find((candidate) => candidate.id === sessionId);
    if (!session) {
      throw new ServiceError('not-found', `Event "${event.title}" has no session with id "${sessionId}"; it may have been deleted.`);
    }
    return session;
  }

  /** A library on a removed drive first looks like a missing event; say what really happened. */
  private async explainMissingLibrary(error: unknown): Promise<unknown> {
    if (!(error instanceof ServiceError && error.code === 'not-found')) return error;
    const present = await access(this.paths.root).then(() => true, () => false);
    return present ? error : libraryMissingError(this.paths.root);
  }
}

export type SaveOptions = {
  /** Why the version on disk is snapshotted before it is replaced; 'editing' is rate-limited. */
  reason?: SnapshotReason;
  /** The savedAt of the version this text was typed over; null when it started from no note. Leave out to replace whatever is there. */
  baseSavedAt?: string | null;
  /**
   * What the caller sent in saves whose answer it never got (the host stopped mid-save): one of
   * them on disk is the caller's own text, not a version written elsewhere.
   */
  unconfirmedStates?: readonly SerializedNoteState[];
};

/** Whether the note on disk is one of `states` as a save would have stored it (sanitised, the same JSON). */
function isOneOf(current: SerializedNoteState, states: readonly SerializedNoteState[]): boolean {
  if (states.length === 0) return false;
  const stored = JSON.stringify(current);
  return states.some((state) => JSON.stringify(sanitizeNoteState(state)) === stored);
}

function describeKeptVersion(session: SessionRef, savedAt: string): string {
  const when = `${savedAt.slice(0, 16).replace('T', ' ')} UTC`;
  return `The note for "${session.title}" was also changed elsewhere (saved ${when}, from the command line or another window) while it was open here. Both are kept: the note now holds what you typed here, and the other version is in its History as "saved elsewhere while open here".`;
}

const CONTENT_NODE_TYPES = new Set(['image', 'timestamp']);

function hasContent(node: SerializedNoteNode): boolean {
  if (CONTENT_NODE_TYPES.has(node.type)) return true;
  if (node.type === 'text' && String(node.text ?? '').trim() !== '') return true;
  return (node.children ?? []).some(hasContent);
}

function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
