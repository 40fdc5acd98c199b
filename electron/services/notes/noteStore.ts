import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedNote, SavedNote } from '../../../shared/ipc/channels';
import type { Session } from '../../../shared/model/event';
import { NOTE_FILE_FORMAT, noteFileSchema, type NoteFile, type SerializedNoteState } from '../../../shared/note/noteFile';
import { sanitizeNoteState } from '../../../shared/note/sanitizeNoteState';
import { writeFileAtomic, syncFolder, type WriteQueue } from '../storage/atomicWrite';
import { readValidatedJson } from '../storage/readValidatedJson';
import { fileSystemError, ServiceError } from '../storage/serviceError';
import type { EventStore } from '../library/eventStore';
import { trashStamp } from '../library/eventStore';
import type { LibraryPaths } from '../library/libraryPaths';
import { parseOrThrow } from '../validation/parseOrThrow';

/** One file per session's note. A save writes that one file and nothing else. */
export class NoteStore {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly events: EventStore,
    private readonly writes: WriteQueue,
  ) {}

  async load(eventId: string, sessionId: string): Promise<LoadedNote> {
    const session = await this.findSession(eventId, sessionId);
    const note = await readValidatedJson({
      filePath: this.paths.noteFile(eventId, sessionId),
      schema: noteFileSchema,
      supportedFormat: NOTE_FILE_FORMAT,
      description: `the note for "${session.title}"`,
      quarantineFolder: join(this.paths.quarantineFolder, eventId),
    });
    return { note: note ? { ...note, editorState: sanitizeNoteState(note.editorState) } : null };
  }

  /** Queued before anything is awaited, so of two saves of one note the one called last always wins. */
  async save(eventId: string, sessionId: string, editorState: SerializedNoteState): Promise<SavedNote> {
    const filePath = this.paths.noteFile(eventId, sessionId);
    return this.writes.run(filePath, async () => {
      const session = await this.findSession(eventId, sessionId);
      const state = parseOrThrow(noteFileSchema.shape.editorState, editorState, `note for "${session.title}"`);
      const note: NoteFile = { format: NOTE_FILE_FORMAT, sessionId, savedAt: new Date().toISOString(), editorState: sanitizeNoteState(state) };
      await this.ensureNotesFolder(eventId, session);
      const bytesWritten = await writeFileAtomic(filePath, JSON.stringify(note), `the note for "${session.title}"`);
      return { savedAt: note.savedAt, bytesWritten };
    });
  }

  /** Moves a deleted session's note into the trash, with the session's agenda entry beside it. */
  async moveToTrash(eventId: string, session: Session): Promise<void> {
    const folder = join(this.paths.trashFolder, 'sessions', `${trashStamp()}-${eventId}-${session.id}`);
    const source = this.paths.noteFile(eventId, session.id);
    await this.writes.run(source, async () => {
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
    const event = await this.events.get(eventId);
    const session = event.sessions.find((candidate) => candidate.id === sessionId);
    if (!session) {
      throw new ServiceError('not-found', `Event "${event.title}" has no session with id "${sessionId}"; it may have been deleted.`);
    }
    return session;
  }
}
