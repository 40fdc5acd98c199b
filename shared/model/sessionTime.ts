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
