import { describe, expect, it } from 'vitest';
import type { EventFile, Session } from '../../shared/model/event';
import { eventMomentOf } from '../../shared/model/eventMoment';
import { myDaySessions, nextPick, pickClashes } from '../../shared/model/myDay';

type SessionSpec = Partial<Session> & Pick<Session, 'id' | 'start'>;

function event(sessions: SessionSpec[]): EventFile {
  return {
    format: 1,
    id: 'congress',
    title: 'Congress',
    venue: '',
    author: '',
    timezone: 'Europe/Berlin',
    startDate: '2026-12-27',
    endDate: '2026-12-28',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    sessions: sessions.map((session) => ({ day: 1, end: null, title: session.id, kind: 'plenary', room: '', status: 'planned', speakers: [], ...session })),
  };
}

const congress = event([
  { id: 'late-pick', start: '16:00', end: '16:40', room: 'Saal 1', picked: true },
  { id: 'opening', start: '11:00', end: '11:30', room: 'Saal 1', picked: true },
  { id: 'noted', start: '11:40', end: '12:20', room: 'Saal 2' },
  { id: 'clash-a', start: '12:00', end: '13:00', room: 'Saal 1', picked: true },
  { id: 'clash-b', start: '12:30', end: '13:30', room: 'Saal 3', picked: true },
  { id: 'back-to-back', start: '13:30', end: '14:00', room: 'Saal 2', picked: true },
  { id: 'skipped-by-me', start: '14:00', end: '15:00', room: 'Saal 2' },
  { id: 'open-ended', start: '15:00', room: 'Saal 4', picked: true },
  { id: 'same-room-next', start: '15:30', end: '15:50', room: 'Saal 4', picked: true },
  { id: 'day-two', day: 2, start: '11:00', end: '12:00', picked: true },
]);
const hasNote = (sessionId: string) => sessionId === 'noted';

describe('my day', () => {
  it('lists my picks of the day and the sessions I have notes in, in time order', () => {
    expect(myDaySessions(congress, 1, hasNote).map((session) => session.id)).toEqual([
      'opening',
      'noted',
      'clash-a',
      'clash-b',
      'back-to-back',
      'open-ended',
      'same-room-next',
      'late-pick',
    ]);
    expect(myDaySessions(congress, 2, hasNote).map((session) => session.id)).toEqual(['day-two']);
  });

  it('shows which picks overlap; back to back is not a clash, and an open end lasts until the room\'s next session', () => {
    const clashes = pickClashes(congress, 1);
    expect(Object.fromEntries([...clashes].map(([id, others]) => [id, others.map((other) => other.id)]))).toEqual({
      'clash-a': ['clash-b'],
      'clash-b': ['clash-a'],
    });
  });

  it('a session without an end in a room of its own runs for an hour', () => {
    const open = event([
      { id: 'workshop', start: '10:00', room: 'Lab', picked: true },
      { id: 'talk', start: '10:30', end: '11:00', room: 'Saal 1', picked: true },
    ]);
    expect([...pickClashes(open, 1).keys()]).toEqual(['workshop', 'talk']);
  });

  it('leaves out of the clashes a pick the programme cancelled', () => {
    const cancelled = event([
      { id: 'gone', start: '10:00', end: '11:00', picked: true, programmeFlag: 'cancelled' },
      { id: 'kept', start: '10:30', end: '11:00', picked: true },
    ]);
    expect(pickClashes(cancelled, 1).size).toBe(0);
    expect(myDaySessions(cancelled, 1, () => false).map((session) => session.id)).toEqual(['gone', 'kept']);
  });

  it('names my next pick of today after the moment, never one that has started', () => {
    expect(nextPick(congress, eventMomentOf(congress, '2026-12-27', '12:10'))?.id).toBe('clash-b');
    expect(nextPick(congress, eventMomentOf(congress, '2026-12-27', '16:00'))).toBeNull();
    expect(nextPick(congress, eventMomentOf(congress, '2026-12-27', '10:00'))?.id).toBe('opening');
    // Tomorrow's picks are tomorrow's; outside the event there is no next.
    expect(nextPick(congress, eventMomentOf(congress, '2026-12-28', '09:00'))?.id).toBe('day-two');
    expect(nextPick(congress, eventMomentOf(congress, '2026-12-26', '09:00'))).toBeNull();
  });
});
