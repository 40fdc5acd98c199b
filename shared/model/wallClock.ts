/**
 * What a clock on the wall of the venue shows at an instant: the date and time in the
 * event's time zone, read with Intl so the laptop's own zone never enters into it.
 */
export type WallClock = { date: string; time: string; minutes: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The calendar fields of an instant in `timeZone`, as numbers (month 1–12, hour 0–23). */
export function zonedParts(timeZone: string, instant: number): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function wallClockAt(timeZone: string, instant: number): WallClock {
  const { year, month, day, hour, minute } = zonedParts(timeZone, instant);
  return { date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, time: `${pad(hour)}:${pad(minute)}`, minutes: hour * 60 + minute };
}
