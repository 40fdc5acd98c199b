import { z } from 'zod';

/**
 * The parts of c3voc's schedule.json (v1: frab, pretalx; v2: hub) that an import reads, checked
 * as the published JSON schemas (schema.json, schema2.json) define them. Fields Hallnotes does
 * not use are not checked, so a generator adding fields does not break the import.
 */
const text = z.string();
const optionalText = z.string().nullish();
/** v2 allows `{ "en": "…", "de": "…" }` wherever a text can be translated. */
const localizable = z.union([z.string(), z.record(z.string(), z.string())]).nullish();

const frabPerson = z.looseObject({ id: z.number().int(), public_name: text });
const pretalxPerson = z.looseObject({ name: text });
const person = z.union([pretalxPerson, frabPerson], {
  error: 'must be a person with a "name", or with a "public_name" and a numeric "id"',
});

export const eventV1Schema = z.looseObject({
  id: z.number().int().positive(),
  guid: text,
  date: text,
  start: text,
  duration: text,
  room: text,
  title: text,
  type: optionalText,
  track: optionalText,
  abstract: optionalText,
  description: optionalText,
  persons: z.array(person),
});
export type EventV1 = z.infer<typeof eventV1Schema>;

const roomReference = z.looseObject({ guid: text, name: text.optional() });
const trackReference = z.union([z.looseObject({ slug: text }), z.string()]).nullish();

export const eventV2Schema = z.looseObject({
  guid: text.optional(),
  start: text,
  end: text,
  title: text,
  type: text,
  room: roomReference.optional(),
  track: trackReference,
  abstract: localizable,
  description: localizable,
  participants: z.array(z.looseObject({ name: text, role: text.optional() })).optional(),
  state: text.optional(),
});
export type EventV2 = z.infer<typeof eventV2Schema>;

/** v1 days carry their events by room; v2 days only name the date, and events live in `schedule.events`. */
export const dayV1Schema = z.looseObject({
  index: z.number().int(),
  date: text,
  day_start: text,
  day_end: text,
  rooms: z.record(z.string(), z.array(eventV1Schema)),
});
export const dayV2Schema = z.looseObject({ index: z.number().int(), date: text, start: text, end: text });

export const scheduleFileSchema = z.looseObject({
  schedule: z.looseObject({
    version: text,
    conference: z.looseObject({
      title: text,
      start: text,
      end: text,
      time_zone_name: text.optional(),
      days: z.array(z.looseObject({ index: z.number().int(), date: text })),
      // pretalx 2.x writes `"guid": null` for every room; only v2 events refer to rooms by guid.
      rooms: z.array(z.looseObject({ guid: optionalText, name: text })).optional(),
      tracks: z.array(z.looseObject({ name: text, slug: text.optional() })).optional(),
    }),
    events: z.array(eventV2Schema).optional(),
  }),
});
export type ScheduleFile = z.infer<typeof scheduleFileSchema>;
