import { eventDayCount, type EventFile, type Session } from './event';
import { daySpans, eventMomentAt, inTimeOrder, isRunningAt, minuteOfMoment, type EventMoment, type SessionSpan } from './eventMoment';
import { wallClockAt } from './wallClock';

/** Why these sessions, for a caller that wants to say so. */
export type OnNowReason = 'running' | 'next' | 'last-of-day' | 'before-event' | 'after-event';

/**
 * What the app opens at a moment (at start, and on "jump to on now"): one session, or, when
 * nothing tells several apart (twelve talks at once, none of them picked), those sessions for
 * the reporter to choose from. The app and `hallnotes now` both ask this function.
 */
export type OnNowDecision =
  | { kind: 'session'; day: number; sessionId: string; reason: OnNowReason }
  | { kind: 'choose'; day: number; sessionIds: string[]; reason: OnNowReason };

/** Whether the reporter has already written in a session's note. */
export type NoteCheck = (sessionId: string) => boolean;

const noNotes: NoteCheck = () => false;

/**
 * Of the sessions running at `moment`: the one marked live, else my pick, else the one I have
 * a note in; when several are equally likely, all of them to choose from. Breaks count only
 * when nothing else runs. When nothing runs: my next pick of the day, else the next slot of
 * talks; after the day's last session my last pick, else my last note, else the last slot;
 * before the event the first pick or slot, after it the last. Cancelled or vanished sessions
 * are passed over while others exist.
 */
export function onNowDecision(event: EventFile, moment: EventMoment, hasNote: NoteCheck = noNotes): OnNowDecision | null {
  const sessions = candidates(event);
  if (sessions.length === 0) return null;
  const days = eventDayCount(event);
  const spansOf = (day: number) => (day >= 1 && day <= days ? daySpans(sessions, day) : []);
  const allSpans = () => Array.from({ length: days }, (_, index) => spansOf(index + 1)).flat();
  const choice = new Choice(hasNote);
  const now = minuteOfMoment(moment);
  // Yesterday's programme day is still on after midnight at a congress that runs into the night.
  const around = [...spansOf(moment.day - 1), ...spansOf(moment.day)];

  const running = around.filter((span) => isRunningAt(span, now));
  if (running.length > 0) return choice.best(running, 'running');
  if (moment.day < 1) return choice.preferred(allSpans(), 'first', 'before-event');
  if (moment.day > days) return choice.preferred(allSpans(), 'last', 'after-event');
  const upcoming = around.filter((span) => span.start > now);
  if (upcoming.length > 0) return choice.preferred(inSpanOrder(upcoming), 'first', 'next');
  const today = spansOf(moment.day);
  if (today.length > 0) return choice.preferred(today, 'last', 'last-of-day');
  const later = allSpans().filter((span) => span.session.day > moment.day);
  return later.length > 0 ? choice.preferred(later, 'first', 'next') : choice.preferred(allSpans(), 'last', 'after-event');
}

/** The session opened at `instant` without asking (after an import), or null when the app would ask or has nothing to open. */
export function sessionOnNow(event: EventFile, instant: number, hasNote: NoteCheck = noNotes): { day: number; sessionId: string; reason: OnNowReason } | null {
  const decision = onNowDecision(event, eventMomentAt(event, instant), hasNote);
  return decision?.kind === 'session' ? { day: decision.day, sessionId: decision.sessionId, reason: decision.reason } : null;
}

/** Every session running at `moment` (parallel rooms can run several; last night's may still). */
export function runningSessionIds(event: EventFile, moment: EventMoment): Set<string> {
  const now = minuteOfMoment(moment);
  const around = [...daySpans(event.sessions, moment.day - 1), ...daySpans(event.sessions, moment.day)];
  return new Set(around.filter((span) => isRunningAt(span, now)).map((span) => span.session.id));
}

/** The event's day (1-based) and wall-clock time at `instant`; `day` is null outside the event's dates. */
export function eventClockAt(event: EventFile, instant: number): { day: number | null; time: string } {
  const { day } = eventMomentAt(event, instant);
  return { day: day >= 1 && day <= eventDayCount(event) ? day : null, time: wallClockAt(event.timezone, instant).time };
}

/**
 * Whether reopening the app should bring back the session that was open when it closed. Yes,
 * unless the event is running today (by its own clock) and that session belongs to another
 * day and is over — the reporter who closes the laptop in the evening wants this morning's
 * session next day — or another of the reporter's picks is on now.
 */
export function keepsRememberedSession(event: EventFile, remembered: Session, moment: EventMoment): boolean {
  const eventRunsToday = moment.day >= 1 && moment.day <= eventDayCount(event);
  if (!eventRunsToday) return true;
  const running = runningSessionIds(event, moment);
  if (remembered.day !== moment.day && !running.has(remembered.id)) return false;
  return !event.sessions.some((session) => session.picked && session.id !== remembered.id && running.has(session.id));
}

function candidates(event: EventFile): Session[] {
  const ordered = inTimeOrder(event.sessions);
  const onProgramme = ordered.filter((session) => !session.programmeFlag);
  return onProgramme.length > 0 ? onProgramme : ordered;
}

/** The rules for telling sessions apart; `spans` are always in time order. */
class Choice {
  constructor(private readonly hasNote: NoteCheck) {}

  /** The most likely of sessions running together: marked live, then picked, then with a note; ties are left to the reporter. */
  best(spans: SessionSpan[], reason: OnNowReason): OnNowDecision {
    const pool = withoutBreaks(spans);
    const rank = (span: SessionSpan) => (span.session.status === 'live' ? 4 : 0) + (span.session.picked ? 2 : 0) + (this.hasNote(span.session.id) ? 1 : 0);
    const top = Math.max(...pool.map(rank));
    const likeliest = pool.filter((span) => rank(span) === top);
    const day = likeliest[0].session.day;
    if (likeliest.length === 1) return { kind: 'session', day, sessionId: likeliest[0].session.id, reason };
    return { kind: 'choose', day, sessionIds: likeliest.map((span) => span.session.id), reason };
  }

  /** The first (or last) of my picks, else of the sessions I have notes in, else of all; the sessions starting with it are its rivals. */
  preferred(spans: SessionSpan[], end: 'first' | 'last', reason: OnNowReason): OnNowDecision {
    const pool = withoutBreaks(spans);
    const tier = [pool.filter((span) => span.session.picked), pool.filter((span) => this.hasNote(span.session.id)), pool].find((members) => members.length > 0)!;
    const edge = end === 'first' ? tier[0] : tier.at(-1)!;
    return this.best(
      tier.filter((span) => span.session.day === edge.session.day && span.start === edge.start),
      reason,
    );
  }
}

/** A break in the foyer runs beside every talk; it is the answer only when nothing else is. */
function withoutBreaks(spans: SessionSpan[]): SessionSpan[] {
  const talks = spans.filter((span) => span.session.kind !== 'break');
  return talks.length > 0 ? talks : spans;
}

function inSpanOrder(spans: SessionSpan[]): SessionSpan[] {
  return [...spans].sort((a, b) => a.start - b.start);
}
