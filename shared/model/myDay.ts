import type { EventFile, Session } from './event';
import { daySpans, minuteOfMoment, spansOverlap, type EventMoment } from './eventMoment';
import type { NoteCheck } from './onNow';

/** The reporter's own day: the sessions they picked and the ones they have notes in, in time order. */
export function myDaySessions(event: EventFile, day: number, hasNote: NoteCheck): Session[] {
  return daySpans(event.sessions, day)
    .map((span) => span.session)
    .filter((session) => session.picked || hasNote(session.id));
}

/**
 * Picks of one day that overlap another pick, each with the picks it overlaps, in time order.
 * Back to back is not a clash; a pick the programme cancelled or dropped clashes with nothing.
 */
export function pickClashes(event: EventFile, day: number): Map<string, Session[]> {
  const picks = daySpans(event.sessions, day).filter((span) => span.session.picked && !span.session.programmeFlag);
  const clashes = new Map<string, Session[]>();
  for (const span of picks) {
    const others = picks.filter((other) => other !== span && spansOverlap(span, other)).map((other) => other.session);
    if (others.length > 0) clashes.set(span.session.id, others);
  }
  return clashes;
}

/** My next pick of the moment's day (or of last night's, after midnight) that has not started yet ("Next: 14:00 Hall B — …"). */
export function nextPick(event: EventFile, moment: EventMoment): Session | null {
  const now = minuteOfMoment(moment);
  const upcoming = [...daySpans(event.sessions, moment.day - 1), ...daySpans(event.sessions, moment.day)]
    .filter((span) => span.session.picked && !span.session.programmeFlag && span.start > now)
    .sort((a, b) => a.start - b.start);
  return upcoming[0]?.session ?? null;
}
