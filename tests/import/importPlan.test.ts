import { describe, expect, it } from 'vitest';
import type { EventFile, Session } from '../../shared/model/event';
import { sessionsAfterImport } from '../../electron/services/import/applyImportPlan';
import { planImport } from '../../electron/services/import/importPlan';
import type { ImportedProgramme, ImportedSession } from '../../electron/services/import/programme';

function imported(overrides: Partial<ImportedSession> & Pick<ImportedSession, 'sourceId' | 'title'>): ImportedSession {
  return { date: '2026-11-02', start: '09:00', end: '10:00', kind: 'plenary', room: 'Main', speakers: [], cancelled: false, ...overrides };
}

function programmeOf(sessions: ImportedSession[], startDate = '2026-11-02', endDate = '2026-11-04'): ImportedProgramme {
  return { sourceFormat: 'frab-xml', title: 'Conf', timezone: 'Europe/Lisbon', timezoneFromFile: true, startDate, endDate, sessions, warnings: [] };
}

function stored(overrides: Partial<Session> & Pick<Session, 'id' | 'title'>): Session {
  return { day: 1, start: '09:00', end: '10:00', kind: 'plenary', room: 'Main', status: 'planned', speakers: [], ...overrides };
}

function eventOf(sessions: Session[], startDate = '2026-11-02', endDate = '2026-11-04'): EventFile {
  const now = '2026-10-01T10:00:00.000Z';
  return { format: 1, id: 'conf-abcd', title: 'Conf', venue: '', startDate, endDate, timezone: 'Europe/Lisbon', author: '', createdAt: now, updatedAt: now, sessions };
}

const noNotes = () => false;

describe('planning an import into a new event', () => {
  it('adds every session that is not cancelled', () => {
    const plan = planImport(null, programmeOf([imported({ sourceId: 'a', title: 'A' }), imported({ sourceId: 'b', title: 'B', cancelled: true })]), noNotes);
    expect(plan).toMatchObject({ startDate: '2026-11-02', endDate: '2026-11-04', days: 3, update: [], unchanged: 0, flagged: [], remove: [] });
    expect(plan.add.map((session) => session.title)).toEqual(['A']);
  });
});

describe('planning a re-import', () => {
  const programme = programmeOf([
    imported({ sourceId: 'a', title: 'Opening', speakers: [{ name: 'Ana', role: '', organisation: '' }] }),
    imported({ sourceId: 'b', title: 'Second', start: '10:30', end: '11:00', date: '2026-11-03' }),
  ]);

  it('is a no-op for the same programme', () => {
    const first = sessionsAfterImport(null, planImport(null, programme, noNotes), idCounter());
    const again = planImport(eventOf(first), programme, noNotes);
    expect(again).toMatchObject({ add: [], update: [], flagged: [], remove: [], unchanged: 2 });
  });

  it('updates moved times and rooms, matching on the source id', () => {
    const event = eventOf([stored({ id: 's1', title: 'Opening', sourceId: 'a' }), stored({ id: 's2', title: 'Second', sourceId: 'b', day: 2, start: '10:30', end: '11:00' })]);
    const moved = programmeOf([imported({ sourceId: 'a', title: 'Opening', start: '09:15', end: '10:15', room: 'Hall 2' }), imported({ sourceId: 'b', title: 'Second', date: '2026-11-04', start: '10:30', end: '11:00' })]);
    const plan = planImport(event, moved, noNotes);
    expect(plan.update).toEqual([
      { sessionId: 's1', title: 'Opening', changes: { start: '09:15', end: '10:15', room: 'Hall 2' } },
      { sessionId: 's2', title: 'Second', changes: { date: '2026-11-04' } },
    ]);
    expect(plan.add).toEqual([]);
    const sessions = sessionsAfterImport(event, plan, idCounter());
    expect(sessions.map((session) => [session.id, session.day, session.start, session.room])).toEqual([
      ['s1', 1, '09:15', 'Hall 2'],
      ['s2', 3, '10:30', 'Main'],
    ]);
  });

  it('falls back to date, start and title for sessions without a source id, and adopts the id', () => {
    const event = eventOf([stored({ id: 'mine', title: 'opening ', status: 'covered' })]);
    const plan = planImport(event, programmeOf([imported({ sourceId: 'a', title: 'Opening' })]), noNotes);
    expect(plan.add).toEqual([]);
    expect(plan.update).toEqual([{ sessionId: 'mine', title: 'opening ', changes: { title: 'Opening', sourceId: 'a' } }]);
    expect(sessionsAfterImport(event, plan, idCounter())[0]).toMatchObject({ id: 'mine', title: 'Opening', sourceId: 'a', status: 'covered' });
  });

  it('flags vanished or cancelled sessions that have notes, and removes those without', () => {
    const event = eventOf([
      stored({ id: 'noted-gone', title: 'Gone with note', sourceId: 'g1' }),
      stored({ id: 'bare-gone', title: 'Gone', sourceId: 'g2', start: '11:00', end: null }),
      stored({ id: 'noted-cancelled', title: 'Cancelled with note', sourceId: 'c1', start: '12:00', end: null }),
      stored({ id: 'bare-cancelled', title: 'Cancelled', sourceId: 'c2', start: '13:00', end: null }),
      stored({ id: 'by-hand', title: 'My own session', start: '14:00', end: null }),
    ]);
    const withNotes = new Set(['noted-gone', 'noted-cancelled']);
    const programme = programmeOf([
      imported({ sourceId: 'c1', title: 'Cancelled with note', start: '12:00', end: null, cancelled: true }),
      imported({ sourceId: 'c2', title: 'Cancelled', start: '13:00', end: null, cancelled: true }),
    ]);
    const plan = planImport(event, programme, (id) => withNotes.has(id));
    expect(plan.flagged).toEqual([
      { sessionId: 'noted-cancelled', title: 'Cancelled with note', flag: 'cancelled' },
      { sessionId: 'noted-gone', title: 'Gone with note', flag: 'removed-from-programme' },
    ]);
    expect(plan.remove).toEqual([
      { sessionId: 'bare-cancelled', title: 'Cancelled' },
      { sessionId: 'bare-gone', title: 'Gone' },
    ]);
    // A session typed in by hand was never in the programme, so it is left alone.
    expect(plan.unchanged).toBe(1);
    const sessions = sessionsAfterImport(event, plan, idCounter());
    expect(sessions.map((session) => [session.id, session.programmeFlag])).toEqual([
      ['noted-gone', 'removed-from-programme'],
      ['noted-cancelled', 'cancelled'],
      ['by-hand', undefined],
    ]);
    // Importing the same programme again changes nothing: the flags are already set.
    expect(planImport(eventOf(sessions), programme, (id) => withNotes.has(id))).toMatchObject({ add: [], update: [], flagged: [], remove: [], unchanged: 3 });
  });

  it('clears the flag of a session that is back in the programme', () => {
    const event = eventOf([stored({ id: 's1', title: 'Back', sourceId: 'a', programmeFlag: 'removed-from-programme' })]);
    const plan = planImport(event, programmeOf([imported({ sourceId: 'a', title: 'Back' })]), () => true);
    expect(plan.update).toEqual([{ sessionId: 's1', title: 'Back', changes: { programmeFlag: null } }]);
    expect(sessionsAfterImport(event, plan, idCounter())[0]).not.toHaveProperty('programmeFlag');
  });

  it('keeps what the user added where the programme says nothing', () => {
    const event = eventOf([
      stored({ id: 's1', title: 'Talk', sourceId: 'a', room: 'Hall 7', speakers: [{ name: 'Ana', role: 'CTO', organisation: 'Acme' }] }),
      stored({ id: 's2', title: 'Panel', sourceId: 'b', start: '11:00', speakers: [{ name: 'Ana', role: 'CTO', organisation: 'Acme' }] }),
    ]);
    const plan = planImport(
      event,
      programmeOf([
        imported({ sourceId: 'a', title: 'Talk', room: '', speakers: [{ name: 'Ana', role: '', organisation: '' }] }),
        imported({ sourceId: 'b', title: 'Panel', start: '11:00', speakers: [{ name: 'Bo', role: '', organisation: '' }, { name: 'ana', role: '', organisation: '' }] }),
      ]),
      noNotes,
    );
    expect(plan.update).toEqual([
      {
        sessionId: 's2',
        title: 'Panel',
        changes: {
          speakers: [
            { name: 'Bo', role: '', organisation: '' },
            { name: 'Ana', role: 'CTO', organisation: 'Acme' },
          ],
        },
      },
    ]);
    expect(plan.unchanged).toBe(1);
  });

  it('keeps every field of a session the programme does not set, including ones added after this planner', () => {
    // `picked` stands for any field another part of the app adds to sessions (the "on my list" flag).
    const mine = { ...stored({ id: 's1', title: 'Talk', sourceId: 'a', status: 'covered' }), picked: true, tags: ['ai'] } as Session;
    const event = eventOf([mine]);
    const plan = planImport(event, programmeOf([imported({ sourceId: 'a', title: 'Talk', start: '09:30', end: '10:30', room: 'Hall 9' })]), noNotes);
    expect(plan.update).toEqual([{ sessionId: 's1', title: 'Talk', changes: { start: '09:30', end: '10:30', room: 'Hall 9' } }]);
    expect(sessionsAfterImport(event, plan, idCounter())[0]).toEqual({ ...mine, start: '09:30', end: '10:30', room: 'Hall 9' });
  });

  it('widens the event to the programme and renumbers the days', () => {
    const event = eventOf([stored({ id: 's1', title: 'Day one', sourceId: 'a' })], '2026-11-02', '2026-11-02');
    const plan = planImport(event, programmeOf([imported({ sourceId: 'a', title: 'Day one' }), imported({ sourceId: 'z', title: 'Warm-up', date: '2026-11-01' })], '2026-11-01', '2026-11-02'), noNotes);
    expect(plan).toMatchObject({ startDate: '2026-11-01', endDate: '2026-11-02', days: 2, unchanged: 1 });
    expect(sessionsAfterImport(event, plan, idCounter()).map((session) => [session.title, session.day])).toEqual([
      ['Warm-up', 1],
      ['Day one', 2],
    ]);
  });
});

function idCounter(): () => string {
  let next = 0;
  return () => `new-${(next += 1)}`;
}
