import { describe, expect, it } from 'vitest';
import type { EventFile, Session } from '../../shared/model/event';
import { eventClockAt, keepsRememberedSession, onNowDecision, runningSessionIds, type NoteCheck } from '../../shared/model/onNow';
import { eventMomentAt, eventMomentOf } from '../../shared/model/eventMoment';
import { nextPick } from '../../shared/model/myDay';
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
const momentIn = (of: EventFile, iso: string) => eventMomentAt(of, at(iso));
const onNowAt = (of: EventFile, instant: number, hasNote?: NoteCheck) => onNowDecision(of, eventMomentAt(of, instant), hasNote);
/** The session the app opens without asking, or null when it would ask (or has nothing to open). */
function sessionOnNow(of: EventFile, instant: number, hasNote?: NoteCheck) {
  const decision = onNowAt(of, instant, hasNote);
  if (decision?.kind !== 'session') return null;
  const { day, sessionId, reason } = decision;
  return { day, sessionId, reason };
}

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

  it('picks, of parallel sessions, the one marked live; with none marked it asks rather than choosing one', () => {
    const tracks = event('UTC', '2026-06-01', '2026-06-01', [
      { id: 'room-a', start: '10:00', end: '11:00' },
      { id: 'room-b', start: '10:15', end: '11:00' },
      { id: 'room-c', start: '10:00', end: '11:00', status: 'live' },
    ]);
    expect(sessionOnNow(tracks, at('2026-06-01T10:30:00Z'))?.sessionId).toBe('room-c');
    expect(runningSessionIds(tracks, eventMomentAt(tracks, at('2026-06-01T10:30:00Z')))).toEqual(new Set(['room-a', 'room-b', 'room-c']));
    const unmarked = { ...tracks, sessions: tracks.sessions.map((session) => ({ ...session, status: 'planned' as const })) };
    expect(sessionOnNow(unmarked, at('2026-06-01T10:30:00Z'))).toBeNull();
    expect(onNowAt(unmarked, at('2026-06-01T10:30:00Z'))).toEqual({ kind: 'choose', day: 1, sessionIds: ['room-a', 'room-c', 'room-b'], reason: 'running' });
  });

  it('lets a session without an end run until the next one starts, or for an hour', () => {
    const open = event('UTC', '2026-06-01', '2026-06-01', [
      { id: 'talk', start: '10:00' },
      { id: 'late', start: '14:00' },
    ]);
    expect(sessionOnNow(open, at('2026-06-01T13:59:00Z'))).toMatchObject({ sessionId: 'talk', reason: 'running' });
    expect(sessionOnNow(open, at('2026-06-01T14:59:00Z'))).toMatchObject({ sessionId: 'late', reason: 'running' });
    expect(sessionOnNow(open, at('2026-06-01T15:00:00Z'))).toMatchObject({ sessionId: 'late', reason: 'last-of-day' });
    expect(runningSessionIds(open, eventMomentAt(open, at('2026-06-01T15:00:00Z'))).size).toBe(0);
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
    expect(keepsRememberedSession(twoDays, dayOneTalk, momentIn(twoDays, '2026-05-12T17:30:00+02:00'))).toBe(true);
  });

  it("goes to on now the next morning instead of yesterday's session", () => {
    expect(keepsRememberedSession(twoDays, dayOneTalk, momentIn(twoDays, '2026-05-13T08:45:00+02:00'))).toBe(false);
    expect(keepsRememberedSession(twoDays, dayTwoTalk, momentIn(twoDays, '2026-05-13T08:45:00+02:00'))).toBe(true);
  });

  it('brings back any session before or after the event, when there is no "today" to prefer', () => {
    expect(keepsRememberedSession(twoDays, dayTwoTalk, momentIn(twoDays, '2026-05-01T12:00:00+02:00'))).toBe(true);
    expect(keepsRememberedSession(twoDays, dayOneTalk, momentIn(twoDays, '2026-06-01T12:00:00+02:00'))).toBe(true);
  });

  it("judges today by the event's clock: 00:30 in Berlin is already day two", () => {
    expect(keepsRememberedSession(twoDays, dayOneTalk, momentIn(twoDays, '2026-05-12T22:30:00Z'))).toBe(false);
  });
});

describe('on now among parallel rooms: my picks, then my notes, else ask', () => {
  // Twelve rooms from 10:00 to 10:45 and again from 11:00; a break runs in the foyer meanwhile.
  const rooms = Array.from({ length: 12 }, (_, index) => `Room ${index + 1}`);
  const congress = (overrides: Record<string, Partial<Session>> = {}) =>
    event('Europe/Brussels', '2026-02-06', '2026-02-07', [
      { id: 'coffee', start: '09:00', end: '18:00', kind: 'break' as const, room: 'Foyer' },
      ...rooms.map((room, index) => ({ id: `a${index + 1}`, start: '10:00', end: '10:45', room })),
      ...rooms.map((room, index) => ({ id: `b${index + 1}`, start: '11:00', end: '11:45', room })),
      { id: 'late', start: '17:00', end: '17:30', room: 'Room 1' },
      { id: 'sunday', day: 2, start: '10:00', end: '10:30', room: 'Room 1' },
    ].map((session): SessionSpec => ({ ...session, ...overrides[session.id] })));
  const tenTwenty = '2026-02-06T09:20:00Z';
  const noted = (...ids: string[]): NoteCheck => (sessionId) => ids.includes(sessionId);

  it('opens my pick that is on now', () => {
    expect(onNowAt(congress({ a7: { picked: true }, b2: { picked: true } }), at(tenTwenty))).toEqual({ kind: 'session', day: 1, sessionId: 'a7', reason: 'running' });
  });

  it('else the one I have a note in', () => {
    expect(onNowAt(congress(), at(tenTwenty), noted('a4', 'b9'))).toEqual({ kind: 'session', day: 1, sessionId: 'a4', reason: 'running' });
    // A pick on now wins over a note in another room.
    expect(onNowAt(congress({ a2: { picked: true } }), at(tenTwenty), noted('a4'))).toMatchObject({ sessionId: 'a2' });
  });

  it('else lists the twelve sessions on now to choose from, never one of them at random, and leaves the break out', () => {
    expect(onNowAt(congress(), at(tenTwenty))).toEqual({ kind: 'choose', day: 1, sessionIds: rooms.map((_, index) => `a${index + 1}`), reason: 'running' });
  });

  it('asks between two picks that clash', () => {
    expect(onNowAt(congress({ a3: { picked: true }, a8: { picked: true } }), at(tenTwenty))).toEqual({ kind: 'choose', day: 1, sessionIds: ['a3', 'a8'], reason: 'running' });
    // A note in one of them settles it.
    expect(onNowAt(congress({ a3: { picked: true }, a8: { picked: true } }), at(tenTwenty), noted('a8'))).toMatchObject({ kind: 'session', sessionId: 'a8' });
  });

  it('opens the break when nothing else runs', () => {
    expect(onNowAt(congress(), at('2026-02-06T11:00:00Z'))).toMatchObject({ kind: 'session', sessionId: 'coffee', reason: 'running' });
  });

  it('between slots: my next pick of the day, else the next slot of talks, asking when it has several sessions', () => {
    const gap = (overrides?: Record<string, Partial<Session>>) => onNowAt(congress(overrides), at('2026-02-06T08:30:00Z'));
    expect(gap({ coffee: { start: '09:45' }, b5: { picked: true } })).toEqual({ kind: 'session', day: 1, sessionId: 'b5', reason: 'next' });
    // The coffee break starting first is passed over for the talks.
    expect(gap({ coffee: { start: '09:45' } })).toEqual({ kind: 'choose', day: 1, sessionIds: rooms.map((_, index) => `a${index + 1}`), reason: 'next' });
  });

  it('after the last session of the day: my last pick, else the last session I have a note in', () => {
    const evening = at('2026-02-06T19:00:00Z');
    expect(onNowAt(congress({ a1: { picked: true }, b6: { picked: true } }), evening)).toEqual({ kind: 'session', day: 1, sessionId: 'b6', reason: 'last-of-day' });
    expect(onNowAt(congress(), evening, noted('a10'))).toEqual({ kind: 'session', day: 1, sessionId: 'a10', reason: 'last-of-day' });
    expect(onNowAt(congress(), evening)).toEqual({ kind: 'session', day: 1, sessionId: 'late', reason: 'last-of-day' });
  });

  it('before the event: my first pick, else the first slot, asking when it has several sessions', () => {
    const weekBefore = at('2026-01-30T10:00:00Z');
    expect(onNowAt(congress({ b4: { picked: true }, sunday: { picked: true } }), weekBefore)).toEqual({ kind: 'session', day: 1, sessionId: 'b4', reason: 'before-event' });
    const noCoffee = { ...congress(), sessions: congress().sessions.filter((session) => session.id !== 'coffee') };
    expect(onNowAt(noCoffee, weekBefore)).toMatchObject({ kind: 'choose', day: 1, reason: 'before-event', sessionIds: rooms.map((_, index) => `a${index + 1}`) });
  });

  it('takes the event-local date and time as given, for the command line', () => {
    const programme = congress({ b12: { picked: true } });
    expect(eventMomentOf(programme, '2026-02-06', '11:05')).toEqual({ day: 1, minutes: 665 });
    expect(onNowDecision(programme, eventMomentOf(programme, '2026-02-06', '11:05'))).toMatchObject({ kind: 'session', sessionId: 'b12' });
    expect(eventMomentOf(programme, '2026-02-05', '23:00')).toEqual({ day: 0, minutes: 1380 });
  });

  it('does not bring back yesterday\'s session, nor a session of today while another of my picks is on', () => {
    const picked = congress({ a5: { picked: true } });
    const remembered = picked.sessions.find((session) => session.id === 'b1')!;
    expect(keepsRememberedSession(picked, remembered, momentIn(picked, '2026-02-06T08:30:00Z'))).toBe(true);
    expect(keepsRememberedSession(picked, remembered, momentIn(picked, tenTwenty))).toBe(false);
    const reopenedPick = picked.sessions.find((session) => session.id === 'a5')!;
    expect(keepsRememberedSession(picked, reopenedPick, momentIn(picked, tenTwenty))).toBe(true);
  });
});

describe('a congress day that runs past midnight', () => {
  // 36C3-like: day 1 runs into the night; its 00:30 and 01:30 sessions are stored on day 1.
  const night = event('Europe/Berlin', '2019-12-27', '2019-12-28', [
    { id: 'evening', start: '22:00', end: '23:00', room: 'Ada' },
    { id: 'jeopardy', start: '00:30', end: '01:30', room: 'Ada', afterMidnight: true },
    { id: 'late-pick', start: '01:45', end: '02:30', room: 'Borg', afterMidnight: true, picked: true },
    { id: 'day-two', day: 2, start: '11:00', end: '12:00', room: 'Ada' },
  ]);

  it('is on now at its real time, on the next calendar date, and the choice, the clock and "next" agree', () => {
    // 00:45 in Berlin on the 28th.
    const moment = momentIn(night, '2019-12-27T23:45:00Z');
    expect(moment).toEqual({ day: 2, minutes: 45 });
    expect(onNowDecision(night, moment)).toEqual({ kind: 'session', day: 1, sessionId: 'jeopardy', reason: 'running' });
    expect(runningSessionIds(night, moment)).toEqual(new Set(['jeopardy']));
    expect(nextPick(night, moment)?.id).toBe('late-pick');
    // 01:35: between the two night sessions, my pick is next.
    expect(onNowDecision(night, momentIn(night, '2019-12-28T00:35:00Z'))).toEqual({ kind: 'session', day: 1, sessionId: 'late-pick', reason: 'next' });
  });

  it('brings back the night session when the laptop reopens during it', () => {
    const jeopardy = night.sessions.find((session) => session.id === 'jeopardy')!;
    expect(keepsRememberedSession(night, jeopardy, momentIn(night, '2019-12-27T23:45:00Z'))).toBe(true);
    expect(keepsRememberedSession(night, jeopardy, momentIn(night, '2019-12-28T09:00:00Z'))).toBe(false);
  });
});
