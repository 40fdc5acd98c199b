import ICAL from 'ical.js';
import { findIana } from 'windows-iana';
import { isCalendarDate, isKnownTimeZone } from '../../../shared/model/calendar';
import { ProgrammeFormatError } from './programme';
import { convertWallClock, wallClockAt, type WallClock } from './zonedTime';

type IcalProperty = InstanceType<typeof ICAL.Property>;
type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;
type IcalTime = InstanceType<typeof ICAL.Time>;

/** A DTSTART/DTEND as the file writes it, before any zone is applied. */
export type RawIcsTime = WallClock & { allDay: boolean; utc: boolean; tzid: string | null };

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(Z?)$/;

/** Reads the value ical.js tokenised without letting it normalise: 2026-02-30 must be refused, not become March 2. */
export function rawIcsTime(property: IcalProperty, what: string): RawIcsTime {
  const value = String(property.jCal[3] ?? '');
  const name = property.name.toUpperCase();
  if (property.type === 'date') {
    if (!isCalendarDate(value)) throw new ProgrammeFormatError(`${what} has ${name} ${compact(value)}, which is not a date that exists.`);
    return { date: value, time: '00:00', allDay: true, utc: false, tzid: null };
  }
  const match = DATE_TIME.exec(value);
  if (!match || !isCalendarDate(match[1])) {
    throw new ProgrammeFormatError(`${what} has ${name} ${compact(value)}, which is not a date and time that exists.`);
  }
  const tzid = property.getParameter('tzid');
  return { date: match[1], time: `${match[2]}:${match[3]}`, allDay: false, utc: match[5] === 'Z', tzid: typeof tzid === 'string' ? tzid : null };
}

/** Shows a value the way the file writes it (20260230T090000), so the user can find it. */
function compact(value: string): string {
  return value.replace(/[-:]/g, '') || '(empty)';
}

/** The same start moved to one occurrence of a recurring event. */
export function occurrenceOf(start: RawIcsTime, occurrence: IcalTime): RawIcsTime {
  const pad = (value: number) => String(value).padStart(2, '0');
  return { ...start, date: `${occurrence.year}-${pad(occurrence.month)}-${pad(occurrence.day)}`, time: `${pad(occurrence.hour)}:${pad(occurrence.minute)}` };
}

/**
 * `Europe/Berlin`, the IANA name at the end of a decorated TZID such as
 * `/mozilla.org/20050126_1/Europe/Berlin`, or the zone a Windows name stands for, as Outlook and
 * Exchange write them ("W. Europe Standard Time": CLDR's mapping, through windows-iana).
 */
export function ianaZoneOf(tzid: string | null | undefined): string | null {
  if (!tzid) return null;
  const trimmed = tzid.trim();
  if (isKnownTimeZone(trimmed)) return trimmed;
  const tail = /([A-Za-z_]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?)$/.exec(trimmed)?.[1];
  if (tail && isKnownTimeZone(tail)) return tail;
  const windows = findIana(trimmed)[0];
  return windows && isKnownTimeZone(windows) ? windows : null;
}

/** Places iCalendar times in the zone the programme is shown in. */
export class IcsClock {
  private readonly definedZones = new Map<string, IcalTimezone>();

  constructor(
    calendars: IcalComponent[],
    readonly targetZone: string,
  ) {
    for (const calendar of calendars) {
      for (const definition of calendar.getAllSubcomponents('vtimezone')) {
        const tzid = definition.getFirstPropertyValue('tzid');
        if (typeof tzid === 'string') this.definedZones.set(tzid, new ICAL.Timezone(definition));
      }
    }
  }

  /**
   * UTC times are converted; floating times and all-day dates are taken as written. A TZID is
   * honoured through the file's VTIMEZONE when it has one, else through the IANA database (many
   * feeds name `Australia/Brisbane` without defining it); any other TZID is refused.
   */
  place(raw: RawIcsTime, what: string): WallClock {
    const written = { date: raw.date, time: raw.time };
    if (raw.allDay) return written;
    if (raw.utc) return wallClockAt(Date.parse(`${raw.date}T${raw.time}:00Z`), this.targetZone);
    if (!raw.tzid || raw.tzid === this.targetZone) return written;
    const defined = this.definedZones.get(raw.tzid);
    if (defined) {
      const [year, month, day] = raw.date.split('-').map(Number);
      const [hour, minute] = raw.time.split(':').map(Number);
      const time = ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false }, defined);
      return wallClockAt(time.toUnixTime() * 1000, this.targetZone);
    }
    const iana = ianaZoneOf(raw.tzid);
    if (iana) return convertWallClock(written, iana, this.targetZone);
    throw new ProgrammeFormatError(`${what} uses the time zone "${raw.tzid}", which is neither an IANA name nor defined in the file (no VTIMEZONE).`);
  }
}
