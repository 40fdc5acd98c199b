import { dateOfDay, minutesOfDay } from './calendar';
import type { EventFile, Session } from './event';

const MINUTES_PER_DAY = 24 * 60;

/**
 * When a session starts, in minutes from midnight at the start of the event's day 1. A session
 * after midnight (`afterMidnight`) belongs to its day but starts on the next calendar date, so
 * 01:30 of day 1 sorts after 23:00 of day 1 and before day 2.
 */
export function sessionStartMinute(session: Pick<Session, 'day' | 'start' | 'afterMidnight'>): number {
  return (session.day - 1 + (session.afterMidnight ? 1 : 0)) * MINUTES_PER_DAY + minutesOfDay(session.start);
}

/** Day first, then the moment each starts; stable, so sessions starting together keep their order. */
export function byDayAndStart(a: Pick<Session, 'day' | 'start' | 'afterMidnight'>, b: Pick<Session, 'day' | 'start' | 'afterMidnight'>): number {
  return a.day - b.day || sessionStartMinute(a) - sessionStartMinute(b);
}

/** The calendar date a session starts on (the day after its day's date for a session after midnight). */
export function sessionDate(event: Pick<EventFile, 'startDate'>, session: Pick<Session, 'day' | 'afterMidnight'>): string {
  return dateOfDay(event.startDate, session.day + (session.afterMidnight ? 1 : 0));
}

/**
 * When a session ends, counted as `sessionStartMinute` counts, or null when it has no end: an
 * end that `endsNextDay` puts after midnight is a day later than its clock time says.
 */
export function sessionEndMinute(session: Pick<Session, 'day' | 'start' | 'end' | 'afterMidnight' | 'endsNextDay'>): number | null {
  if (!session.end) return null;
  const startOfDate = sessionStartMinute(session) - minutesOfDay(session.start);
  return startOfDate + (session.endsNextDay ? MINUTES_PER_DAY : 0) + minutesOfDay(session.end);
}

/** The calendar date a session ends on, or null when it has no end. */
export function sessionEndDate(event: Pick<EventFile, 'startDate'>, session: Pick<Session, 'day' | 'end' | 'afterMidnight' | 'endsNextDay'>): string | null {
  if (!session.end) return null;
  return dateOfDay(event.startDate, session.day + (session.afterMidnight ? 1 : 0) + (session.endsNextDay ? 1 : 0));
}

/**
 * A session edited without a word about `endsNextDay` (the session form sends the times it
 * shows): it still ends the next day while its end is at or before its start; an end moved
 * after the start, or taken away, is on the start's date again.
 */
export function settleNextDayEnd<T extends Pick<Session, 'start' | 'end' | 'endsNextDay'>>(session: T): T {
  if (!session.endsNextDay || (session.end && minutesOfDay(session.end) <= minutesOfDay(session.start))) return session;
  const sameDay = { ...session };
  delete sameDay.endsNextDay;
  return sameDay;
}
