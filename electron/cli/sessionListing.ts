import { isCalendarDate, isWallClockTime } from '../../shared/model/calendar';
import type { EventFile, Session } from '../../shared/model/event';
import { eventMomentOf, type EventMoment } from '../../shared/model/eventMoment';
import { sessionDate, sessionEndDate } from '../../shared/model/sessionTime';
import { UsageError } from './cliArguments';
import { formatTable } from './cliTable';

/** The JSON shape of a listed session: the stored session plus the calendar dates it starts and ends on (the next day for 23:30–00:30). */
export type SessionListing = Pick<Session, 'id' | 'day' | 'start' | 'end' | 'title' | 'kind' | 'room' | 'status' | 'speakers'> & { date: string; endDate: string | null; picked: boolean };

export function describeSession(event: EventFile, session: Session): SessionListing {
  const { id, day, start, end, title, kind, room, status, speakers } = session;
  return { id, day, date: sessionDate(event, session), start, end, endDate: sessionEndDate(event, session), title, kind, room, status, picked: session.picked === true, speakers };
}

export function formatSessionTable(sessions: SessionListing[]): string {
  return formatTable(sessions, [
    { header: 'ID', value: (session) => session.id },
    { header: 'DAY', value: (session) => session.day, align: 'right' },
    { header: 'DATE', value: (session) => session.date },
    { header: 'TIME', value: (session) => (session.end ? `${session.start}-${session.end}` : session.start) },
    { header: 'KIND', value: (session) => session.kind },
    { header: 'STATUS', value: (session) => session.status },
    { header: 'PICKED', value: (session) => (session.picked ? 'yes' : '') },
    { header: 'ROOM', value: (session) => session.room, maxWidth: 20 },
    { header: 'TITLE', value: (session) => session.title, maxWidth: 40 },
    { header: 'SPEAKERS', value: (session) => session.speakers.map((speaker) => speaker.name).join(', '), maxWidth: 40 },
  ]);
}

/** `"Title" (day 1, 10:00–10:45, Saal 3; on my list)`, for one-line confirmations. */
export function describeBriefly(session: Session): string {
  const time = session.end ? `${session.start}–${session.end}` : session.start;
  const where = [`day ${session.day}`, time, session.room].filter(Boolean).join(', ');
  return `"${session.title}" (${where}${session.picked ? '; on my list' : ''})`;
}

export type LocalTime = { date: string; time: string };

/** `--at YYYY-MM-DDTHH:MM`: a date and time on the event's own clock. */
export function parseAtOption(value: string): LocalTime {
  const [date, time, extra] = value.split('T');
  if (extra !== undefined || !date || !time || !isCalendarDate(date) || !isWallClockTime(time)) {
    throw new UsageError(`--at must be an event-local date and time written YYYY-MM-DDTHH:MM, such as 2026-05-12T14:30, not "${value}"`);
  }
  return { date, time };
}

export function momentOf(event: EventFile, at: LocalTime): EventMoment {
  return eventMomentOf(event, at.date, at.time);
}
