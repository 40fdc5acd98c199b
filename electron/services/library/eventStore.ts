import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import type { output } from 'zod';
import {
  EVENT_FILE_FORMAT,
  MAX_EVENT_DAYS,
  MAX_SESSIONS_PER_EVENT,
  eventDayCount,
  eventLimitProblems,
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
import { byDayAndStart, settleNextDayEnd } from '../../../shared/model/sessionTime';
import type { EventList, EventProblem, EventWithSession } from '../../../shared/ipc/channels';
import { syncFolder, writeFileAtomic } from '../storage/atomicWrite';
import type { LibraryLocks } from '../storage/libraryLocks';
import { readValidatedJson } from '../storage/readValidatedJson';
import { fileSystemError, ServiceError } from '../storage/serviceError';
import { parseOrThrow } from '../validation/parseOrThrow';
import { planRecovery, type RecoveryPlan } from './eventRecovery';
import { newEventId, newSessionId } from './ids';
import { ignoreLibraryChanges, type LibraryChangeListener } from './libraryChange';
import type { LibraryPaths } from './libraryPaths';

/**
 * Events and their agendas. Every change is a read-modify-write of one `event.json` holding the
 * event's lock (shared with every other process on the library), read from disk under that lock
 * each time it has changed there (see read()), so the app and any number of CLIs can share a
 * library without losing each other's changes.
 */
export class EventStore {
  private readonly readCache = new Map<string, { identity: string; event: EventFile }>();

  constructor(
    private readonly paths: LibraryPaths,
    private readonly locks: LibraryLocks,
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
        if (!event) problems.push({ location, message: await this.describeMissingFile(entry), recoverEventId: entry });
        else if (event.id !== entry) problems.push({ location, message: `This folder's event.json belongs to event "${event.id}" ("${event.title}"), not "${entry}"; it is left out of the list.` });
        else {
          events.push(event);
          for (const message of eventLimitProblems(event)) problems.push({ location, message: `${message} It opens as it is, but no session can be added until some are deleted.` });
        }
      } catch (error) {
        const damaged = error instanceof ServiceError && error.code === 'damaged-file';
        problems.push({ location, message: (error as Error).message, ...(damaged ? { recoverEventId: entry } : {}) });
      }
    }
    events.sort((a, b) => b.startDate.localeCompare(a.startDate) || a.title.localeCompare(b.title));
    return { events: events.map(summariseEvent), problems };
  }

  /**
   * Creates an event, with its agenda when given (an import into a new event), in one step: the
   * folder is written under a hidden name and renamed into place, so a crash or a full disk
   * leaves either the whole event or nothing, never an empty one.
   */
  async create(draft: EventDraft, sessions: Session[] = []): Promise<EventFile> {
    const valid = parseOrThrow(eventDraftSchema, draft, 'event');
    const now = new Date().toISOString();
    const id = newEventId(valid.title);
    const event = parseOrThrow(eventFileSchema, { format: EVENT_FILE_FORMAT, id, ...valid, createdAt: now, updatedAt: now, sessions }, `agenda for event "${valid.title}"`);
    assertGrowsWithinLimit(event, 0);
    const staging = join(this.paths.eventsFolder, `${CREATING_PREFIX}${id}-${randomBytes(4).toString('hex')}`);
    try {
      await mkdir(this.paths.eventsFolder, { recursive: true });
      await this.removeAbandonedCreations();
      await mkdir(join(staging, 'notes'), { recursive: true });
      await writeFileAtomic(join(staging, 'event.json'), serialise(event), `event "${event.title}"`);
      await rename(staging, this.paths.eventFolder(id));
      await syncFolder(this.paths.eventsFolder);
    } catch (error) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      throw fileSystemError(`create the folder for event "${event.title}"`, error);
    }
    this.onChanged({ kind: 'event-saved', event });
    return event;
  }

  /**
   * Gives a folder whose event.json was moved to quarantine its event back: the newest copy that
   * reads now, or one rebuilt from what is left (see planRecovery), so its notes open again.
   */
  async recover(eventId: string, noteSessionIds: () => Promise<Set<string>>): Promise<{ event: EventFile; how: RecoveryPlan['how']; message: string }> {
    return this.locks.run(eventId, 'recovering the event file', async () => {
      const existing = await this.read(eventId).catch(() => null);
      if (existing) throw new ServiceError('conflict', `Event "${existing.title}" opens as it is; there is nothing to recover.`);
      const plan = await planRecovery({
        eventId,
        quarantineFolder: join(this.paths.quarantineFolder, eventId),
        noteSessionIds: await noteSessionIds(),
        now: new Date(),
        machineTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      await this.write(plan.event);
      this.onChanged({ kind: 'event-saved', event: plan.event });
      return { event: plan.event, how: plan.how, message: plan.message };
    });
  }

  private async describeMissingFile(eventId: string): Promise<string> {
    const quarantined = await readdir(join(this.paths.quarantineFolder, eventId)).then((names) => names.some((name) => name.endsWith('-event.json')), () => false);
    return quarantined
      ? `This event's event.json could not be read and was moved to ${join(this.paths.quarantineFolder, eventId)}; its notes are still here. Recover it to open the event again.`
      : 'This event folder has no event.json; its notes, if any, are still here. Recover it to open them again.';
  }

  /** A creation cut short by a crash leaves its hidden folder (nothing the reporter typed): cleared after an hour. */
  private async removeAbandonedCreations(): Promise<void> {
    const names = await readdir(this.paths.eventsFolder).catch(() => [] as string[]);
    for (const name of names.filter((candidate) => candidate.startsWith(CREATING_PREFIX))) {
      const folder = join(this.paths.eventsFolder, name);
      const age = await stat(folder).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (age > ABANDONED_AFTER_MS) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    }
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
    await this.locks.run(eventId, 'deleting the event', async () => {
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
      if (current.sessions.length >= MAX_SESSIONS_PER_EVENT) {
        throw new ServiceError(
          'invalid-argument',
          `Event "${current.title}" already has ${current.sessions.length.toLocaleString('en')} sessions, the most one event can hold; "${session.title}" was not added. Delete sessions you do not need, or put the rest of the programme in a second event.`,
        );
      }
      return { ...current, sessions: insertInTimeOrder(current.sessions, session) };
    });
    return { event, session };
  }

  async updateSession(eventId: string, sessionId: string, changes: SessionChanges): Promise<EventWithSession> {
    const valid = parseOrThrow(sessionChangesSchema, changes, 'session changes');
    let updated: Session | undefined;
    const event = await this.change(eventId, (current) => {
      const existing = findSession(current, sessionId);
      const session: Session = { id: sessionId, ...parseOrThrow(sessionDraftSchema, changedSession(existing, valid), 'session') };
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
      // Two readers (the list and the open event) may find it damaged at once: one moves it.
      exclusive: (work) => this.locks.run(eventId, 'moving a damaged event file aside', work),
    });
    if (event && identity !== null) this.readCache.set(eventId, { identity, event: structuredClone(event) });
    else this.readCache.delete(eventId);
    return event;
  }

  private async write(event: EventFile): Promise<void> {
    // On a drive with coarse timestamps (FAT: 2 s) a rewrite could look unchanged to read().
    this.readCache.delete(event.id);
    await writeFileAtomic(this.paths.eventFile(event.id), serialise(event), `event "${event.title}"`);
  }

  private change(eventId: string, apply: (event: EventFile) => EventFile): Promise<EventFile> {
    return this.locks.run(eventId, 'an agenda change', async () => {
      const current = await this.get(eventId);
      const changed = apply(current);
      assertGrowsWithinLimit(changed, current.sessions.length);
      const event = { ...changed, updatedAt: new Date().toISOString() };
      await this.write(event);
      this.onChanged({ kind: 'event-saved', event });
      return event;
    });
  }
}

const CREATING_PREFIX = '.creating-';
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

function serialise(event: EventFile): string {
  return `${JSON.stringify(event, null, 2)}\n`;
}

/** Every write checks the limit; an agenda already over it (written elsewhere) may change but not grow. */
function assertGrowsWithinLimit(event: EventFile, sessionsBefore: number): void {
  const count = event.sessions.length;
  if (count <= MAX_SESSIONS_PER_EVENT || count <= sessionsBefore) return;
  throw new ServiceError(
    'invalid-argument',
    `Event "${event.title}" would have ${count.toLocaleString('en')} sessions; one event holds at most ${MAX_SESSIONS_PER_EVENT.toLocaleString('en')}. Nothing was changed.`,
  );
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

/** The session as the changes leave it, before it is validated; `endsNextDay: false` removes the field. */
function changedSession(existing: Session, changes: output<typeof sessionChangesSchema>): Omit<Session, 'id'> {
  const { endsNextDay, ...fields } = changes;
  const changed: Omit<Session, 'id'> = { ...withoutId(existing), ...fields };
  if (endsNextDay === true) return { ...changed, endsNextDay };
  if (endsNextDay === false) delete changed.endsNextDay;
  return settleNextDayEnd(changed);
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
