import { dateOfDay } from '../../shared/model/calendar';
import type { Session } from '../../shared/model/event';

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** "Tue, 12 May" for day tabs; dates are calendar dates, so they are formatted in UTC. */
export function formatDayDate(startDate: string, day: number): string {
  return dayFormat.format(utcDate(dateOfDay(startDate, day)));
}

const dateRanges = new Map<string, string>();

/** Remembered per range: formatRange builds an ICU interval formatter on every call, which showed in profiles of a session switch. */
export function formatDateRange(startDate: string, endDate: string): string {
  const key = `${startDate}/${endDate}`;
  let formatted = dateRanges.get(key);
  if (formatted === undefined) {
    formatted = startDate === endDate ? longDateFormat.format(utcDate(startDate)) : longDateFormat.formatRange(utcDate(startDate), utcDate(endDate));
    dateRanges.set(key, formatted);
  }
  return formatted;
}

/**
 * "09:00–09:45", and "23:30–00:30" for one that ends the next day; a session in the night after
 * its day says so: "00:50–02:50 (after midnight)".
 */
export function formatTimeRange(session: Pick<Session, 'start' | 'end' | 'afterMidnight' | 'endsNextDay'>): string {
  const range = session.end ? `${session.start}–${session.end}` : session.start;
  return session.afterMidnight ? `${range} (after midnight)` : range;
}

const savedTimeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

export function formatSavedTime(savedAt: string): string {
  return savedTimeFormat.format(new Date(savedAt));
}

export const KIND_LABELS: Record<Session['kind'], string> = {
  keynote: 'Keynote',
  plenary: 'Plenary',
  panel: 'Panel',
  'break-out': 'Break-out',
  workshop: 'Workshop',
  break: 'Break',
};

export const STATUS_LABELS: Record<Session['status'], string> = {
  planned: 'Planned',
  live: 'Live',
  covered: 'Covered',
  skipped: 'Skipped',
};

export function describeSpeaker(speaker: Session['speakers'][number]): string {
  const affiliation = [speaker.role, speaker.organisation].filter(Boolean).join(', ');
  return affiliation ? `${speaker.name} (${affiliation})` : speaker.name;
}
