import ICAL from 'ical.js';
import { dateOfDay } from '../../../shared/model/calendar';
import { IcsSpeakers } from './icsSpeakers';
import { inferredZoneMessage, zoneMatchingOffsets } from './zoneFromOffsets';
import { singleLine } from './plainText';
import { importedSession } from './importedSession';
import { ProgrammeFormatError, type ImportedSession, type ParseOptions, type ProgrammeDraft } from './programme';
import { IcsClock, ianaZoneOf, occurrenceOf, rawIcsTime, type RawIcsTime } from './icsTimes';
import { MAX_PROGRAMME_SESSIONS } from './finishProgramme';
import { sessionLabel, type ProgrammeWarnings } from './programmeWarnings';
import { addMinutes, type WallClock } from './zonedTime';

type IcalComponent = InstanceType<typeof ICAL.Component>;

/** A recurring session is expanded over at most this span; no event lasts longer. */
const RECURRENCE_HORIZON_DAYS = 32;
const MAX_OCCURRENCES = 500;

/**
 * Sessions still allowed before the file holds more than an event can. Recurring events are
 * expanded against it as they go, so 2,000 `FREQ=MINUTELY` rules stop after 5,001 sessions
 * instead of building a million first.
 */
type SessionBudget = { remaining: number };

/** An iCalendar (RFC 5545) programme, read with ical.js (folding, escaping, parameters, recurrence). */
export function parseIcs(text: string, options: ParseOptions, warnings: ProgrammeWarnings): ProgrammeDraft {
  const calendars = readCalendars(text);
  const events = calendars.flatMap((calendar) => calendar.getAllSubcomponents('vevent'));
  if (events.length === 0) throw new ProgrammeFormatError('the calendar contains no events (VEVENT).');
  const namedZone = calendarZoneOf(calendars, events);
  const fileZone = namedZone ?? zoneOfDefinitions(calendars, events, warnings);
  const clock = new IcsClock(calendars, options.timeZone ?? fileZone ?? 'UTC');
  const speakers = new IcsSpeakers(calendars, events);
  const rescheduled = new Set(events.filter((event) => event.hasProperty('recurrence-id')).map((event) => occurrenceId(event, rawOf(event, 'recurrence-id')!)));
  const calendar = calendars[0];
  const budget: SessionBudget = { remaining: MAX_PROGRAMME_SESSIONS - events.filter((event) => !event.hasProperty('rrule')).length };
  if (budget.remaining < 0) throw tooManySessions();
  return {
    sourceFormat: 'ics',
    title: singleLine(stringOf(calendar.getFirstPropertyValue('x-wr-calname')) || stringOf(calendar.getFirstPropertyValue('x-wr-caldesc')), 300) || undefined,
    timezone: clock.targetZone,
    timezoneFromFile: namedZone !== null,
    declaredDates: [],
    sessions: events.flatMap((event) => sessionsOf(event, clock, rescheduled, speakers, budget, warnings)),
  };
}

function readCalendars(text: string): IcalComponent[] {
  // Checked first: cut mid-line, ical.js would complain about the broken line instead.
  if (!/END:VCALENDAR\s*$/i.test(text.slice(-200))) {
    throw new ProgrammeFormatError('the calendar ends before END:VCALENDAR; the file looks truncated.');
  }
  let parsed: unknown[];
  try {
    parsed = ICAL.parse(text) as unknown[];
  } catch (error) {
    const message = (error as Error).message;
    if (/began but did not end/.test(message)) {
      throw new ProgrammeFormatError('the calendar ends before END:VCALENDAR (or an END:VEVENT is missing); the file looks truncated.');
    }
    throw new ProgrammeFormatError(`the iCalendar data is malformed: ${message}.`);
  }
  const all = (Array.isArray(parsed[0]) ? parsed : [parsed]) as ConstructorParameters<typeof ICAL.Component>[0][];
  const calendars = all.map((jcal) => new ICAL.Component(jcal)).filter((component) => component.name === 'vcalendar');
  if (calendars.length === 0) throw new ProgrammeFormatError('it has no VCALENDAR.');
  return calendars;
}

/** X-WR-TIMEZONE, else the IANA zone most DTSTARTs name (directly or through a VTIMEZONE's X-LIC-LOCATION). */
function calendarZoneOf(calendars: IcalComponent[], events: IcalComponent[]): string | null {
  for (const calendar of calendars) {
    const declared = ianaZoneOf(stringOf(calendar.getFirstPropertyValue('x-wr-timezone')));
    if (declared) return declared;
  }
  const locations = new Map<string, string>();
  for (const definition of calendars.flatMap((calendar) => calendar.getAllSubcomponents('vtimezone'))) {
    const location = ianaZoneOf(stringOf(definition.getFirstPropertyValue('x-lic-location')));
    if (location) locations.set(stringOf(definition.getFirstPropertyValue('tzid')), location);
  }
  const counts = new Map<string, number>();
  for (const event of events) {
    const tzid = event.getFirstProperty('dtstart')?.getParameter('tzid');
    const zone = typeof tzid === 'string' ? (locations.get(tzid) ?? ianaZoneOf(tzid)) : null;
    if (zone) counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * A calendar whose VTIMEZONE has a made-up name ("Venue Time") and no X-LIC-LOCATION still writes
 * its offsets: the zone whose clocks show those offsets at the events' times is the venue's, so
 * local times are not labelled UTC. The preview says it was worked out.
 */
function zoneOfDefinitions(calendars: IcalComponent[], events: IcalComponent[], warnings: ProgrammeWarnings): string | null {
  const definitions = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  for (const definition of calendars.flatMap((calendar) => calendar.getAllSubcomponents('vtimezone'))) {
    const tzid = definition.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string') definitions.set(tzid, new ICAL.Timezone(definition));
  }
  const samples = events.slice(0, 500).flatMap((event) => {
    const start = event.getFirstProperty('dtstart');
    const tzid = start?.getParameter('tzid');
    const definition = typeof tzid === 'string' ? definitions.get(tzid) : undefined;
    const value = start?.getFirstValue();
    if (!definition || !(value instanceof ICAL.Time) || value.isDate) return [];
    const local = ICAL.Time.fromData({ year: value.year, month: value.month, day: value.day, hour: value.hour, minute: value.minute, second: 0, isDate: false }, definition);
    const instant = local.toUnixTime() * 1000;
    const asUtc = Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute);
    return [{ instant, offsetMinutes: Math.round((asUtc - instant) / 60_000) }];
  });
  const telling = samples.filter((sample) => sample.offsetMinutes !== 0);
  const zone = zoneMatchingOffsets(telling);
  if (zone) warnings.add(inferredZoneMessage(zone, telling));
  return zone;
}

function sessionsOf(
  event: IcalComponent,
  clock: IcsClock,
  rescheduled: Set<string>,
  people: IcsSpeakers,
  budget: SessionBudget,
  warnings: ProgrammeWarnings,
): ImportedSession[] {
  const summary = stringOf(event.getFirstPropertyValue('summary'));
  const what = `event ${JSON.stringify(singleLine(summary, 80) || stringOf(event.getFirstPropertyValue('uid')))}`;
  const start = rawOf(event, 'dtstart', what);
  if (!start) throw new ProgrammeFormatError(`${what} has no DTSTART.`);
  const length = lengthInMinutes(event, start, clock, what);
  const description = stringOf(event.getFirstPropertyValue('description')) || stringOf(event.getFirstPropertyValue('x-alt-desc'));
  const categories = event.getAllProperties('categories').flatMap((property) => property.getValues().map(stringOf));
  const { title, speakers } = people.of(event, summary, description);
  const details = {
    title,
    kindHints: categories,
    room: stringOf(event.getFirstPropertyValue('location')),
    speakers,
    track: categories[0],
    description,
    cancelled: stringOf(event.getFirstPropertyValue('status')).toUpperCase() === 'CANCELLED',
  };
  const session = (slot: RawIcsTime, sourceId: string): ImportedSession => {
    const placed = clock.place(slot, what);
    return importedSession({ ...details, sourceId, start: placed, end: length === null ? null : addMinutes(placed, length) }, warnings);
  };
  const recurrenceId = rawOf(event, 'recurrence-id', what);
  if (recurrenceId) return [session(start, occurrenceId(event, recurrenceId))];
  if (!event.hasProperty('rrule')) return [session(start, stringOf(event.getFirstPropertyValue('uid')))];
  const label = sessionLabel(singleLine(title, 80) || 'Untitled session', start.date, start.time);
  return occurrencesOf(event, start, budget, label, warnings)
    .filter((slot) => !rescheduled.has(occurrenceId(event, slot)))
    .map((slot) => session(slot, occurrenceId(event, slot)));
}

/** Expands a recurring event, stopping at 500 occurrences, 32 days, or the file's session budget. */
function occurrencesOf(event: IcalComponent, start: RawIcsTime, budget: SessionBudget, label: string, warnings: ProgrammeWarnings): RawIcsTime[] {
  const horizon = dateOfDay(start.date, RECURRENCE_HORIZON_DAYS);
  const iterator = new ICAL.Event(event).iterator();
  const slots: RawIcsTime[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) {
    const slot = occurrenceOf(start, next);
    if (slot.date > horizon) {
      warnings.add(`These sessions repeat for more than ${RECURRENCE_HORIZON_DAYS - 1} days; only the occurrences in the first ${RECURRENCE_HORIZON_DAYS - 1} days were imported.`, label);
      break;
    }
    if (slots.length === MAX_OCCURRENCES) {
      const frequency = stringOf(event.getFirstPropertyValue('rrule') && (event.getFirstPropertyValue('rrule') as { freq?: string }).freq);
      warnings.add(`These sessions repeat more than ${MAX_OCCURRENCES} times${frequency ? ` (FREQ=${frequency})` : ''}; only their first ${MAX_OCCURRENCES} occurrences were imported.`, label);
      break;
    }
    budget.remaining -= 1;
    if (budget.remaining < 0) throw tooManySessions();
    slots.push(slot);
  }
  return slots;
}

function tooManySessions(): ProgrammeFormatError {
  return new ProgrammeFormatError(`it has more than ${MAX_PROGRAMME_SESSIONS} sessions once its repeating events are counted; an event holds at most ${MAX_PROGRAMME_SESSIONS}.`);
}

/** From DTEND (which may name another zone than DTSTART) or DURATION; all-day events get no length. */
function lengthInMinutes(event: IcalComponent, start: RawIcsTime, clock: IcsClock, what: string): number | null {
  if (start.allDay) return null;
  const end = rawOf(event, 'dtend', what);
  if (end) return end.allDay ? null : minutesBetween(clock.place(start, what), clock.place(end, what));
  const duration = event.getFirstPropertyValue('duration');
  return duration instanceof ICAL.Duration ? Math.round(duration.toSeconds() / 60) : null;
}

function minutesBetween(from: WallClock, to: WallClock): number {
  return (Date.parse(`${to.date}T${to.time}:00Z`) - Date.parse(`${from.date}T${from.time}:00Z`)) / 60_000;
}

function rawOf(event: IcalComponent, name: string, what = 'an event'): RawIcsTime | null {
  const property = event.getFirstProperty(name);
  return property ? rawIcsTime(property, what) : null;
}

/** Stable across re-imports: the UID plus the slot's original start as the file writes it. */
function occurrenceId(event: IcalComponent, slot: RawIcsTime): string {
  return `${stringOf(event.getFirstPropertyValue('uid'))}@${slot.date}T${slot.time}`;
}

function stringOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return stringOf(value[0]);
  return value === null || value === undefined ? '' : String(value);
}
