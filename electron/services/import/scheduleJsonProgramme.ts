import type { output } from 'zod';
import { formatPath, invalidJson, localized, validated } from './jsonValues';
import { singleLine } from './plainText';
import { importedSession } from './importedSession';
import { ProgrammeFormatError, type ImportedSession, type ParseOptions, type ProgrammeDraft } from './programme';
import { frabDay, frabDurationMinutes, frabEventStart, frabZones, offsetSampleOf, toTargetZone, type FrabDay, type FrabZones } from './frabTimes';
import { dayV1Schema, dayV2Schema, scheduleFileSchema, type EventV1, type EventV2, type ScheduleFile } from './scheduleJsonSchema';
import { sessionLabel, type ProgrammeWarnings } from './programmeWarnings';
import type { OffsetSample } from './zoneFromOffsets';
import { addMinutes, parseOffsetDateTime, wallClockAt, type WallClock } from './zonedTime';

const CANCELLED_STATES = new Set(['CANCELED', 'CANCELLED', 'WITHDRAWN', 'DELETED', 'REJECTED']);

const invalid = (problems: string[]) => invalidJson('schedule.json', problems);

/** c3voc schedule.json: v1 (frab, pretalx: events inside days and rooms) and v2 (hub: `schedule.events`). */
export function parseScheduleJson(value: unknown, options: ParseOptions, warnings: ProgrammeWarnings): ProgrammeDraft {
  const problems: string[] = [];
  const file = validated(scheduleFileSchema, value, [], problems);
  if (!file) throw invalid(problems);
  const { conference } = file.schedule;
  const hasV1Days = conference.days.some((day) => 'rooms' in day);
  if (hasV1Days && 'rooms' in file.schedule) {
    problems.push('schedule.rooms is not part of the format (version 1 lists rooms in schedule.conference.rooms)');
  }
  const days = conference.days.map((rawDay, index) => {
    const path = ['schedule', 'conference', 'days', index];
    return 'rooms' in rawDay
      ? { path, v1: validated(dayV1Schema, rawDay, path, problems) }
      : { path, v2: validated(dayV2Schema, rawDay, path, problems) };
  });
  if (problems.length > 0) throw invalid(problems);
  const events = file.schedule.events ?? [];
  const zones = frabZones(conference.time_zone_name, options, offsetSamples(days, events), warnings);

  const declaredDates: string[] = [];
  const sessions: ImportedSession[] = [];
  const dayRanges: DayRange[] = [];
  for (const { path, v1, v2 } of days) {
    if (v1) {
      const declared = frabDay({ date: v1.date, start: v1.day_start }, zones, formatPath(path), warnings);
      declaredDates.push(declared.date);
      for (const [roomName, roomEvents] of Object.entries(v1.rooms)) {
        for (const event of roomEvents) sessions.push(sessionOfV1(event, roomName, declared, zones, warnings));
      }
    } else if (v2) {
      const declared = frabDay({ date: v2.date, start: v2.start }, zones, formatPath(path), warnings);
      declaredDates.push(declared.date);
      const [from, to] = [parseOffsetDateTime(v2.start), parseOffsetDateTime(v2.end)];
      if (from?.validOffset && to?.validOffset) dayRanges.push({ date: declared.date, from: from.instant, to: to.instant });
    }
  }
  sessions.push(...events.map((event) => sessionOfV2(event, file, zones, dayRanges, warnings)));
  return {
    sourceFormat: 'schedule-json',
    title: singleLine(conference.title, 300) || undefined,
    timezone: zones.target,
    timezoneFromFile: zones.named,
    declaredDates,
    sessions,
  };
}

/** A v2 programme day, from its start to its end (a congress day ends the next morning). */
type DayRange = { date: string; from: number; to: number };

type ValidatedDay = { v1?: output<typeof dayV1Schema> | null; v2?: output<typeof dayV2Schema> | null };

/** The moments the file writes with the venue's offset: day starts, v1 event dates, v2 event starts. */
function offsetSamples(days: ValidatedDay[], events: EventV2[]): OffsetSample[] {
  const samples = [
    ...days.flatMap(({ v1, v2 }) => [
      offsetSampleOf(v1?.day_start ?? v2?.start, undefined),
      ...Object.values(v1?.rooms ?? {}).flat().map((event) => offsetSampleOf(event.date, event.start)),
    ]),
    ...events.map((event) => offsetSampleOf(event.start, undefined)),
  ];
  return samples.filter((sample) => sample !== null);
}

function sessionOfV1(event: EventV1, roomName: string, day: FrabDay, zones: FrabZones, warnings: ProgrammeWarnings): ImportedSession {
  const what = `event ${JSON.stringify(singleLine(event.title, 80))} (${event.guid})`;
  const { start, programmeDate } = frabEventStart(event, day, zones, { what, title: singleLine(event.title, 80) }, warnings);
  const minutes = frabDurationMinutes(event.duration, sessionLabel(singleLine(event.title, 80), start.date, start.time), warnings);
  const end = minutes === null ? null : addMinutes(start, minutes);
  return importedSession({
    sourceId: event.guid || String(event.id),
    start: toTargetZone(start, zones),
    end: end && toTargetZone(end, zones),
    programmeDate,
    title: event.title,
    kindHints: [event.type, event.track],
    room: event.room || roomName,
    speakers: event.persons.map((person) => ({ name: String(person.name ?? person.public_name ?? '') })),
    track: event.track,
    description: joinTexts(event.abstract, event.description),
  }, warnings);
}

function sessionOfV2(event: EventV2, file: ScheduleFile, zones: FrabZones, days: DayRange[], warnings: ProgrammeWarnings): ImportedSession {
  const what = `event ${JSON.stringify(singleLine(event.title, 80))}${event.guid ? ` (${event.guid})` : ''}`;
  const { rooms = [], tracks = [] } = file.schedule.conference;
  const reference = event.track;
  const track = typeof reference === 'string' ? reference : reference ? (tracks.find((candidate) => candidate.slug === reference.slug)?.name ?? reference.slug) : '';
  const label = singleLine(event.title, 80);
  const startsAt = parseOffsetDateTime(event.start);
  return importedSession({
    sourceId: event.guid ?? '',
    start: momentIn(event.start, zones, `${what} start`, label, warnings),
    end: momentIn(event.end, zones, `${what} end`, label, warnings),
    programmeDate: startsAt?.validOffset ? days.find((day) => day.from <= startsAt.instant && startsAt.instant < day.to)?.date : undefined,
    title: event.title,
    kindHints: [event.type, track],
    room: event.room ? (rooms.find((room) => room.guid === event.room?.guid)?.name ?? event.room.name ?? '') : '',
    speakers: (event.participants ?? []).map((participant) => ({ name: participant.name })),
    track,
    description: joinTexts(localized(event.abstract), localized(event.description)),
    cancelled: CANCELLED_STATES.has((event.state ?? '').toUpperCase()),
  }, warnings);
}

/** v2 times are moments; shown in the conference zone, or as written when its zone is unknown or its offset impossible. */
function momentIn(value: string, zones: FrabZones, what: string, title: string, warnings: ProgrammeWarnings): WallClock {
  const moment = parseOffsetDateTime(value);
  if (!moment) throw new ProgrammeFormatError(`${what} is ${JSON.stringify(value)}, which is not a real date and time with an offset.`);
  if (!moment.validOffset) {
    warnings.add(
      `These sessions have a time whose UTC offset no clock shows (such as ${JSON.stringify(value.trim().slice(19))}); the time is taken as written.`,
      sessionLabel(title, moment.written.date, moment.written.time),
    );
    return moment.written;
  }
  return zones.source ? wallClockAt(moment.instant, zones.target) : moment.written;
}

function joinTexts(...parts: (string | null | undefined)[]): string {
  return parts.filter((part, index): part is string => Boolean(part) && parts.indexOf(part) === index).join('\n\n');
}
