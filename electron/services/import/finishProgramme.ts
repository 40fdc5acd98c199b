import { MAX_EVENT_DAYS } from '../../../shared/model/event';
import { dayCount, minutesOfDay } from '../../../shared/model/calendar';
import { MAX_SOURCE_ID } from './importedSession';
import { ProgrammeFormatError, type ImportedProgramme, type ImportedSession, type ProgrammeDraft } from './programme';
import type { ProgrammeWarnings } from './programmeWarnings';

/** The event file holds at most this many sessions. */
export const MAX_PROGRAMME_SESSIONS = 5000;

/**
 * Gives every slot its own source id. A repeated workshop keeps its guid in both slots, so each
 * slot of a repeated id becomes `guid@date Tstart`; exact duplicates get a counter as well.
 */
function uniqueSourceIds(sessions: ImportedSession[]): ImportedSession[] {
  const counts = new Map<string, number>();
  for (const session of sessions) counts.set(session.sourceId, (counts.get(session.sourceId) ?? 0) + 1);
  const used = new Set<string>();
  return sessions.map((session) => {
    const base = session.sourceId.slice(0, MAX_SOURCE_ID - 40);
    let sourceId = counts.get(session.sourceId)! > 1 ? `${base}@${session.date}T${session.start}` : base;
    for (let copy = 2; used.has(sourceId); copy += 1) sourceId = `${base}@${session.date}T${session.start}#${copy}`;
    used.add(sourceId);
    return counts.get(session.sourceId)! > 1 ? { ...session, sourceId, sharedSourceId: base } : { ...session, sourceId };
  });
}

/** The programme day's date: the night after a congress day belongs to that day. */
export function programmeDateOf(session: Pick<ImportedSession, 'date' | 'programmeDate'>): string {
  return session.programmeDate ?? session.date;
}

/** By programme day, then by the moment it starts, so 01:30 comes after 23:00 of the same day. */
function byTime(a: ImportedSession, b: ImportedSession): number {
  return programmeDateOf(a).localeCompare(programmeDateOf(b)) || a.date.localeCompare(b.date) || minutesOfDay(a.start) - minutesOfDay(b.start);
}

/**
 * Checks what every format must satisfy and fixes the date range. The range covers every
 * session and every day the file declares. An event in Hallnotes lasts at most 31 days, so a
 * longer programme is refused as a whole (naming its first and last dates) rather than cut.
 */
export function finishProgramme(draft: ProgrammeDraft, warnings: ProgrammeWarnings): ImportedProgramme {
  const { declaredDates, ...programme } = draft;
  if (programme.sessions.length === 0) throw new ProgrammeFormatError('it contains no sessions.');
  if (programme.sessions.length > MAX_PROGRAMME_SESSIONS) {
    throw new ProgrammeFormatError(`it has ${programme.sessions.length} sessions; an event holds at most ${MAX_PROGRAMME_SESSIONS}.`);
  }
  const dates = [...declaredDates, ...programme.sessions.map(programmeDateOf)].sort();
  const startDate = dates[0];
  const endDate = dates[dates.length - 1];
  const days = dayCount(startDate, endDate);
  if (days > MAX_EVENT_DAYS) {
    throw new ProgrammeFormatError(`it runs from ${startDate} to ${endDate} (${days} days); an event lasts at most ${MAX_EVENT_DAYS} days.`);
  }
  const sessions = uniqueSourceIds([...programme.sessions].sort(byTime));
  return { ...programme, startDate, endDate, sessions, warnings: warnings.list() };
}
