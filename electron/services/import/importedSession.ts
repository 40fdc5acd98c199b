import type { Speaker } from '../../../shared/model/event';
import { htmlToText, singleLine } from './plainText';
import type { ImportedSession } from './programme';
import { sessionLabel, type ProgrammeWarnings } from './programmeWarnings';
import { sessionKindFrom } from './sessionKind';
import { dateOfDay, isCalendarDate, minutesOfDay } from '../../../shared/model/calendar';
import type { WallClock } from './zonedTime';

/** The event file's limits. */
const MAX_TITLE = 500;
const MAX_SHORT_TEXT = 200;
const MAX_SPEAKERS = 50;
const MAX_DESCRIPTION = 20_000;
/** As `sourceId` in the event file. */
export const MAX_SOURCE_ID = 300;

export type SessionSource = {
  sourceId: string;
  start: WallClock;
  end: WallClock | null;
  /** The date of the programme day that lists it (a `<day>`), when the file groups sessions by day. */
  programmeDate?: string;
  title: string | null | undefined;
  /** Type, category or track names, most telling first. */
  kindHints: (string | null | undefined)[];
  room?: string | null;
  speakers: { name: string; role?: string; organisation?: string }[];
  track?: string | null;
  /** May be HTML. */
  description?: string | null;
  cancelled?: boolean;
};

function cleanSpeakers(speakers: SessionSource['speakers']): Speaker[] {
  const seen = new Set<string>();
  const cleaned: Speaker[] = [];
  for (const speaker of speakers) {
    const name = singleLine(speaker.name, MAX_SHORT_TEXT);
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    cleaned.push({ name, role: singleLine(speaker.role, MAX_SHORT_TEXT), organisation: singleLine(speaker.organisation, MAX_SHORT_TEXT) });
  }
  return cleaned.slice(0, MAX_SPEAKERS);
}

/**
 * A session's end: on the date it starts, or (`endsNextDay`) on the next date at or before its
 * start's clock time (23:30 to 00:30). Sessions are stored as one day plus start and end times,
 * so a session lasting longer than a day (or with an end before its start) gets no end rather
 * than an invented one, and the preview says so.
 */
function endOf(start: WallClock, end: WallClock | null, label: string, warnings: ProgrammeWarnings): { end: string | null; endsNextDay?: true } {
  if (!end) return { end: null };
  const endsBefore = end.date < start.date || (end.date === start.date && minutesOfDay(end.time) < minutesOfDay(start.time));
  if (endsBefore) {
    warnings.add('These sessions end before they start in the file; they were imported without an end time.', label);
    return { end: null };
  }
  if (end.date === start.date) return { end: end.time };
  if (end.date === dateOfDay(start.date, 2) && minutesOfDay(end.time) <= minutesOfDay(start.time)) return { end: end.time, endsNextDay: true };
  warnings.add('These sessions last more than a day; they were imported without an end time (a session ends at most a day after it starts).', label);
  return { end: null };
}

/**
 * A congress day runs past midnight: a session at 01:30 on 28 December listed under 27 December
 * stays in the 27th's programme. Only the night after a programme day counts; any other
 * disagreement between a session's date and its day is settled by the date.
 */
function afterMidnightOf(date: string, programmeDate: string | undefined): { programmeDate?: string } {
  if (!programmeDate || !isCalendarDate(programmeDate)) return {};
  return dateOfDay(programmeDate, 2) === date ? { programmeDate } : {};
}

/** Every parser builds its sessions here, so every format is cleaned and capped the same way. */
export function importedSession(source: SessionSource, warnings: ProgrammeWarnings): ImportedSession {
  const title = singleLine(source.title, MAX_TITLE) || 'Untitled session';
  const track = singleLine(source.track, MAX_SHORT_TEXT);
  const description = htmlToText(source.description, MAX_DESCRIPTION);
  return {
    sourceId: singleLine(source.sourceId, MAX_SOURCE_ID) || `${source.start.date}T${source.start.time} ${title}`.slice(0, MAX_SOURCE_ID),
    date: source.start.date,
    ...afterMidnightOf(source.start.date, source.programmeDate),
    start: source.start.time,
    ...endOf(source.start, source.end, sessionLabel(title, source.start.date, source.start.time), warnings),
    title,
    kind: sessionKindFrom(source.kindHints, title),
    room: singleLine(source.room, MAX_SHORT_TEXT),
    speakers: cleanSpeakers(source.speakers),
    ...(track ? { track } : {}),
    ...(description ? { description } : {}),
    cancelled: source.cancelled ?? false,
  };
}
