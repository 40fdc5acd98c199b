import { isCalendarDate, minutesOfDay } from '../../../shared/model/calendar';
import { wallClockAt as venueClockAt, zonedParts } from '../../../shared/model/wallClock';

/**
 * Wall-clock arithmetic in named time zones (reading the zone through shared/model/wallClock),
 * so nothing here depends on the time zone of the machine running the import.
 */
export type WallClock = { date: string; time: string };

const MINUTE = 60_000;

export function wallClockAt(instant: number, zone: string): WallClock {
  const { date, time } = venueClockAt(zone, instant);
  return { date, time };
}

/** Milliseconds east of UTC that `zone` is at `instant`. */
export function offsetAt(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const parts = zonedParts(zone, whole);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - whole;
}

function utcOfWallClock(date: string, time: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) + minutesOfDay(time) * MINUTE;
}

/** The instant a wall-clock time names in `zone`; a time skipped by a DST change moves forward. */
export function instantOf(date: string, time: string, zone: string): number {
  const asUtc = utcOfWallClock(date, time);
  const firstGuess = asUtc - offsetAt(asUtc, zone);
  const offset = offsetAt(firstGuess, zone);
  return asUtc - offset;
}

export function convertWallClock(clock: WallClock, fromZone: string, toZone: string): WallClock {
  if (fromZone === toZone) return clock;
  return wallClockAt(instantOf(clock.date, clock.time, fromZone), toZone);
}

/** Plain calendar arithmetic, for durations in sources whose zone is unknown. */
export function addMinutes(clock: WallClock, minutes: number): WallClock {
  const moved = new Date(utcOfWallClock(clock.date, clock.time) + minutes * MINUTE).toISOString();
  return { date: moved.slice(0, 10), time: moved.slice(11, 16) };
}

const OFFSET_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** No zone on Earth is further from UTC than this (Kiribati is +14:00; ISO 8601 allows ±18:00). */
const MAX_OFFSET_MINUTES = 18 * 60;

export type OffsetDateTime = {
  instant: number;
  written: WallClock;
  /** Minutes east of UTC, as written. */
  offsetMinutes: number;
  /** False for an offset no clock can show (`+9999`, `+25:00`): the instant is then meaningless. */
  validOffset: boolean;
};

/** An ISO 8601 date-time with an offset, as schedule.xml and schedule.json write them; null if it is not one. */
export function parseOffsetDateTime(value: string): OffsetDateTime | null {
  const match = OFFSET_DATE_TIME.exec(value.trim());
  if (!match || !isCalendarDate(match[1])) return null;
  const [, date, hours, minutes, seconds, offset] = match;
  const time = `${hours}:${minutes}`;
  let offsetMinutes = 0;
  let validOffset = true;
  if (offset.toUpperCase() !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const [hourPart, minutePart] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || 0)];
    offsetMinutes = sign * (hourPart * 60 + minutePart);
    validOffset = minutePart < 60 && Math.abs(offsetMinutes) <= MAX_OFFSET_MINUTES;
  }
  const instant = utcOfWallClock(date, time) + Number(seconds ?? 0) * 1000 - offsetMinutes * MINUTE;
  return { instant, written: { date, time }, offsetMinutes, validOffset };
}

/** `HH:MM` or `HH:MM:SS` (hours may be one digit) to `HH:MM`; null if it is not a time of day. */
export function normaliseTimeOfDay(value: string): string | null {
  const match = /^(\d{1,2}):([0-5]\d)(?::[0-5]\d)?$/.exec(value.trim());
  if (!match || Number(match[1]) > 23) return null;
  return `${match[1].padStart(2, '0')}:${match[2]}`;
}
