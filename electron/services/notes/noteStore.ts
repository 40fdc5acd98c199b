import { access, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedNote, SavedNote } from '../../../shared/ipc/channels';
import type { Session } from '../../../shared/model/event';
import type { SnapshotReason } from '../../../shared/model/history';
import { NOTE_FILE_FORMAT, noteFileSchema, type NoteFile, type SerializedNoteState } from '../../../shared/note/noteFile';
import { sanitizeNoteState } from '../../../shared/note/sanitizeNoteState';
import { writeFileAtomic, syncFolder } from '../storage/atomicWrite';
import type { LibraryLocks } from '../storage/libraryLocks';
import { readValidatedJson } from '../storage/readValidatedJson';
import { DamagedFileError, fileSystemError, libraryMissingError, ServiceError } from '../storage/serviceError';
import { NO_NOTE_HISTORY, type NoteHistory } from '../history/noteHistory';
import type { EventStore } from '../library/eventStore';
import { trashStamp } from '../library/eventStore';
import { ignoreLibraryChanges, type LibraryChangeListener } from '../library/libraryChange';
import type { LibraryPaths } from '../library/libraryPaths';
import { parseOrThrow } from '../validation/parseOrThrow';

/** One file per session's note. A save writes that one file and nothing else. */
export class NoteStore {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly events: EventStore,
    private readonly locks: LibraryLocks,
    private readonly onChanged: LibraryChangeListener = ignoreLibraryChanges,
    private readonly history: NoteHistory = NO_NOTE_HISTORY,
  ) {}

  /** A note found damaged is quarantined and remembered: until the user decides, loading it keeps saying so. */
  async load(eventId: string, sessionId: string): Promise<LoadedNote> {
    const session = await this.findSession(eventId, sessionId);
    const note = await readValidatedJson({
      filePath: this.paths.noteFile(eventId, sessionId),
      schema: noteFileSchema,
      supportedFormat: NOTE_FILE_FORMAT,
      description: `the note for "${session.title}"`,
      quarantineFolder: join(this.paths.quarantineFolder, eventId),
    }).catch(async (error: unknown) => {
      // Reporting the damage matters more than remembering it, so a failed record is not raised instead.
      if (error instanceof DamagedFileError) await this.history.recordDamage(eventId, session, error).catch(() => undefined);
      throw error;
    });
    if (!note) await this.history.assertNotDamaged(eventId, session);
    return { note: note ? { ...note, editorState: sanitizeNoteState(note.editorState) } : null };
  }

  /**
   * Queued before anything is awaited, so of two saves of one note the one called last always
   * wins. The note on disk is snapshotted first (editing snapshots are rate-limited by the history).
   */
  async save(eventId: string, sessionId: string, editorState: SerializedNoteState, snapshotReason: SnapshotReason = 'editing'): Promise<SavedNote> {
    const filePath = this.paths.noteFile(eventId, sessionId);
    return this.locks.run(eventId, 'saving a note', async () => {
      const session = await this.findSession(eventId, sessionId);
      const state = parseOrThrow(noteFileSchema.shape.editorState, editorState, `note for "${session.title}"`);
      const note: NoteFile = { format: NOTE_FILE_FORMAT, sessionId, savedAt: new Date().toISOString(), editorState: sanitizeNoteState(state) };
      await this.ensureNotesFolder(eventId, session);
      await this.history.beforeOverwrite(eventId, session, snapshotReason);
      const bytesWritten = await writeFileAtomic(filePath, JSON.stringify(note), `the note for "${session.title}"`);
      this.onChanged({ kind: 'note-saved', eventId, sessionId, editorState: note.editorState });
      return { savedAt: note.savedAt, bytesWritten };
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
        await rename(source, join(folder, 'note.json')).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
        await syncFolder(this.paths.notesFolder(eventId));
      } catch (error) {
        throw fileSystemError(`move the note of "${session.title}" to the trash`, error);
      }
    });
    this.onChanged({ kind: 'note-removed', eventId, sessionId: session.id });
  }

  /** An empty notes/ folder is dropped by git and some sync tools; not recursive, so a vanished event is not recreated. */
  private async ensureNotesFolder(eventId: string, session: Session): Promise<void> {
    try {
      await mkdir(this.paths.notesFolder(eventId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError(`save the note for "${session.title}"`, error);
    }
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
