import { dayCount } from './calendar';
import { byDayAndStart, sessionEndMinute, sessionStartMinute } from './sessionTime';
import { eventDayCount, type EventFile, type Session } from './event';
import { wallClockAt } from './wallClock';

/** How the session was chosen, for a caller that wants to say so. */
export type OnNowReason = 'running' | 'next' | 'last-of-day' | 'before-event' | 'after-event';
export type OnNow = { day: number; sessionId: string; reason: OnNowReason };

/** A session without an end time is taken to last until the next one starts, or this long if none follows. */
const OPEN_ENDED_MINUTES = 60;

/**
 * The session a reporter wants in front of them at `instant`: the one running in the event's
 * time zone, else the next one that day, else the day's last one; before the event the first
 * session, after it the last. Cancelled or vanished sessions are passed over when others exist.
 */
export function sessionOnNow(event: EventFile, instant: number): OnNow | null {
  const sessions = candidates(event);
  if (sessions.length === 0) return null;
  const clock = wallClockAt(event.timezone, instant);
  const today = dayCount(event.startDate, clock.date);
  const now = minuteOfEvent(today, clock.minutes);
  // Checked first: at 01:30 the night session of yesterday's congress day may be running.
  const running = runningAmong(sessions, now);
  if (running.length > 0) return pick(preferred(running), 'running');
  if (today < 1) return pick(sessions[0], 'before-event');
  if (today > eventDayCount(event)) return pick(sessions.at(-1)!, 'after-event');

  const ofToday = sessions.filter((session) => session.day === today);
  if (ofToday.length === 0) {
    const later = sessions.find((session) => session.day > today);
    return later ? pick(later, 'next') : pick(sessions.at(-1)!, 'after-event');
  }
  const next = ofToday.find((session) => sessionStartMinute(session) > now);
  return next ? pick(next, 'next') : pick(ofToday.at(-1)!, 'last-of-day');
}

/** Every session running at `instant` in the event's zone (parallel tracks can run several). */
export function runningSessionIds(event: EventFile, instant: number): Set<string> {
  const clock = wallClockAt(event.timezone, instant);
  const now = minuteOfEvent(dayCount(event.startDate, clock.date), clock.minutes);
  return new Set(runningAmong(inTimeOrder(event.sessions), now).map((session) => session.id));
}

/** The event's day (1-based) and wall-clock time at `instant`; `day` is null outside the event's dates. */
export function eventClockAt(event: EventFile, instant: number): { day: number | null; time: string } {
  const clock = wallClockAt(event.timezone, instant);
  const day = dayCount(event.startDate, clock.date);
  return { day: day >= 1 && day <= eventDayCount(event) ? day : null, time: clock.time };
}

function candidates(event: EventFile): Session[] {
  const ordered = inTimeOrder(event.sessions);
  const onProgramme = ordered.filter((session) => !session.programmeFlag);
  return onProgramme.length > 0 ? onProgramme : ordered;
}

/** By day and start; stable, so sessions starting together keep the agenda's order. */
function inTimeOrder(sessions: Session[]): Session[] {
  return [...sessions].sort(byDayAndStart);
}

/** Minutes since midnight before day 1, as `sessionStartMinute` counts them. */
function minuteOfEvent(day: number, minutesOfClock: number): number {
  return (day - 1) * 24 * 60 + minutesOfClock;
}

/** `sessions` are in time order. */
function runningAmong(sessions: Session[], now: number): Session[] {
  return sessions.filter((session) => {
    const start = sessionStartMinute(session);
    return start <= now && now < endMinute(session, sessions);
  });
}

function endMinute(session: Session, sessions: Session[]): number {
  const start = sessionStartMinute(session);
  const end = sessionEndMinute(session);
  if (end !== null && end > start) return end;
  const following = sessions.find((other) => other.day === session.day && sessionStartMinute(other) > start);
  return following ? sessionStartMinute(following) : start + OPEN_ENDED_MINUTES;
}

/** Of several running sessions: the one marked live, else the one that started last. */
function preferred(running: Session[]): Session {
  const live = running.find((session) => session.status === 'live');
  if (live) return live;
  return running.reduce((latest, session) => (sessionStartMinute(session) > sessionStartMinute(latest) ? session : latest));
}

function pick(session: Session, reason: OnNowReason): OnNow {
  return { day: session.day, sessionId: session.id, reason };
}

/**
 * Whether reopening the app should bring back the session that was open when it closed. Yes,
 * unless the event is running today (by its own clock) and that session belongs to another
 * day: the reporter who closes the laptop in the evening wants this morning's session next day.
 */
export function keepsRememberedSession(event: EventFile, remembered: Session, instant: number): boolean {
  const today = dayCount(event.startDate, wallClockAt(event.timezone, instant).date);
  const eventRunsToday = today >= 1 && today <= eventDayCount(event);
  return !eventRunsToday || remembered.day === today;
}
