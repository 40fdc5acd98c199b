/**
 * Calendar arithmetic on plain `YYYY-MM-DD` dates and `HH:MM` wall-clock times.
 * Sessions are stored as (day, local time) in the event's time zone, so none of this
 * depends on the laptop's own time zone.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MILLISECONDS_PER_DAY = 86_400_000;

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isWallClockTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function toUtcMilliseconds(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

/** Number of days from `startDate` to `endDate` inclusive (1 for a one-day event). */
export function dayCount(startDate: string, endDate: string): number {
  return Math.round((toUtcMilliseconds(endDate) - toUtcMilliseconds(startDate)) / MILLISECONDS_PER_DAY) + 1;
}

/** The calendar date of day `dayNumber` (1-based) of an event starting on `startDate`. */
export function dateOfDay(startDate: string, dayNumber: number): string {
  return new Date(toUtcMilliseconds(startDate) + (dayNumber - 1) * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
