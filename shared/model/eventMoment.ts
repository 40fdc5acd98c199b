import { dayCount, minutesOfDay } from './calendar';
import type { EventFile, Session } from './event';
import { byDayAndStart, sessionEndMinute, sessionStartMinute } from './sessionTime';
import { wallClockAt } from './wallClock';

/**
 * A moment on the event's own clock: the day of the event (1 for the first; below 1 before
 * the event, above its last day after it) and the minutes past midnight on the venue's clock.
 */
export type EventMoment = { day: number; minutes: number };

/** Where `instant` falls on the event's clock, in its time zone (never the laptop's). */
export function eventMomentAt(event: Pick<EventFile, 'startDate' | 'timezone'>, instant: number): EventMoment {
  const clock = wallClockAt(event.timezone, instant);
  return { day: dayCount(event.startDate, clock.date), minutes: clock.minutes };
}

/** An event-local date (YYYY-MM-DD) and time (HH:MM) as given, as on the command line's `--at`. */
export function eventMomentOf(event: Pick<EventFile, 'startDate'>, date: string, time: string): EventMoment {
  return { day: dayCount(event.startDate, date), minutes: minutesOfDay(time) };
}

/** Minutes from midnight at the start of day 1, the count `sessionStartMinute` uses. */
export function minuteOfMoment(moment: EventMoment): number {
  return (moment.day - 1) * MINUTES_PER_DAY + moment.minutes;
}

/**
 * When a session runs, in minutes from midnight at the start of day 1 (so a night session of a
 * congress day, after midnight, runs on the next calendar date); `end` is exclusive.
 */
export type SessionSpan = { session: Session; start: number; end: number };

const MINUTES_PER_DAY = 24 * 60;

/** A session without an end time lasts until the next one in its room starts, or this long if none follows. */
const OPEN_ENDED_MINUTES = 60;

/**
 * One programme day's sessions with their spans, in time order, its sessions after midnight
 * last (stable: sessions starting together keep the agenda's order).
 */
export function daySpans(sessions: readonly Session[], day: number): SessionSpan[] {
  const ofDay = inTimeOrder(sessions.filter((session) => session.day === day));
  return ofDay.map((session) => ({ session, start: sessionStartMinute(session), end: endMinute(session, ofDay) }));
}

/** By day and start; stable. */
export function inTimeOrder<Item extends Session>(sessions: readonly Item[]): Item[] {
  return [...sessions].sort(byDayAndStart);
}

export function isRunningAt(span: SessionSpan, minutes: number): boolean {
  return span.start <= minutes && minutes < span.end;
}

export function spansOverlap(a: SessionSpan, b: SessionSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

/** `ofDay` is the day's sessions in time order. */
function endMinute(session: Session, ofDay: readonly Session[]): number {
  const start = sessionStartMinute(session);
  // 23:30 to 00:30 (endsNextDay) ends a day after its clock time says.
  const end = sessionEndMinute(session);
  if (end !== null && end > start) return end;
  // In a programme of parallel rooms, the next talk elsewhere does not end this one.
  const sameRoom = (other: Session) => !session.room || !other.room || other.room === session.room;
  const following = ofDay.find((other) => sessionStartMinute(other) > start && sameRoom(other));
  return following ? sessionStartMinute(following) : start + OPEN_ENDED_MINUTES;
}
