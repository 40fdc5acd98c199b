import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceError } from '../../electron/services/storage/serviceError';
import { createEventWithSessions, createTempLibrary, eventDraft, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';

let library: TempLibrary;
beforeEach(async () => {
  library = await createTempLibrary();
});
afterEach(async () => {
  await library.cleanup();
});

/** Runs a call that must fail and returns its ServiceError. */
async function failure(call: Promise<unknown>): Promise<ServiceError> {
  const error = await call.then(
    () => expect.fail('expected the call to fail'),
    (thrown: unknown) => thrown as ServiceError,
  );
  expect(error.name).toBe('ServiceError');
  return error;
}

describe('creating events', () => {
  it('creates a one-day event when no end date is given and writes it to disk', async () => {
    const event = await library.services.events.create({ title: 'Über Conf 2026', startDate: '2026-03-10', timezone: 'Europe/Berlin' });
    expect(event.endDate).toBe('2026-03-10');
    expect(event.id).toMatch(/^uber-conf-2026-[a-z0-9]{4}$/);
    expect(event.sessions).toEqual([]);
    const onDisk = JSON.parse(await readFile(join(library.root, 'events', event.id, 'event.json'), 'utf8'));
    expect(onDisk).toEqual(event);
    expect(existsSync(join(library.root, 'events', event.id, 'notes'))).toBe(true);
  });

  it('keeps the given end date for a multi-day event', async () => {
    const event = await library.services.events.create(eventDraft({ startDate: '2026-12-30', endDate: '2027-01-02' }));
    expect(event.endDate).toBe('2027-01-02');
    // Day 4 exists (30, 31, 1, 2); day 5 does not.
    await library.services.events.addSession(event.id, sessionDraft({ day: 4 }));
    const error = await failure(library.services.events.addSession(event.id, sessionDraft({ day: 5 })));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toContain('has 4 day(s); there is no day 5');
  });

  it.each([
    ['a date that does not exist', { startDate: '2026-02-30' }, /startDate must be a real date written YYYY-MM-DD/],
    ['an end date before the start date', { startDate: '2026-05-10', endDate: '2026-05-09' }, /^Invalid event: endDate must be on or after the start date/],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, /timezone must be an IANA time zone/],
    ['an empty title', { title: '   ' }, /title must not be empty/],
    ['an event longer than 31 days', { startDate: '2026-01-01', endDate: '2026-02-01' }, /at most 31 days/],
  ])('refuses %s with a message naming the field', async (_label, overrides, message) => {
    const error = await failure(library.services.events.create(eventDraft(overrides)));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(message);
    expect(await library.services.events.list()).toEqual({ events: [], problems: [] });
  });

  it('accepts exactly 31 days', async () => {
    const event = await library.services.events.create(eventDraft({ startDate: '2026-01-01', endDate: '2026-01-31' }));
    expect(event.endDate).toBe('2026-01-31');
  });
});

describe('listing events', () => {
  it('returns an empty list for a library folder that does not exist yet', async () => {
    expect(await library.services.events.list()).toEqual({ events: [], problems: [] });
  });

  it('lists newest events first, then by title, with session counts', async () => {
    await library.services.events.create(eventDraft({ title: 'Older', startDate: '2025-06-01', endDate: undefined }));
    const withSession = await createEventWithSessions(library.services, [sessionDraft()], eventDraft({ title: 'Beta', startDate: '2026-06-01', endDate: undefined }));
    await library.services.events.create(eventDraft({ title: 'Alpha', startDate: '2026-06-01', endDate: undefined }));
    const { events, problems } = await library.services.events.list();
    expect(problems).toEqual([]);
    expect(events.map((event) => event.title)).toEqual(['Alpha', 'Beta', 'Older']);
    expect(events[1]).toMatchObject({ id: withSession.id, sessionCount: 1 });
  });

  it('keeps listing when an event folder is misnamed or is a copy of another', async () => {
    const original = await library.services.events.create(eventDraft({ title: 'Original' }));
    const eventsFolder = join(library.root, 'events');
    await mkdir(join(eventsFolder, 'My Backup'));
    await cp(join(eventsFolder, original.id), join(eventsFolder, `${original.id}-copy`), { recursive: true });
    await writeFile(join(eventsFolder, 'stray-file'), 'not a folder');

    const { events, problems } = await library.services.events.list();
    expect(events.map((event) => event.id)).toEqual([original.id]);
    expect(problems.map((problem) => problem.location).sort()).toEqual(
      [join(eventsFolder, 'My Backup'), join(eventsFolder, `${original.id}-copy`), join(eventsFolder, 'stray-file')].sort(),
    );
    expect(problems.find((problem) => problem.location.endsWith('-copy'))?.message).toContain(`belongs to event "${original.id}" ("Original")`);
    expect(problems.find((problem) => problem.location.endsWith('My Backup'))?.message).toContain('"My Backup" is not a valid event id');
  });
});

describe('updating events', () => {
  it('changes the given fields and keeps the others', async () => {
    const created = await library.services.events.create(eventDraft());
    const updated = await library.services.events.update(created.id, { venue: 'Altice Arena', author: 'Ana' });
    expect(updated).toMatchObject({ title: 'Web Summit', venue: 'Altice Arena', author: 'Ana', startDate: '2026-11-02' });
    expect(await library.services.events.get(created.id)).toEqual(updated);
  });

  it('refuses new dates that would leave sessions after the last day, and changes nothing', async () => {
    const event = await createEventWithSessions(library.services, [sessionDraft({ day: 3, title: 'Closing panel' })]);
    const error = await failure(library.services.events.update(event.id, { endDate: '2026-11-03' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('"Closing panel" on day 3');
    expect((await library.services.events.get(event.id)).endDate).toBe('2026-11-04');
  });

  it('refuses a start date after the current end date even when only the start changes', async () => {
    const event = await library.services.events.create(eventDraft());
    const error = await failure(library.services.events.update(event.id, { startDate: '2026-11-20' }));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toContain('the end date (2026-11-04) must be on or after the start date (2026-11-20)');
    // The event still opens: nothing invalid was written (and so nothing was quarantined).
    expect((await library.services.events.get(event.id)).startDate).toBe('2026-11-02');
  });

  it('refuses an end date that makes the event longer than 31 days', async () => {
    const event = await library.services.events.create(eventDraft());
    const error = await failure(library.services.events.update(event.id, { endDate: '2027-01-30' }));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toContain('at most 31 days');
    expect((await library.services.events.list()).problems).toEqual([]);
  });

  it('reports a bad id or bad changes as a rejected promise, like every other failure', async () => {
    const event = await library.services.events.create(eventDraft());
    const calls: (() => Promise<unknown>)[] = [
      () => library.services.events.update('Not An Id', { venue: 'x' }),
      () => library.services.events.update(event.id, { startDate: 'soon' }),
      () => library.services.events.reorderSessions('../escape', 1, []),
      () => library.services.events.removeSession('Bad/Id', 'session-1'),
      () => library.services.notes.save(event.id, '../../x', { root: { type: 'root', version: 1, children: [] } }),
    ];
    for (const call of calls) {
      let promise: Promise<unknown> | undefined;
      expect(() => (promise = call())).not.toThrow();
      await expect(promise).rejects.toMatchObject({ code: 'invalid-argument' });
    }
  });

  it('names the missing event id', async () => {
    const error = await failure(library.services.events.update('no-such-event', { venue: 'x' }));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('"no-such-event"');
  });
});

describe('deleting events', () => {
  it('moves the event folder, notes included, into the trash', async () => {
    const event = await createEventWithSessions(library.services, [sessionDraft()]);
    await library.services.notes.save(event.id, event.sessions[0].id, { root: { type: 'root', version: 1, children: [] } });
    await library.services.events.delete(event.id);

    expect((await library.services.events.list()).events).toEqual([]);
    expect(existsSync(join(library.root, 'events', event.id))).toBe(false);
    const trashed = await readdir(join(library.root, 'trash', 'events'));
    expect(trashed).toHaveLength(1);
    expect(trashed[0]).toContain(event.id);
    const trashedEvent = JSON.parse(await readFile(join(library.root, 'trash', 'events', trashed[0], 'event.json'), 'utf8'));
    expect(trashedEvent.title).toBe('Web Summit');
    expect(existsSync(join(library.root, 'trash', 'events', trashed[0], 'notes', `${event.sessions[0].id}.json`))).toBe(true);
  });

  it('names the missing event id', async () => {
    const error = await failure(library.services.events.delete('gone-abcd'));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('"gone-abcd"');
  });
});

describe('sessions', () => {
  const titlesOfDay = async (eventId: string, day: number) =>
    (await library.services.events.get(eventId)).sessions.filter((session) => session.day === day).map((session) => session.title);

  it('adds a session with defaults and inserts it in time order within its day', async () => {
    const event = await createEventWithSessions(library.services, [
      sessionDraft({ day: 1, start: '09:00', title: 'Keynote' }),
      sessionDraft({ day: 1, start: '14:00', title: 'Panel' }),
      sessionDraft({ day: 2, start: '08:00', title: 'Day two opener' }),
    ]);
    const { session, event: updated } = await library.services.events.addSession(event.id, sessionDraft({ day: 1, start: '11:30', title: 'Workshop' }));
    expect(session).toMatchObject({ day: 1, start: '11:30', end: null, kind: 'plenary', status: 'planned', room: '', speakers: [] });
    expect(updated.sessions.map((candidate) => candidate.title)).toEqual(['Keynote', 'Workshop', 'Panel', 'Day two opener']);
    expect(await titlesOfDay(event.id, 1)).toEqual(['Keynote', 'Workshop', 'Panel']);
  });

  it('puts a session starting at the same time after the ones already there', async () => {
    const event = await createEventWithSessions(library.services, [sessionDraft({ start: '10:00', title: 'First' })]);
    await library.services.events.addSession(event.id, sessionDraft({ start: '10:00', title: 'Second' }));
    expect(await titlesOfDay(event.id, 1)).toEqual(['First', 'Second']);
  });

  it('refuses a session that ends before it starts', async () => {
    const event = await library.services.events.create(eventDraft());
    const error = await failure(library.services.events.addSession(event.id, sessionDraft({ start: '10:00', end: '09:00' })));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toBe('Invalid session: end must not be before the start time.');
  });

  it('re-sorts a session whose start time moves', async () => {
    const event = await createEventWithSessions(library.services, [
      sessionDraft({ start: '09:00', title: 'A' }),
      sessionDraft({ start: '10:00', title: 'B' }),
      sessionDraft({ start: '11:00', title: 'C' }),
    ]);
    const sessionA = event.sessions[0];
    const { session } = await library.services.events.updateSession(event.id, sessionA.id, { start: '10:30' });
    expect(session).toMatchObject({ id: sessionA.id, start: '10:30', title: 'A' });
    expect(await titlesOfDay(event.id, 1)).toEqual(['B', 'A', 'C']);
  });

  it('moves a session to another day', async () => {
    const event = await createEventWithSessions(library.services, [sessionDraft({ title: 'A' }), sessionDraft({ day: 2, start: '12:00', title: 'B' })]);
    await library.services.events.updateSession(event.id, event.sessions[0].id, { day: 2, start: '13:00' });
    expect(await titlesOfDay(event.id, 1)).toEqual([]);
    expect(await titlesOfDay(event.id, 2)).toEqual(['B', 'A']);
  });

  it('keeps a hand-made order when only the title changes', async () => {
    const event = await createEventWithSessions(library.services, [
      sessionDraft({ start: '09:00', title: 'A' }),
      sessionDraft({ start: '10:00', title: 'B' }),
    ]);
    const [a, b] = event.sessions;
    await library.services.events.reorderSessions(event.id, 1, [b.id, a.id]);
    await library.services.events.updateSession(event.id, a.id, { title: 'A renamed' });
    expect(await titlesOfDay(event.id, 1)).toEqual(['B', 'A renamed']);
  });

  it('refuses an update that would make the session end before it starts', async () => {
    const event = await createEventWithSessions(library.services, [sessionDraft({ start: '09:00', end: '10:00' })]);
    const error = await failure(library.services.events.updateSession(event.id, event.sessions[0].id, { start: '11:00' }));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toBe('Invalid session: end must not be before the start time.');
  });

  it('reorders the sessions of one day and leaves other days alone', async () => {
    const event = await createEventWithSessions(library.services, [
      sessionDraft({ start: '09:00', title: 'A' }),
      sessionDraft({ start: '10:00', title: 'B' }),
      sessionDraft({ day: 2, start: '09:00', title: 'C' }),
      sessionDraft({ start: '11:00', title: 'D' }),
    ]);
    const byTitle = Object.fromEntries(event.sessions.map((session) => [session.title, session.id]));
    const reordered = await library.services.events.reorderSessions(event.id, 1, [byTitle.D, byTitle.A, byTitle.B]);
    expect(reordered.sessions.map((session) => session.title)).toEqual(['D', 'A', 'B', 'C']);
    expect(await titlesOfDay(event.id, 1)).toEqual(['D', 'A', 'B']);
  });

  it.each([
    ['a session missing', (ids: string[]) => ids.slice(0, 1)],
    ['a session listed twice', (ids: string[]) => [ids[0], ids[0]]],
    ['a session from another day', (ids: string[], other: string) => [ids[0], other]],
  ])('refuses a new order with %s', async (_label, order) => {
    const event = await createEventWithSessions(library.services, [
      sessionDraft({ start: '09:00', title: 'A' }),
      sessionDraft({ start: '10:00', title: 'B' }),
      sessionDraft({ day: 2, title: 'C' }),
    ]);
    const dayOne = event.sessions.filter((session) => session.day === 1).map((session) => session.id);
    const error = await failure(library.services.events.reorderSessions(event.id, 1, order(dayOne, event.sessions[2].id)));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('each session of day 1 exactly once');
    expect(await titlesOfDay(event.id, 1)).toEqual(['A', 'B']);
  });

  it('deletes a session and moves its note to the trash beside its agenda entry', async () => {
    const event = await createEventWithSessions(library.services, [sessionDraft({ title: 'Doomed' }), sessionDraft({ start: '10:00', title: 'Kept' })]);
    const doomed = event.sessions[0];
    await library.services.notes.save(event.id, doomed.id, { root: { type: 'root', version: 1, children: [] } });
    const notePath = join(library.root, 'events', event.id, 'notes', `${doomed.id}.json`);
    const noteBytes = await readFile(notePath);

    const { event: after, removed } = await library.services.events.removeSession(event.id, doomed.id);
    await library.services.notes.moveToTrash(event.id, removed);

    expect(after.sessions.map((session) => session.title)).toEqual(['Kept']);
    expect(existsSync(notePath)).toBe(false);
    const [folder] = await readdir(join(library.root, 'trash', 'sessions'));
    const trashFolder = join(library.root, 'trash', 'sessions', folder);
    expect(await readFile(join(trashFolder, 'note.json'))).toEqual(noteBytes);
    const sessionEntry = JSON.parse(await readFile(join(trashFolder, 'session.json'), 'utf8'));
    expect(sessionEntry).toEqual({ eventId: event.id, session: doomed });
  });

  it('names the session id that is not there', async () => {
    const event = await library.services.events.create(eventDraft({ title: 'Tiny' }));
    for (const call of [
      library.services.events.updateSession(event.id, 'missing-session', { title: 'x' }),
      library.services.events.removeSession(event.id, 'missing-session'),
    ]) {
      const error = await failure(call);
      expect(error.code).toBe('not-found');
      expect(error.message).toBe(`Event "Tiny" has no session with id "missing-session".`);
    }
  });
});

describe('reading an event again', () => {
  it('sees a change made to event.json outside the app, and hands out copies a caller cannot spoil', async () => {
    const event = await library.services.events.create(eventDraft({ title: 'Cached Conf' }));
    const first = await library.services.events.get(event.id);
    first.title = 'Changed in memory only';
    expect((await library.services.events.get(event.id)).title).toBe('Cached Conf');

    const file = join(library.root, 'events', event.id, 'event.json');
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...onDisk, title: 'Edited by hand, a longer title' }, null, 2));
    expect((await library.services.events.get(event.id)).title).toBe('Edited by hand, a longer title');
  });
});
