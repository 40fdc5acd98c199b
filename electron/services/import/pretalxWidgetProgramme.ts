import { z } from 'zod';
import { isKnownTimeZone } from '../../../shared/model/calendar';
import { importedSession } from './importedSession';
import { invalidJson, isObject, localized, validated } from './jsonValues';
import { singleLine } from './plainText';
import { ProgrammeFormatError, type ImportedSession, type ParseOptions, type ProgrammeDraft } from './programme';
import { sessionLabel, type ProgrammeWarnings } from './programmeWarnings';
import { parseOffsetDateTime, wallClockAt, type WallClock } from './zonedTime';

/**
 * The JSON behind pretalx's schedule widget (`/<event>/schedule/widgets/schedule.json`,
 * `…/widget/v2.json`), written by pretalx's `Schedule.build_data`: it differs from schedule.json.
 * Talks refer to rooms, tracks and speakers by id or code; times are moments with an offset; a
 * break has no `code`. Texts may be translated (`{ "en": … }`).
 */
const id = z.union([z.string(), z.number()]).transform(String);
const text = z.unknown().transform(localized);
const widgetSchema = z.looseObject({
  talks: z.array(
    z.looseObject({
      code: z.string().nullish(),
      id: id.nullish(),
      title: text,
      abstract: z.unknown().optional().transform(localized),
      speakers: z.array(z.string()).nullish(),
      track: id.nullish(),
      start: z.string(),
      end: z.string().nullish(),
      room: id.nullish(),
      state: z.string().nullish(),
    }),
  ),
  rooms: z.array(z.looseObject({ id, name: text })).optional(),
  tracks: z.array(z.looseObject({ id, name: text })).optional(),
  speakers: z.array(z.looseObject({ code: z.string(), name: text })).optional(),
  timezone: z.string().optional(),
  event_start: z.string().optional(),
  event_end: z.string().optional(),
});

export function isPretalxWidget(value: unknown): boolean {
  return isObject(value) && Array.isArray(value.talks) && ('timezone' in value || 'rooms' in value || 'event_start' in value);
}

const CANCELLED = /^(canceled|cancelled|withdrawn|rejected|deleted)$/i;

export function parsePretalxWidget(value: unknown, options: ParseOptions, warnings: ProgrammeWarnings): ProgrammeDraft {
  const problems: string[] = [];
  const widget = validated(widgetSchema, value, [], problems);
  if (!widget) throw invalidJson('pretalx schedule widget file', problems);
  const named = widget.timezone && isKnownTimeZone(widget.timezone) ? widget.timezone : null;
  const target = options.timeZone ?? named ?? 'UTC';
  const rooms = new Map((widget.rooms ?? []).map((room) => [room.id, room.name]));
  const tracks = new Map((widget.tracks ?? []).map((track) => [track.id, track.name]));
  const speakers = new Map((widget.speakers ?? []).map((speaker) => [speaker.code, speaker.name]));
  const clock = (value: string, what: string): WallClock => {
    const moment = parseOffsetDateTime(value);
    if (!moment) throw new ProgrammeFormatError(`${what} is ${JSON.stringify(value)}, which is not a real date and time with an offset.`);
    if (!moment.validOffset) {
      warnings.add(`These sessions have a time whose UTC offset no clock shows (such as ${JSON.stringify(value.trim().slice(19))}); the time is taken as written.`, sessionLabel(what, moment.written.date, moment.written.time));
      return moment.written;
    }
    return wallClockAt(moment.instant, target);
  };
  const sessions: ImportedSession[] = widget.talks.map((talk) => {
    const title = singleLine(talk.title, 80) || 'Untitled session';
    const track = talk.track ? (tracks.get(talk.track) ?? '') : '';
    return importedSession(
      {
        sourceId: talk.code ? `pretalx-${talk.code}` : `pretalx-break-${talk.id ?? talk.start}`,
        start: clock(talk.start, `talk "${title}" start`),
        end: talk.end ? clock(talk.end, `talk "${title}" end`) : null,
        title: talk.title,
        kindHints: [talk.code ? null : 'break', track],
        room: talk.room ? rooms.get(talk.room) : '',
        speakers: (talk.speakers ?? []).map((code) => ({ name: speakers.get(code) ?? '' })),
        track,
        description: talk.abstract,
        cancelled: CANCELLED.test(talk.state ?? ''),
      },
      warnings,
    );
  });
  const declaredDates = [widget.event_start, widget.event_end].filter((date): date is string => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date));
  return { sourceFormat: 'pretalx-widget', timezone: target, timezoneFromFile: named !== null, declaredDates, sessions };
}
