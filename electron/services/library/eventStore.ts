import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import {
  EVENT_FILE_FORMAT,
  MAX_EVENT_DAYS,
  eventDayCount,
  eventFileSchema,
  summariseEvent,
  type EventChanges,
  type EventDraft,
  type EventFile,
  type Session,
  type SessionChanges,
  type SessionDraft,
  eventChangesSchema,
  eventDraftSchema,
  sessionChangesSchema,
  sessionDraftSchema,
} from '../../../shared/model/event';
import { byDayAndStart } from '../../../shared/model/sessionTime';
import type { EventList, EventProblem, EventWithSession } from '../../../shared/ipc/channels';
import { syncFolder, writeFileAtomic, type WriteQueue } from '../storage/atomicWrite';
import { readValidatedJson } from '../storage/readValidatedJson';
import { fileSystemError, ServiceError } from '../storage/serviceError';
import { parseOrThrow } from '../validation/parseOrThrow';
import { newEventId, newSessionId } from './ids';
import { ignoreLibraryChanges, type LibraryChangeListener } from './libraryChange';
import type { LibraryPaths } from './libraryPaths';

/**
 * Events and their agendas. Every change is a read-modify-write of one `event.json` under that
 * file's write queue, read from disk each time it has changed there (see read()), so the CLI
 * and the app can share a library.
 */
export class EventStore {
  private readonly readCache = new Map<string, { identity: string; event: EventFile }>();

  constructor(
    private readonly paths: LibraryPaths,
    private readonly writes: WriteQueue,
    private readonly onChanged: LibraryChangeListener = ignoreLibraryChanges,
  ) {}

  async list(): Promise<EventList> {
    let entries: string[];
    try {
      entries = await readdir(this.paths.eventsFolder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], problems: [] };
      throw fileSystemError(`read the library at ${this.paths.root}`, error);
    }
    const events: EventFile[] = [];
    const problems: EventProblem[] = [];
    for (const entry of entries.filter((name) => !name.startsWith('.')).sort()) {
      // Built by hand: paths.eventFolder refuses a folder name that is not an id, and one odd folder must not hide the library.
      const location = join(this.paths.eventsFolder, entry);
      try {
        const event = await this.read(entry);
        if (!event) problems.push({ location, message: 'This event folder has no event.json.' });
        else if (event.id !== entry) problems.push({ location, message: `This folder's event.json belongs to event "${event.id}" ("${event.title}"), not "${entry}"; it is left out of the list.` });
        else events.push(event);
      } catch (error) {
        problems.push({ location, message: (error as Error).message });
      }
    }
    events.sort((a, b) => b.startDate.localeCompare(a.startDate) || a.title.localeCompare(b.title));
    return { events: events.map(summariseEvent), problems };
  }

  async create(draft: EventDraft): Promise<EventFile> {
    const valid = parseOrThrow(eventDraftSchema, draft, 'event');
    const now = new Date().toISOString();
    const event: EventFile = { format: EVENT_FILE_FORMAT, id: newEventId(valid.title), ...valid, createdAt: now, updatedAt: now, sessions: [] };
    try {
      await mkdir(this.paths.notesFolder(event.id), { recursive: true });
      await syncFolder(this.paths.eventsFolder);
    } catch (error) {
      throw fileSystemError(`create the folder for event "${event.title}"`, error);
    }
    await this.write(event);
    this.onChanged({ kind: 'event-saved', event });
    return event;
  }

  async get(eventId: string): Promise<EventFile> {
    const event = await this.read(eventId);
    if (!event) throw new ServiceError('not-found', `There is no event with id "${eventId}" in this library.`);
    return event;
  }

  async update(eventId: string, changes: EventChanges): Promise<EventFile> {
    const valid = parseOrThrow(eventChangesSchema, changes, 'event changes');
    return this.change(eventId, (event) => {
      const updated = { ...event, ...valid };
      const lastDay = eventDayCount(updated);
      // The schema can only compare dates given together; one new date is checked against the stored other.
      if (lastDay < 1 || lastDay > MAX_EVENT_DAYS) {
        throw new ServiceError(
          'invalid-argument',
          `Invalid event changes: the end date (${updated.endDate}) must be on or after the start date (${updated.startDate}), and an event lasts at most ${MAX_EVENT_DAYS} days.`,
        );
      }
      const stranded = updated.sessions.filter((session) => session.day > lastDay);
      if (stranded.length > 0) {
        throw new ServiceError(
          'conflict',
          `The new dates would leave ${stranded.length} session(s) after the last day (for example "${stranded[0].title}" on day ${stranded[0].day}). Move or delete them first.`,
        );
      }
      return updated;
    });
  }

  /** Moves the whole event folder into the trash; nothing is deleted from disk. */
  async delete(eventId: string): Promise<void> {
    const event = await this.get(eventId);
    const target = join(this.paths.trashFolder, 'events', `${trashStamp()}-${event.id}`);
    await this.writes.run(this.paths.eventFile(eventId), async () => {
      try {
        await mkdir(join(this.paths.trashFolder, 'events'), { recursive: true });
        await rename(this.paths.eventFolder(eventId), target);
        await syncFolder(this.paths.eventsFolder);
      } catch (error) {
        throw fileSystemError(`move event "${event.title}" to the trash`, error);
      }
    });
    this.onChanged({ kind: 'event-removed', eventId });
  }

  async addSession(eventId: string, draft: SessionDraft): Promise<EventWithSession> {
    const valid = parseOrThrow(sessionDraftSchema, draft, 'session');
    const session: Session = { id: newSessionId(), ...valid };
    const event = await this.change(eventId, (current) => {
      assertDayExists(current, session.day);
      return { ...current, sessions: insertInTimeOrder(current.sessions, session) };
    });
    return { event, session };
  }

  async updateSession(eventId: string, sessionId: string, changes: SessionChanges): Promise<EventWithSession> {
    const valid = parseOrThrow(sessionChangesSchema, changes, 'session changes');
    let updated: Session | undefined;
    const event = await this.change(eventId, (current) => {
      const existing = findSession(current, sessionId);
      const session: Session = { id: sessionId, ...parseOrThrow(sessionDraftSchema, { ...withoutId(existing), ...valid }, 'session') };
      assertDayExists(current, session.day);
      const moved = session.day !== existing.day || session.start !== existing.start;
      const others = current.sessions.filter((candidate) => candidate.id !== sessionId);
      updated = session;
      return {
        ...current,
        sessions: moved ? insertInTimeOrder(others, session) : current.sessions.map((candidate) => (candidate.id === sessionId ? session : candidate)),
      };
    });
    return { event, session: updated! };
  }

  /** Removes a session from the agenda; its note is moved to the trash by the caller. */
  async removeSession(eventId: string, sessionId: string): Promise<{ event: EventFile; removed: Session }> {
    let removed: Session | undefined;
    return this.change(eventId, (current) => {
      removed = findSession(current, sessionId);
      return { ...current, sessions: current.sessions.filter((session) => session.id !== sessionId) };
    }).then((event) => ({ event, removed: removed! }));
  }

  async reorderSessions(eventId: string, day: number, sessionIds: string[]): Promise<EventFile> {
    return this.change(eventId, (current) => {
      const ofDay = current.sessions.filter((session) => session.day === day);
      const sameSet = sessionIds.length === ofDay.length && new Set(sessionIds).size === ofDay.length && ofDay.every((session) => sessionIds.includes(session.id));
      if (!sameSet) {
        throw new ServiceError('conflict', `The new order must list each session of day ${day} exactly once; the agenda may have changed, so reload it.`);
      }
      const byId = new Map(ofDay.map((session) => [session.id, session]));
      const reordered = sessionIds.map((id) => byId.get(id)!);
      const others = current.sessions.filter((session) => session.day !== day);
      return { ...current, sessions: [...others, ...reordered].sort((a, b) => a.day - b.day) };
    });
  }

  /**
   * Swaps the whole agenda, and optionally the event's dates, in one write: a programme import
   * is all or nothing. `expectedUpdatedAt` refuses the write if the event changed since the
   * caller read it, so a session added meanwhile is never silently dropped.
   */
  replaceSessions(eventId: string, sessions: Session[], eventChanges: EventChanges = {}, expectedUpdatedAt?: string): Promise<EventFile> {
    const valid = parseOrThrow(eventChangesSchema, eventChanges, 'event changes');
    return this.change(eventId, (current) => {
      if (expectedUpdatedAt !== undefined && current.updatedAt !== expectedUpdatedAt) {
        throw new ServiceError('conflict', `Event "${current.title}" changed while the import was being prepared; nothing was changed. Try again.`);
      }
      return parseOrThrow(eventFileSchema, { ...current, ...valid, sessions }, `agenda for event "${current.title}"`);
    });
  }

  /**
   * Every note load and save looks its session up here, so a validated event is kept while its
   * file is unchanged on disk: same inode (atomic writes replace it), size and modification
   * time. Callers get a copy they may change.
   */
  private async read(eventId: string): Promise<EventFile | null> {
    const filePath = this.paths.eventFile(eventId);
    const identity = await stat(filePath).then(fileIdentity, () => null);
    const cached = this.readCache.get(eventId);
    if (identity !== null && cached?.identity === identity) return structuredClone(cached.event);
    const event = await readValidatedJson({
      filePath,
      schema: eventFileSchema,
      supportedFormat: EVENT_FILE_FORMAT,
      description: `the event file of "${eventId}"`,
      quarantineFolder: join(this.paths.quarantineFolder, eventId),
    });
    if (event && identity !== null) this.readCache.set(eventId, { identity, event: structuredClone(event) });
    else this.readCache.delete(eventId);
    return event;
  }

  private async write(event: EventFile): Promise<void> {
    // On a drive with coarse timestamps (FAT: 2 s) a rewrite could look unchanged to read().
    this.readCache.delete(event.id);
    await writeFileAtomic(this.paths.eventFile(event.id), `${JSON.stringify(event, null, 2)}\n`, `event "${event.title}"`);
  }

  private change(eventId: string, apply: (event: EventFile) => EventFile): Promise<EventFile> {
    return this.writes.run(this.paths.eventFile(eventId), async () => {
      const changed = apply(await this.get(eventId));
      const event = { ...changed, updatedAt: new Date().toISOString() };
      await this.write(event);
      this.onChanged({ kind: 'event-saved', event });
      return event;
    });
  }
}

function findSession(event: EventFile, sessionId: string): Session {
  const session = event.sessions.find((candidate) => candidate.id === sessionId);
  if (!session) throw new ServiceError('not-found', `Event "${event.title}" has no session with id "${sessionId}".`);
  return session;
}

function assertDayExists(event: EventFile, day: number): void {
  const days = eventDayCount(event);
  if (day > days) throw new ServiceError('invalid-argument', `Event "${event.title}" has ${days} day(s); there is no day ${day}.`);
}

function withoutId(session: Session): Omit<Session, 'id'> {
  const { id: _id, ...rest } = session;
  return rest;
}

/** Places a session after the sessions of its day that start at or before it. */
export function insertInTimeOrder(sessions: Session[], session: Session): Session[] {
  let index = sessions.findIndex((other) => byDayAndStart(other, session) > 0);
  if (index === -1) index = sessions.length;
  return [...sessions.slice(0, index), session, ...sessions.slice(index)];
}

export function trashStamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function fileIdentity(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}
