import { describe, expect, it } from 'vitest';
import type { EventFile, Session } from '../../shared/model/event';
import { eventClockAt, keepsRememberedSession, runningSessionIds, sessionOnNow } from '../../shared/model/onNow';
import { wallClockAt } from '../../shared/model/wallClock';

type SessionSpec = Partial<Session> & Pick<Session, 'id' | 'start'>;

function event(timezone: string, startDate: string, endDate: string, sessions: SessionSpec[]): EventFile {
  return {
    format: 1,
    id: 'test-event',
    title: 'Test',
    venue: '',
    author: '',
    timezone,
    startDate,
    endDate,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    sessions: sessions.map((session) => ({ day: 1, end: null, title: session.id, kind: 'plenary', room: '', status: 'planned', speakers: [], ...session })),
  };
}

const at = (iso: string) => Date.parse(iso);

// Berlin, two days; 2026-05-12 is CEST (UTC+2).
const berlin = event('Europe/Berlin', '2026-05-12', '2026-05-13', [
  { id: 'opening', start: '09:00', end: '09:30' },
  { id: 'keynote', start: '09:30', end: '10:30' },
  { id: 'panel', start: '11:00', end: '12:00' },
  { id: 'day-two', day: 2, start: '10:00', end: '11:00' },
  { id: 'closing', day: 2, start: '16:00', end: '17:00' },
]);

describe('the session on now', () => {
  it('is the running session, by the clock in the event zone', () => {
    expect(sessionOnNow(berlin, at('2026-05-12T07:45:00Z'))).toEqual({ day: 1, sessionId: 'keynote', reason: 'running' });
    // 09:29 local still belongs to the opening; 09:30 to the keynote.
    expect(sessionOnNow(berlin, at('2026-05-12T07:29:59Z'))?.sessionId).toBe('opening');
    expect(sessionOnNow(berlin, at('2026-05-12T07:30:00Z'))?.sessionId).toBe('keynote');
  });

  it('is the next one in a gap, and the last of the day once the day is over', () => {
    expect(sessionOnNow(berlin, at('2026-05-12T08:45:00Z'))).toEqual({ day: 1, sessionId: 'panel', reason: 'next' });
    expect(sessionOnNow(berlin, at('2026-05-12T05:00:00Z'))).toEqual({ day: 1, sessionId: 'opening', reason: 'next' });
    expect(sessionOnNow(berlin, at('2026-05-12T19:00:00Z'))).toEqual({ day: 1, sessionId: 'panel', reason: 'last-of-day' });
    expect(sessionOnNow(berlin, at('2026-05-13T14:30:00Z'))).toEqual({ day: 2, sessionId: 'closing', reason: 'running' });
  });

  it('is the first session before the event and the last one after it', () => {
    expect(sessionOnNow(berlin, at('2026-04-01T10:00:00Z'))).toEqual({ day: 1, sessionId: 'opening', reason: 'before-event' });
    expect(sessionOnNow(berlin, at('2026-05-14T08:00:00Z'))).toEqual({ day: 2, sessionId: 'closing', reason: 'after-event' });
  });

  it('does not depend on the UTC date: late evening UTC is already the next day in the venue', () => {
    const kiritimati = event('Pacific/Kiritimati', '2026-03-10', '2026-03-11', [
      { id: 'first', start: '09:00', end: '10:00' },
      { id: 'second', day: 2, start: '09:00', end: '10:00' },
    ]);
    // 19:30 UTC on the 10th is 09:30 on the 11th at UTC+14.
    expect(sessionOnNow(kiritimati, at('2026-03-10T19:30:00Z'))).toEqual({ day: 2, sessionId: 'second', reason: 'running' });
    expect(eventClockAt(kiritimati, at('2026-03-10T19:30:00Z'))).toEqual({ day: 2, time: '09:30' });
  });

  it('picks, of parallel sessions, the one marked live, else the one that started last', () => {
    const tracks = event('UTC', '2026-06-01', '2026-06-01', [
      { id: 'room-a', start: '10:00', end: '11:00' },
      { id: 'room-b', start: '10:15', end: '11:00' },
      { id: 'room-c', start: '10:00', end: '11:00', status: 'live' },
    ]);
    expect(sessionOnNow(tracks, at('2026-06-01T10:30:00Z'))?.sessionId).toBe('room-c');
    expect(runningSessionIds(tracks, at('2026-06-01T10:30:00Z'))).toEqual(new Set(['room-a', 'room-b', 'room-c']));
    const unmarked = { ...tracks, sessions: tracks.sessions.map((session) => ({ ...session, status: 'planned' as const })) };
    expect(sessionOnNow(unmarked, at('2026-06-01T10:30:00Z'))?.sessionId).toBe('room-b');
  });

  it('lets a session without an end run until the next one starts, or for an hour', () => {
    const open = event('UTC', '2026-06-01', '2026-06-01', [
      { id: 'talk', start: '10:00' },
      { id: 'late', start: '14:00' },
    ]);
    expect(sessionOnNow(open, at('2026-06-01T13:59:00Z'))).toMatchObject({ sessionId: 'talk', reason: 'running' });
    expect(sessionOnNow(open, at('2026-06-01T14:59:00Z'))).toMatchObject({ sessionId: 'late', reason: 'running' });
    expect(sessionOnNow(open, at('2026-06-01T15:00:00Z'))).toMatchObject({ sessionId: 'late', reason: 'last-of-day' });
    expect(runningSessionIds(open, at('2026-06-01T15:00:00Z')).size).toBe(0);
  });

  it('passes over sessions flagged as gone from the programme', () => {
    const flagged = event('UTC', '2026-06-01', '2026-06-01', [
      { id: 'cancelled', start: '10:00', end: '11:00', programmeFlag: 'cancelled' },
      { id: 'after', start: '11:00', end: '12:00' },
    ]);
    expect(sessionOnNow(flagged, at('2026-06-01T10:30:00Z'))).toEqual({ day: 1, sessionId: 'after', reason: 'next' });
  });

  it('moves on to the next day with sessions when today has none', () => {
    const gap = event('UTC', '2026-06-01', '2026-06-03', [
      { id: 'monday', start: '10:00', end: '11:00' },
      { id: 'wednesday', day: 3, start: '10:00', end: '11:00' },
    ]);
    expect(sessionOnNow(gap, at('2026-06-02T10:30:00Z'))).toEqual({ day: 3, sessionId: 'wednesday', reason: 'next' });
  });

  it('is null for an event without sessions', () => {
    expect(sessionOnNow(event('UTC', '2026-06-01', '2026-06-01', []), at('2026-06-01T10:00:00Z'))).toBeNull();
  });
});

describe('daylight saving time edges (Europe/Berlin)', () => {
  // Spring forward on 2026-03-29: 02:00 CET becomes 03:00 CEST; 02:30 does not exist.
  const spring = event('Europe/Berlin', '2026-03-29', '2026-03-29', [
    { id: 'night', start: '01:00', end: '02:30' },
    { id: 'dawn', start: '03:00', end: '04:00' },
  ]);

  it('reads the local time across the spring gap', () => {
    expect(wallClockAt('Europe/Berlin', at('2026-03-29T00:59:00Z')).time).toBe('01:59');
    expect(wallClockAt('Europe/Berlin', at('2026-03-29T01:00:00Z')).time).toBe('03:00');
    expect(sessionOnNow(spring, at('2026-03-29T00:59:00Z'))).toMatchObject({ sessionId: 'night', reason: 'running' });
    // One real minute later it is 03:00: the night session's 02:30 end was skipped over by the clock.
    expect(sessionOnNow(spring, at('2026-03-29T01:00:00Z'))).toMatchObject({ sessionId: 'dawn', reason: 'running' });
  });

  // Fall back on 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:00–03:00 happens twice.
  const autumn = event('Europe/Berlin', '2026-10-25', '2026-10-25', [
    { id: 'early', start: '01:00', end: '02:00' },
    { id: 'repeated-hour', start: '02:00', end: '03:00' },
    { id: 'late', start: '03:00', end: '04:00' },
  ]);

  it('treats both passes through the repeated hour as that hour', () => {
    expect(sessionOnNow(autumn, at('2026-10-25T00:30:00Z'))).toMatchObject({ sessionId: 'repeated-hour', reason: 'running' });
    expect(sessionOnNow(autumn, at('2026-10-25T01:30:00Z'))).toMatchObject({ sessionId: 'repeated-hour', reason: 'running' });
    expect(sessionOnNow(autumn, at('2026-10-25T02:00:00Z'))).toMatchObject({ sessionId: 'late', reason: 'running' });
  });

  it('reads midnight as 00:00, not 24:00', () => {
    expect(wallClockAt('Europe/Berlin', at('2026-10-24T22:00:00Z'))).toEqual({ date: '2026-10-25', time: '00:00', minutes: 0 });
  });
});

describe('keepsRememberedSession (reopening the app)', () => {
  const twoDays = event('Europe/Berlin', '2026-05-12', '2026-05-13', [
    { id: 'day-one-talk', day: 1, start: '16:00', end: '17:00' },
    { id: 'day-two-talk', day: 2, start: '09:00', end: '10:00' },
  ]);
  const [dayOneTalk, dayTwoTalk] = twoDays.sessions;

  it('brings back a session of today while the event runs', () => {
    expect(keepsRememberedSession(twoDays, dayOneTalk, at('2026-05-12T17:30:00+02:00'))).toBe(true);
  });

  it("goes to on now the next morning instead of yesterday's session", () => {
    expect(keepsRememberedSession(twoDays, dayOneTalk, at('2026-05-13T08:45:00+02:00'))).toBe(false);
    expect(keepsRememberedSession(twoDays, dayTwoTalk, at('2026-05-13T08:45:00+02:00'))).toBe(true);
  });

  it('brings back any session before or after the event, when there is no "today" to prefer', () => {
    expect(keepsRememberedSession(twoDays, dayTwoTalk, at('2026-05-01T12:00:00+02:00'))).toBe(true);
    expect(keepsRememberedSession(twoDays, dayOneTalk, at('2026-06-01T12:00:00+02:00'))).toBe(true);
  });

  it("judges today by the event's clock: 00:30 in Berlin is already day two", () => {
    expect(keepsRememberedSession(twoDays, dayOneTalk, at('2026-05-12T22:30:00Z'))).toBe(false);
  });
});
