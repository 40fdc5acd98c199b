import { dateOfDay, isCalendarDate, isKnownTimeZone, minutesOfDay } from '../../../shared/model/calendar';
import { ProgrammeFormatError, type ParseOptions } from './programme';
import { convertWallClock, normaliseTimeOfDay, parseOffsetDateTime, wallClockAt, type WallClock } from './zonedTime';

/**
 * Time rules shared by schedule.xml and schedule.json v1, which describe an event the same way:
 * `start` is its wall-clock time in the conference's zone, `date` (ISO 8601 with an offset) the
 * moment it begins, and `duration` its length.
 */
export type FrabZones = {
  /** The zone the file's wall-clock times are in, when the file names one. */
  source: string | null;
  /** The zone the imported times are shown in. */
  target: string;
};

export function frabZones(declared: unknown, options: ParseOptions): FrabZones {
  const source = typeof declared === 'string' && isKnownTimeZone(declared.trim()) ? declared.trim() : null;
  return { source, target: options.timeZone ?? source ?? 'UTC' };
}

export function toTargetZone(clock: WallClock, zones: FrabZones): WallClock {
  return zones.source ? convertWallClock(clock, zones.source, zones.target) : clock;
}

/** A declared day: its calendar date, and the wall-clock time it begins at when the file says. */
export type FrabDay = { date: string; startTime: string | null };

/**
 * A declared day, in the conference's own zone: shown in another zone, the sessions move but the
 * conference keeps its days. Some generators (wafer) write a day's `date` in UTC, so when the day
 * also gives its start as a moment and the zone is known, that moment decides.
 */
export function frabDay(day: { date?: string; start?: string }, zones: FrabZones, what: string): FrabDay {
  const start = day.start ? parseOffsetDateTime(day.start) : null;
  if (start && zones.source) {
    const local = wallClockAt(start.instant, zones.source);
    return { date: local.date, startTime: local.time };
  }
  if (day.date && isCalendarDate(day.date.trim())) return { date: day.date.trim(), startTime: start?.written.time ?? null };
  if (start) return { date: start.written.date, startTime: start.written.time };
  throw new ProgrammeFormatError(`${what} has no valid date (${JSON.stringify(day.date ?? '')}); dates are written YYYY-MM-DD and must exist.`);
}

/**
 * The wall-clock start of an event in the file's zone. `start` gives the time; the date comes from
 * `date`, read in the conference zone and, if that disagrees with `start` (pretalx has written
 * `UTC` as the zone next to `+01:00` dates), as written. Without `date`, an event earlier in the
 * day than the day's own start (a 01:00 party) belongs to the next calendar date.
 */
export function frabEventStart(
  event: { start: unknown; date: unknown },
  day: FrabDay,
  zones: FrabZones,
  what: string,
): WallClock {
  const time = typeof event.start === 'string' ? normaliseTimeOfDay(event.start) : null;
  if (!time) throw new ProgrammeFormatError(`${what} has no valid start time (${JSON.stringify(event.start ?? '')}); expected HH:MM.`);
  if (typeof event.date === 'string' && event.date.trim()) {
    const moment = parseOffsetDateTime(event.date);
    if (!moment) throw new ProgrammeFormatError(`${what} has the date ${JSON.stringify(event.date)}, which is not a real date and time with an offset.`);
    const inZone = zones.source ? wallClockAt(moment.instant, zones.source) : null;
    if (inZone && inZone.time === time) return inZone;
    return { date: moment.written.date, time };
  }
  if (day.startTime && minutesOfDay(time) < minutesOfDay(day.startTime)) {
    return { date: dateOfDay(day.date, 2), time };
  }
  return { date: day.date, time };
}

/** `HH:MM` or `HH:MM:SS` (hours may exceed 24 for long events); null when absent or unreadable. */
export function frabDurationMinutes(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{1,3}):([0-5]\d)(?::[0-5]\d)?$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
