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
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallClockAt(timeZone: string, instant: number): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const hour = parts.hour === '24' ? '00' : parts.hour;
  const time = `${hour}:${parts.minute}`;
  return { date: `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`, time, minutes: Number(hour) * 60 + Number(parts.minute) };
}
