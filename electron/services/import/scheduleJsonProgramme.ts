import type { ZodType, output } from 'zod';
import { singleLine } from './plainText';
import { importedSession } from './importedSession';
import { ProgrammeFormatError, type ImportedSession, type ParseOptions, type ProgrammeDraft } from './programme';
import { frabDay, frabDurationMinutes, frabEventStart, frabZones, toTargetZone, type FrabDay, type FrabZones } from './frabTimes';
import { dayV1Schema, dayV2Schema, scheduleFileSchema, type EventV1, type EventV2, type ScheduleFile } from './scheduleJsonSchema';
import { addMinutes, parseOffsetDateTime, wallClockAt, type WallClock } from './zonedTime';

const MAX_LISTED_PROBLEMS = 3;
const CANCELLED_STATES = new Set(['CANCELED', 'CANCELLED', 'WITHDRAWN', 'DELETED', 'REJECTED']);

/** c3voc schedule.json: v1 (frab, pretalx: events inside days and rooms) and v2 (hub: `schedule.events`). */
export function parseScheduleJson(text: string, options: ParseOptions): ProgrammeDraft {
  const problems: string[] = [];
  const file = validated(scheduleFileSchema, parseJson(text), [], problems);
  if (!file) throw invalid(problems);
  const { conference } = file.schedule;
  const zones = frabZones(conference.time_zone_name, options);
  const hasV1Days = conference.days.some((day) => 'rooms' in day);
  if (hasV1Days && 'rooms' in file.schedule) {
    problems.push('schedule.rooms is not part of the format (version 1 lists rooms in schedule.conference.rooms)');
  }
  const declaredDates: string[] = [];
  const sessions: ImportedSession[] = [];
  conference.days.forEach((rawDay, index) => {
    const path = ['schedule', 'conference', 'days', index];
    if ('rooms' in rawDay) {
      const day = validated(dayV1Schema, rawDay, path, problems);
      if (!day) return;
      const declared = frabDay({ date: day.date, start: day.day_start }, zones, formatPath(path));
      declaredDates.push(declared.date);
      for (const [roomName, events] of Object.entries(day.rooms)) {
        for (const event of events) sessions.push(sessionOfV1(event, roomName, declared, zones));
      }
    } else {
      const day = validated(dayV2Schema, rawDay, path, problems);
      if (day) declaredDates.push(frabDay({ date: day.date, start: day.start }, zones, formatPath(path)).date);
    }
  });
  if (problems.length > 0) throw invalid(problems);
  sessions.push(...(file.schedule.events ?? []).map((event) => sessionOfV2(event, file, zones)));
  return {
    sourceFormat: 'schedule-json',
    title: singleLine(conference.title, 300) || undefined,
    timezone: zones.target,
    timezoneFromFile: zones.source !== null,
    declaredDates,
    sessions,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const truncated = /end of (JSON|data)|Unterminated/i.test(message) ? '; the file looks truncated' : '';
    throw new ProgrammeFormatError(`it is not valid JSON (${message})${truncated}.`);
  }
}

function validated<Schema extends ZodType>(schema: Schema, value: unknown, path: (string | number)[], problems: string[]): output<Schema> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push(`${formatPath([...path, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))])}: ${issue.message.replace(/^Invalid input: /, '')}`);
  }
  return null;
}

/** `schedule.conference.days[0].rooms["Gray Room"][2].id` */
function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    if (/^[A-Za-z_$][\w$]*$/.test(key)) return text ? `${text}.${key}` : key;
    return `${text}[${JSON.stringify(key)}]`;
  }, '') || 'the top level';
}

function invalid(problems: string[]): ProgrammeFormatError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  const more = problems.length > MAX_LISTED_PROBLEMS ? ` (and ${problems.length - MAX_LISTED_PROBLEMS} more problems)` : '';
  return new ProgrammeFormatError(`it is not a valid schedule.json: ${listed}${more}.`);
}

function sessionOfV1(event: EventV1, roomName: string, day: FrabDay, zones: FrabZones): ImportedSession {
  const what = `event ${JSON.stringify(singleLine(event.title, 80))} (${event.guid})`;
  const start = frabEventStart(event, day, zones, what);
  const minutes = frabDurationMinutes(event.duration);
  const end = minutes === null ? null : addMinutes(start, minutes);
  return importedSession({
    sourceId: event.guid || String(event.id),
    start: toTargetZone(start, zones),
    end: end && toTargetZone(end, zones),
    title: event.title,
    kindHints: [event.type, event.track],
    room: event.room || roomName,
    speakers: event.persons.map((person) => ({ name: String(person.name ?? person.public_name ?? '') })),
    track: event.track,
    description: joinTexts(event.abstract, event.description),
  });
}

function sessionOfV2(event: EventV2, file: ScheduleFile, zones: FrabZones): ImportedSession {
  const what = `event ${JSON.stringify(singleLine(event.title, 80))}${event.guid ? ` (${event.guid})` : ''}`;
  const { rooms = [], tracks = [] } = file.schedule.conference;
  const reference = event.track;
  const track = typeof reference === 'string' ? reference : reference ? (tracks.find((candidate) => candidate.slug === reference.slug)?.name ?? reference.slug) : '';
  return importedSession({
    sourceId: event.guid ?? '',
    start: momentIn(event.start, zones, `${what} start`),
    end: momentIn(event.end, zones, `${what} end`),
    title: event.title,
    kindHints: [event.type, track],
    room: event.room ? (rooms.find((room) => room.guid === event.room?.guid)?.name ?? event.room.name ?? '') : '',
    speakers: (event.participants ?? []).map((participant) => ({ name: participant.name })),
    track,
    description: joinTexts(localized(event.abstract), localized(event.description)),
    cancelled: CANCELLED_STATES.has((event.state ?? '').toUpperCase()),
  });
}

/** v2 times are moments; shown in the conference zone, or as written when the file names none. */
function momentIn(value: string, zones: FrabZones, what: string): WallClock {
  const moment = parseOffsetDateTime(value);
  if (!moment) throw new ProgrammeFormatError(`${what} is ${JSON.stringify(value)}, which is not a real date and time with an offset.`);
  return zones.source ? wallClockAt(moment.instant, zones.target) : moment.written;
}

function localized(value: string | Record<string, string> | null | undefined): string {
  if (!value || typeof value === 'string') return value ?? '';
  return value.en ?? Object.values(value)[0] ?? '';
}

function joinTexts(...parts: (string | null | undefined)[]): string {
  return parts.filter((part, index): part is string => Boolean(part) && parts.indexOf(part) === index).join('\n\n');
}
