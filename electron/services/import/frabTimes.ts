import { dateOfDay, isCalendarDate, isKnownTimeZone, minutesOfDay } from '../../../shared/model/calendar';
import { ProgrammeFormatError, type ParseOptions } from './programme';
import { sessionLabel, type ProgrammeWarnings } from './programmeWarnings';
import { inferredZoneMessage, zoneMatchingOffsets, type OffsetSample } from './zoneFromOffsets';
import { convertWallClock, normaliseTimeOfDay, parseOffsetDateTime, wallClockAt, type WallClock } from './zonedTime';

/**
 * Time rules shared by schedule.xml and schedule.json v1, which describe an event the same way:
 * `start` is its wall-clock time in the conference's zone, `date` (ISO 8601 with an offset) the
 * moment it begins, and `duration` its length. A `<day>` is the programme's day, which at a
 * congress runs past midnight (36C3: 11:00 to 04:00 the next morning).
 */
export type FrabZones = {
  /** The zone the file's wall-clock times are in, when the file names one or its offsets show it. */
  source: string | null;
  /** The zone the imported times are shown in. */
  target: string;
  /** The file names `source` (rather than its offsets showing it). */
  named: boolean;
};

/** A moment with an offset whose written time is the event's local start, so the offset is the venue's. */
export function offsetSampleOf(moment: string | undefined, localStart: string | undefined): OffsetSample | null {
  const parsed = moment ? parseOffsetDateTime(moment) : null;
  if (!parsed || !parsed.validOffset) return null;
  if (localStart !== undefined && parsed.written.time !== normaliseTimeOfDay(localStart)) return null;
  return { instant: parsed.instant, offsetMinutes: parsed.offsetMinutes };
}

/**
 * The file's zone: the one it names, else the one its offsets show. Offsets of +00:00 alone
 * prove nothing (generators write `+00:00` next to local times), so they are not trusted and the
 * times are taken as written, with a word in the preview.
 */
export function frabZones(declared: unknown, options: ParseOptions, samples: OffsetSample[], warnings: ProgrammeWarnings): FrabZones {
  const named = typeof declared === 'string' && isKnownTimeZone(declared.trim()) ? declared.trim() : null;
  let source = named;
  if (!source) {
    const telling = samples.filter((sample) => sample.offsetMinutes !== 0);
    source = zoneMatchingOffsets(telling);
    if (source) warnings.add(inferredZoneMessage(source, telling));
    else if (samples.length > 0 && telling.length === 0) {
      warnings.add('The file names no time zone and writes every time as UTC (+00:00) although its start times read as local times; they are taken as written. Choose the venue’s zone.');
    }
  }
  return { source, target: options.timeZone ?? source ?? 'UTC', named: named !== null };
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
export function frabDay(day: { date?: string; start?: string }, zones: FrabZones, what: string, warnings: ProgrammeWarnings): FrabDay {
  let start = day.start ? parseOffsetDateTime(day.start) : null;
  if (start && !start.validOffset) {
    warnings.add(`${what} starts at ${JSON.stringify(day.start)}, whose UTC offset no clock shows; its date is used instead.`);
    start = null;
  }
  if (start && zones.source) {
    const local = wallClockAt(start.instant, zones.source);
    return { date: local.date, startTime: local.time };
  }
  if (day.date && isCalendarDate(day.date.trim())) return { date: day.date.trim(), startTime: start?.written.time ?? null };
  if (start) return { date: start.written.date, startTime: start.written.time };
  throw new ProgrammeFormatError(`${what} has no valid date (${JSON.stringify(day.date ?? '')}); dates are written YYYY-MM-DD and must exist.`);
}

/** Where an event lies: its wall-clock start in the file's zone, and the programme day that lists it. */
export type FrabStart = { start: WallClock; programmeDate: string };

/**
 * The wall-clock start of an event in the file's zone. `start` gives the time; the date comes from
 * `date`, read in the conference zone and, if that disagrees with `start` (pretalx has written
 * `UTC` as the zone next to `+01:00` dates), as written. Without `date`, an event earlier in the
 * day than the day's own start (a 01:00 party) is on the next calendar date. Either way it stays
 * in the programme day that lists it.
 */
export function frabEventStart(
  event: { start: unknown; date: unknown },
  day: FrabDay,
  zones: FrabZones,
  names: { what: string; title: string },
  warnings: ProgrammeWarnings,
): FrabStart {
  const { what, title } = names;
  const time = typeof event.start === 'string' ? normaliseTimeOfDay(event.start) : null;
  if (!time) throw new ProgrammeFormatError(`${what} has no valid start time (${JSON.stringify(event.start ?? '')}); expected HH:MM.`);
  const programmeDate = day.date;
  if (typeof event.date === 'string' && event.date.trim()) {
    const moment = parseOffsetDateTime(event.date);
    if (!moment) throw new ProgrammeFormatError(`${what} has the date ${JSON.stringify(event.date)}, which is not a real date and time with an offset.`);
    if (moment.validOffset) {
      const inZone = zones.source ? wallClockAt(moment.instant, zones.source) : null;
      if (inZone && inZone.time === time) return { start: inZone, programmeDate };
      return { start: { date: moment.written.date, time }, programmeDate };
    }
    warnings.add(
      `These sessions have a date whose UTC offset no clock shows (such as ${JSON.stringify(event.date.trim().slice(19))}); their start time and day in the programme are used instead.`,
      sessionLabel(title, programmeDate, time),
    );
  }
  if (day.startTime && minutesOfDay(time) < minutesOfDay(day.startTime)) {
    return { start: { date: dateOfDay(day.date, 2), time }, programmeDate };
  }
  return { start: { date: day.date, time }, programmeDate };
}

/**
 * `HH:MM` or `HH:MM:SS` (hours may exceed 24 for long events); null when absent. A duration that
 * is not a length of time (`99:99`) is null too, and the preview names the session.
 */
export function frabDurationMinutes(value: unknown, label: string, warnings: ProgrammeWarnings): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const match = /^(\d{1,3}):([0-5]\d)(?::[0-5]\d)?$/.exec(value.trim());
  if (match) return Number(match[1]) * 60 + Number(match[2]);
  warnings.add(`These sessions have a duration that is not a length of time written HH:MM (the file says ${JSON.stringify(value.trim().slice(0, 20))}); they were imported without an end time.`, label);
  return null;
}
