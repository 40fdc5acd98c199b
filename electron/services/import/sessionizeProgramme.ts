import { z } from 'zod';
import { isKnownTimeZone } from '../../../shared/model/calendar';
import { importedSession } from './importedSession';
import { invalidJson, isObject, localized, validated } from './jsonValues';
import { singleLine } from './plainText';
import type { ImportedSession, ParseOptions, ProgrammeDraft } from './programme';
import { sessionLabel, type ProgrammeWarnings } from './programmeWarnings';
import { inferredZoneMessage, zoneMatchingOffsets } from './zoneFromOffsets';
import { parseOffsetDateTime, wallClockAt, type WallClock } from './zonedTime';

/**
 * Sessionize's JSON exports (its API's "All data", and the "Schedule grid" and "Sessions" lists).
 * Only the fields an import reads are checked; Sessionize adds fields freely.
 */
const id = z.union([z.string(), z.number()]).transform(String);
const text = z.unknown().transform(localized);
const sessionSchema = z.looseObject({
  id,
  title: text,
  description: z.unknown().optional().transform(localized),
  startsAt: z.string().nullish(),
  endsAt: z.string().nullish(),
  isServiceSession: z.boolean().optional(),
  isPlenumSession: z.boolean().optional(),
  /** "All data" lists speaker ids; the grid and list exports `{ id, name }`. */
  speakers: z.array(z.union([id, z.looseObject({ id: id.optional(), name: text })])).optional(),
  categoryItems: z.array(id).optional(),
  categories: z.array(z.looseObject({ name: text.optional(), categoryItems: z.array(z.looseObject({ name: text })).optional() })).optional(),
  roomId: id.nullish(),
  room: z.unknown().optional().transform(localized),
  status: z.string().nullish(),
});
type SessionizeSession = z.output<typeof sessionSchema>;

const allDataSchema = z.looseObject({
  sessions: z.array(sessionSchema),
  speakers: z.array(z.looseObject({ id, fullName: text.optional(), firstName: text.optional(), lastName: text.optional(), tagLine: z.unknown().optional().transform(localized) })).optional(),
  categories: z.array(z.looseObject({ id, title: text.optional(), items: z.array(z.looseObject({ id, name: text })).optional() })).optional(),
  rooms: z.array(z.looseObject({ id, name: text })).optional(),
});
const gridSchema = z.array(z.looseObject({ rooms: z.array(z.looseObject({ id: id.optional(), name: text, sessions: z.array(sessionSchema) })) }));
const listSchema = z.array(z.looseObject({ sessions: z.array(sessionSchema) }));

/** "All data": `{ sessions, speakers, categories, rooms }`, with sessions referring to the rest by id. */
export function isSessionizeAllData(value: unknown): boolean {
  return isObject(value) && Array.isArray(value.sessions) && (Array.isArray(value.speakers) || Array.isArray(value.rooms)) && !('schedule' in value);
}

/** The grid (`[{ date, rooms: [{ sessions }] }]`) and the list (`[{ groupName, sessions }]`). */
export function isSessionizeList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isObject(item) && (Array.isArray(item.sessions) || (Array.isArray(item.rooms) && 'timeSlots' in item)));
}

const CANCELLED = /^(declined|cancell?ed|withdrawn)$/i;
const EMPTY_ZONE_NOTE = 'Sessionize gives local times without a time zone; they are taken as the venue’s clock times. Choose the venue’s zone so that "on now" is right.';

type Lookups = {
  speakers: Map<string, { name: string; role: string; organisation: string }>;
  categoryItems: Map<string, string>;
  rooms: Map<string, string>;
};

/**
 * Times are wall-clock times at the venue without an offset ("2024-04-20T09:00:00"); the zone
 * is the event's (importing into one) or the one asked for (`--timezone`). A file that does
 * write offsets is read in the zone they show.
 */
export function parseSessionize(value: unknown, options: ParseOptions, warnings: ProgrammeWarnings): ProgrammeDraft {
  const problems: string[] = [];
  let sessions: SessionizeSession[] = [];
  const lookups: Lookups = { speakers: new Map(), categoryItems: new Map(), rooms: new Map() };
  if (Array.isArray(value)) {
    const grid = validated(z.union([gridSchema, listSchema]), value, [], problems);
    if (!grid) throw invalidJson('Sessionize JSON file', problems);
    for (const group of grid) {
      if ('rooms' in group && Array.isArray(group.rooms)) {
        for (const room of group.rooms as { id?: string; name: string; sessions: SessionizeSession[] }[]) {
          if (room.id !== undefined) lookups.rooms.set(room.id, room.name);
          sessions.push(...room.sessions);
        }
      } else sessions.push(...(group.sessions as SessionizeSession[]));
    }
  } else {
    const all = validated(allDataSchema, value, [], problems);
    if (!all) throw invalidJson('Sessionize JSON file', problems);
    sessions = all.sessions;
    for (const speaker of all.speakers ?? []) {
      const name = speaker.fullName || [speaker.firstName, speaker.lastName].filter(Boolean).join(' ');
      lookups.speakers.set(speaker.id, { name, ...roleAndOrganisation(speaker.tagLine) });
    }
    for (const category of all.categories ?? []) for (const item of category.items ?? []) lookups.categoryItems.set(item.id, item.name);
    for (const room of all.rooms ?? []) lookups.rooms.set(room.id, room.name);
  }

  const zone = zoneOf(sessions, options, warnings);
  const unscheduled: string[] = [];
  const seen = new Set<string>();
  const imported: ImportedSession[] = [];
  for (const session of sessions) {
    // The grid lists a plenary session once per room.
    if (seen.has(session.id)) continue;
    seen.add(session.id);
    const start = session.startsAt ? clockOf(session.startsAt, zone) : null;
    if (!start) {
      unscheduled.push(session.title);
      continue;
    }
    imported.push(sessionOf(session, start, zone, lookups, warnings));
  }
  for (const title of unscheduled) warnings.add('These sessions have no time in the file (Sessionize lists them before they are scheduled); they were left out.', `"${singleLine(title, 80)}"`);
  return { sourceFormat: 'sessionize', timezone: zone.target, timezoneFromFile: false, declaredDates: [], sessions: imported };
}

type Zone = { target: string; offsetsShow: string | null };

function zoneOf(sessions: SessionizeSession[], options: ParseOptions, warnings: ProgrammeWarnings): Zone {
  const samples = sessions.flatMap((session) => {
    const moment = session.startsAt ? parseOffsetDateTime(session.startsAt) : null;
    return moment?.validOffset && moment.offsetMinutes !== 0 ? [{ instant: moment.instant, offsetMinutes: moment.offsetMinutes }] : [];
  });
  const offsetsShow = zoneMatchingOffsets(samples);
  if (options.timeZone) return { target: options.timeZone, offsetsShow };
  if (offsetsShow) warnings.add(inferredZoneMessage(offsetsShow, samples));
  else warnings.add(EMPTY_ZONE_NOTE);
  return { target: offsetsShow ?? 'UTC', offsetsShow };
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** Local times as written; times with an offset (or Z) as moments, shown in the target zone. */
function clockOf(value: string, zone: Zone): WallClock | null {
  const local = LOCAL_DATE_TIME.exec(value.trim());
  if (local) return { date: local[1], time: local[2] };
  const moment = parseOffsetDateTime(value);
  if (!moment) return null;
  return moment.validOffset && isKnownTimeZone(zone.target) ? wallClockAt(moment.instant, zone.target) : moment.written;
}

function sessionOf(session: SessionizeSession, start: WallClock, zone: Zone, lookups: Lookups, warnings: ProgrammeWarnings): ImportedSession {
  const end = session.endsAt ? clockOf(session.endsAt, zone) : null;
  if (session.endsAt && !end) warnings.add('These sessions have an end the file does not write as a date and time; they were imported without an end time.', sessionLabel(session.title, start.date, start.time));
  const categories = [
    ...(session.categoryItems ?? []).map((item) => lookups.categoryItems.get(item) ?? ''),
    ...(session.categories ?? []).flatMap((category) => (category.categoryItems ?? []).map((item) => item.name)),
  ].filter(Boolean);
  const speakers = (session.speakers ?? []).map((speaker) =>
    typeof speaker === 'string' ? (lookups.speakers.get(speaker) ?? { name: '' }) : { name: speaker.name, ...(speaker.id ? lookups.speakers.get(speaker.id) : {}) },
  );
  return importedSession(
    {
      sourceId: `sessionize-${session.id}`,
      start,
      end,
      title: session.title,
      kindHints: [session.isServiceSession ? 'break' : null, ...categories],
      room: (session.roomId !== null && session.roomId !== undefined ? lookups.rooms.get(session.roomId) : undefined) ?? session.room,
      speakers,
      track: categories[0],
      description: session.description,
      cancelled: CANCELLED.test(session.status ?? ''),
    },
    warnings,
  );
}

/**
 * A speaker's tag line, as Sessionize speakers write it: "Principal Architect at Microsoft",
 * "CTO @ Acme", "Data Scientist, cubido business solutions GmbH"; anything else is the role.
 */
export function roleAndOrganisation(tagLine: string): { role: string; organisation: string } {
  const line = tagLine.trim();
  for (const separator of [' at ', ' @ ', ', ']) {
    // "… team at Microsoft": the organisation follows the last "at"; "Role, Organisation, more": the first comma.
    const cut = separator === ', ' ? line.indexOf(separator) : line.lastIndexOf(separator);
    if (cut > 0) return { role: line.slice(0, cut).trim(), organisation: line.slice(cut + separator.length).trim() };
  }
  return { role: line, organisation: '' };
}
