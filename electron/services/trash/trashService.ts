import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { eventDayCount, type EventFile } from '../../../shared/model/event';
import { trashEntryIdSchema, type TrashEntry, type TrashRestored } from '../../../shared/model/trash';
import { countWords, noteStateText } from '../../../shared/note/noteText';
import type { HistoryStore } from '../history/historyStore';
import { insertInTimeOrder, type EventStore } from '../library/eventStore';
import { ignoreLibraryChanges, type LibraryChangeListener } from '../library/libraryChange';
import type { LibraryPaths } from '../library/libraryPaths';
import type { NoteStore } from '../notes/noteStore';
import { syncFolder } from '../storage/atomicWrite';
import type { LibraryLocks } from '../storage/libraryLocks';
import { fileSystemError, ServiceError } from '../storage/serviceError';
import { parseOrThrow } from '../validation/parseOrThrow';
import {
  afterStamp,
  deletedAtOf,
  readDeletedEvent,
  readDeletedSession,
  trashFolderNames,
  trashKindFolder,
  TRASH_KINDS,
  type DeletedSession,
  type TrashKind,
} from './trashFolders';

/**
 * Deleted events and sessions, listed, put back or erased. Restoring moves the folders back
 * (nothing is copied), refuses to overwrite anything already in the library, and puts a
 * session back in time order into its event's agenda with its note, holding the event's lock
 * so no other process changes the agenda in between. Note files are moved by the note store.
 */
export class TrashService {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly events: EventStore,
    private readonly notes: NoteStore,
    private readonly snapshots: HistoryStore,
    private readonly locks: LibraryLocks,
    private readonly onChanged: LibraryChangeListener = ignoreLibraryChanges,
  ) {}

  /** Newest deletion first. */
  async list(): Promise<TrashEntry[]> {
    const eventTitles = new Map<string, string | null>();
    const entries: TrashEntry[] = [];
    for (const name of await trashFolderNames(this.paths, 'events')) entries.push(await this.describeEvent(name));
    for (const name of await trashFolderNames(this.paths, 'sessions')) {
      const entry = await this.describeSession(name, eventTitles);
      if (entry) entries.push(entry);
    }
    return entries.sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
  }

  async restore(entryId: string): Promise<TrashRestored> {
    parseOrThrow(trashEntryIdSchema, entryId, 'trash entry');
    const [kind, name] = entryId.split('/') as [TrashKind, string];
    const folder = join(trashKindFolder(this.paths, kind), name);
    if (!(await access(folder).then(() => true, () => false))) throw new ServiceError('not-found', `There is no "${entryId}" in the trash; it may have been restored or emptied already.`);
    return kind === 'events' ? this.restoreEvent(folder, name) : this.restoreSession(folder, entryId);
  }

  /** Erases everything in the trash, and the history of the sessions in it. */
  async empty(): Promise<{ removed: number }> {
    let removed = 0;
    for (const kind of TRASH_KINDS) {
      for (const name of await trashFolderNames(this.paths, kind)) {
        const folder = join(trashKindFolder(this.paths, kind), name);
        if (kind === 'sessions') await this.eraseSessionHistory(folder);
        try {
          await rm(folder, { recursive: true, force: true });
        } catch (error) {
          throw fileSystemError(`empty the trash (${folder})`, error);
        }
        removed++;
      }
    }
    return { removed };
  }

  private async describeEvent(name: string): Promise<TrashEntry> {
    const event = await readDeletedEvent(join(trashKindFolder(this.paths, 'events'), name));
    return {
      id: `events/${name}`,
      kind: 'event',
      title: event?.title ?? `Unreadable event (${afterStamp(name)})`,
      eventId: event?.id ?? afterStamp(name),
      eventTitle: null,
      sessionId: null,
      deletedAt: deletedAtOf(name),
      words: null,
      sessions: event?.sessions.length ?? null,
    };
  }

  private async describeSession(name: string, eventTitles: Map<string, string | null>): Promise<TrashEntry | null> {
    const folder = join(trashKindFolder(this.paths, 'sessions'), name);
    const deleted = await readDeletedSession(folder);
    if (!deleted) return null;
    const note = await this.notes.readTrashed(folder);
    if (!eventTitles.has(deleted.eventId)) eventTitles.set(deleted.eventId, await this.events.get(deleted.eventId).then((event) => event.title, () => null));
    return {
      id: `sessions/${name}`,
      kind: 'session',
      title: deleted.session.title,
      eventId: deleted.eventId,
      eventTitle: eventTitles.get(deleted.eventId) ?? null,
      sessionId: deleted.session.id,
      deletedAt: deletedAtOf(name),
      words: note ? countWords(noteStateText(note.editorState)) : 0,
      sessions: null,
    };
  }

  private async restoreEvent(folder: string, name: string): Promise<TrashRestored> {
    const deleted = await readDeletedEvent(folder);
    const eventId = deleted?.id ?? afterStamp(name);
    const target = this.paths.eventFolder(eventId);
    await this.locks.run(eventId, 'putting an event back from the trash', async () => {
      if (await access(target).then(() => true, () => false)) {
        const existing = await this.events.get(eventId).then((event) => `"${event.title}"`, () => 'a folder');
        throw new ServiceError('conflict', `The library already has ${existing} with the id "${eventId}", so the deleted event cannot be put back. Move or delete that one first.`);
      }
      try {
        await mkdir(this.paths.eventsFolder, { recursive: true });
        await rename(folder, target);
        await syncFolder(this.paths.eventsFolder);
        await syncFolder(trashKindFolder(this.paths, 'events'));
      } catch (error) {
        throw fileSystemError(`put event "${deleted?.title ?? eventId}" back from the trash`, error);
      }
    });
    if (deleted) await this.announceRestoredEvent(deleted);
    return { kind: 'event', eventId, sessionId: null, title: deleted?.title ?? eventId };
  }

  /** Note first, then the agenda, then the trash entry: a crash in between never loses the note. */
  private async restoreSession(folder: string, entryId: string): Promise<TrashRestored> {
    const deleted = await readDeletedSession(folder);
    if (!deleted) throw new ServiceError('damaged-file', `The trash entry "${entryId}" cannot be put back: its session.json is missing or unreadable. The files are still in ${folder}.`);
    const { eventId, session } = deleted;
    const noteMoved = await this.locks.run(eventId, 'putting a session back from the trash', async () => {
      const event = await this.eventForSession(deleted);
      this.checkFits(event, deleted);
      const moved = await this.notes.putBackFromTrash(folder, eventId, session);
      try {
        await this.events.replaceSessions(event.id, insertInTimeOrder(event.sessions, session), {}, event.updatedAt);
      } catch (error) {
        if (moved) await this.notes.returnToTrash(folder, eventId, session).catch(() => undefined);
        throw error;
      }
      return moved;
    });
    try {
      await rm(folder, { recursive: true, force: true });
      await syncFolder(trashKindFolder(this.paths, 'sessions'));
    } catch (error) {
      throw fileSystemError(`remove session "${session.title}" from the trash after putting it back`, error);
    }
    if (noteMoved) await this.announceRestoredNote(eventId, session);
    return { kind: 'session', eventId, sessionId: session.id, title: session.title };
  }

  private async eventForSession({ eventId, session }: DeletedSession): Promise<EventFile> {
    try {
      return await this.events.get(eventId);
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'not-found') {
        throw new ServiceError('conflict', `Session "${session.title}" belonged to an event ("${eventId}") that is not in the library. Put that event back from the trash first.`);
      }
      throw error;
    }
  }

  private checkFits(event: EventFile, { session }: DeletedSession): void {
    if (event.sessions.some((candidate) => candidate.id === session.id)) {
      throw new ServiceError('conflict', `Event "${event.title}" already has session "${session.title}" (id ${session.id}); it was put back before.`);
    }
    const days = eventDayCount(event);
    if (session.day > days) {
      throw new ServiceError('conflict', `Session "${session.title}" was on day ${session.day}, but event "${event.title}" now has ${days} day(s). Lengthen the event, then put the session back.`);
    }
  }

  private async eraseSessionHistory(folder: string): Promise<void> {
    const deleted = await readDeletedSession(folder);
    if (!deleted) return;
    const event = await this.events.get(deleted.eventId).catch(() => null);
    // A session that was put back by hand (same id in the agenda again) keeps its history.
    if (event && !event.sessions.some((session) => session.id === deleted.session.id)) await this.snapshots.removeSession(deleted.eventId, deleted.session.id);
  }

  /** Listeners (the search index) learn about what came back as if it had just been saved. */
  private async announceRestoredEvent(event: EventFile): Promise<void> {
    this.onChanged({ kind: 'event-saved', event });
    const withFiles = await this.notes.sessionsWithFiles(event.id);
    for (const session of event.sessions) {
      if (withFiles.has(session.id)) await this.announceRestoredNote(event.id, session);
    }
  }

  /** Read through the note store: a note damaged in the trash is set aside and reported when its session opens. */
  private async announceRestoredNote(eventId: string, session: { id: string; title: string }): Promise<void> {
    const note = await this.notes.read(eventId, session).catch(() => null);
    if (note) this.onChanged({ kind: 'note-saved', eventId, sessionId: session.id, editorState: note.editorState });
  }
}
