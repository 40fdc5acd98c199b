import { z } from 'zod';
import { dayCount, isCalendarDate, isKnownTimeZone, isWallClockTime, minutesOfDay } from './calendar';

/** The longest event we accept; a typo in a year should not create 400 day tabs. */
export const MAX_EVENT_DAYS = 31;
export const EVENT_FILE_FORMAT = 1;

export const SESSION_KINDS = ['keynote', 'plenary', 'panel', 'break-out', 'workshop', 'break'] as const;
export const SESSION_STATUSES = ['planned', 'live', 'covered', 'skipped'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Ids name folders and files on disk, so they are restricted to a path-safe alphabet. */
export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be lower-case letters, digits and dashes');

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => text(max).trim().min(1, 'must not be empty');

export const dateSchema = z.string().refine(isCalendarDate, 'must be a real date written YYYY-MM-DD');
export const timeSchema = z.string().refine(isWallClockTime, 'must be a time written HH:MM (24-hour)');
export const timeZoneSchema = z.string().refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Berlin');

export const speakerSchema = z.strictObject({
  name: requiredText(200),
  role: text(200).default(''),
  organisation: text(200).default(''),
});
export type Speaker = z.infer<typeof speakerSchema>;

const sessionFields = {
  day: z.number().int().min(1).max(MAX_EVENT_DAYS),
  start: timeSchema,
  end: timeSchema.nullable().default(null),
  title: requiredText(500),
  kind: z.enum(SESSION_KINDS).default('plenary'),
  room: text(200).default(''),
  status: z.enum(SESSION_STATUSES).default('planned'),
  speakers: z.array(speakerSchema).max(50).default([]),
  /** The programme's own id for this session (guid, UID…), so a re-import updates rather than duplicates it. */
  sourceId: z.string().max(300).optional(),
  /** Set when a re-import found the session gone or cancelled but kept it because it has a note. */
  programmeFlag: z.enum(['removed-from-programme', 'cancelled']).optional(),
  /** On the reporter's own list of sessions to cover ("On my list"); absent means not picked. Apart from the status, which says what happened. */
  picked: z.boolean().optional(),
  /**
   * The session starts after midnight, on the calendar date after its day, which the programme
   * runs into the night (36C3's day 1 runs 11:00 to 04:00). `start` is that night's clock time.
   */
  afterMidnight: z.literal(true).optional(),
  /**
   * The session ends on the calendar date after the one it starts on (23:30–00:30): `end` is
   * that night's clock time, at or before `start`. Without it the end is on the start's date.
   */
  endsNextDay: z.literal(true).optional(),
};

type SessionTimes = { start?: string; end?: string | null; endsNextDay?: boolean };

function endNotBeforeStart(session: SessionTimes): boolean {
  if (session.endsNextDay || !session.start || !session.end) return true;
  return minutesOfDay(session.end) >= minutesOfDay(session.start);
}
const END_BEFORE_START = { message: 'must not be before the start time', path: ['end'] };

/** At most a day long: 23:30 to 00:30 the next day, never 23:30 to 23:45 the next day. */
function nextDayEndInRange(session: SessionTimes): boolean {
  if (!session.endsNextDay) return true;
  return Boolean(session.end) && (!session.start || minutesOfDay(session.end!) <= minutesOfDay(session.start));
}
const NEXT_DAY_END_OUT_OF_RANGE = { message: 'must be set, and at or before the start time, for a session that ends the next day', path: ['end'] };

export const sessionDraftSchema = z.strictObject(sessionFields).refine(endNotBeforeStart, END_BEFORE_START).refine(nextDayEndInRange, NEXT_DAY_END_OUT_OF_RANGE);
export type SessionDraft = z.input<typeof sessionDraftSchema>;

/** The time order is checked on the session the changes make: 23:30 to 00:30 is right for a session that ends the next day. */
export const sessionChangesSchema = z.strictObject({
  day: sessionFields.day.optional(),
  start: sessionFields.start.optional(),
  end: timeSchema.nullable().optional(),
  title: sessionFields.title.optional(),
  kind: z.enum(SESSION_KINDS).optional(),
  room: text(200).optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  speakers: z.array(speakerSchema).max(50).optional(),
  picked: sessionFields.picked,
  /** False: the end is on the start's date again. Left out, see `settleNextDayEnd`. */
  endsNextDay: z.boolean().optional(),
});
export type SessionChanges = z.input<typeof sessionChangesSchema>;

export const sessionSchema = z
  .strictObject({ id: idSchema, ...sessionFields })
  .refine(endNotBeforeStart, END_BEFORE_START)
  .refine(nextDayEndInRange, NEXT_DAY_END_OUT_OF_RANGE);
export type Session = z.infer<typeof sessionSchema>;

const eventFields = {
  title: requiredText(300),
  venue: text(300).default(''),
  startDate: dateSchema,
  endDate: dateSchema,
  timezone: timeZoneSchema,
  author: text(200).default(''),
};

function datesInOrder(event: { startDate?: string; endDate?: string }): boolean {
  if (!event.startDate || !event.endDate || !isCalendarDate(event.startDate) || !isCalendarDate(event.endDate)) return true;
  const days = dayCount(event.startDate, event.endDate);
  return days >= 1 && days <= MAX_EVENT_DAYS;
}
const DATES_OUT_OF_ORDER = {
  message: `must be on or after the start date, and an event lasts at most ${MAX_EVENT_DAYS} days`,
  path: ['endDate'],
};

/** What a user supplies to create an event; a missing end date means a one-day event. */
export const eventDraftSchema = z
  .strictObject({ ...eventFields, endDate: dateSchema.optional() })
  .transform((draft) => ({ ...draft, endDate: draft.endDate ?? draft.startDate }))
  .refine(datesInOrder, DATES_OUT_OF_ORDER);
export type EventDraft = z.input<typeof eventDraftSchema>;

export const eventChangesSchema = z
  .strictObject({
    title: eventFields.title.optional(),
    venue: text(300).optional(),
    startDate: dateSchema.optional(),
    endDate: dateSchema.optional(),
    timezone: timeZoneSchema.optional(),
    author: text(200).optional(),
  })
  .refine(datesInOrder, DATES_OUT_OF_ORDER);
export type EventChanges = z.input<typeof eventChangesSchema>;

/** The on-disk `event.json`: metadata plus the agenda. Session order within a day is array order. */
export const eventFileSchema = z
  .strictObject({
    format: z.literal(EVENT_FILE_FORMAT),
    id: idSchema,
    ...eventFields,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    // The count is a limit checked on every write (eventLimitProblems), not a reason to refuse a file.
    sessions: z.array(sessionSchema),
  })
  .refine(datesInOrder, DATES_OUT_OF_ORDER)
  .refine((event) => event.sessions.every((session) => session.day <= dayCount(event.startDate, event.endDate)), {
    message: 'a session lies on a day after the end of the event',
    path: ['sessions'],
  })
  .refine((event) => new Set(event.sessions.map((session) => session.id)).size === event.sessions.length, {
    message: 'two sessions share one id',
    path: ['sessions'],
  });
export type EventFile = z.infer<typeof eventFileSchema>;

/** The most sessions one event holds: checked whenever an agenda is written; a file with more still opens. */
export const MAX_SESSIONS_PER_EVENT = 5000;

/** What in an event is over Hallnotes' limits, in words; empty when nothing is. */
export function eventLimitProblems(event: Pick<EventFile, 'title' | 'sessions'>): string[] {
  const count = event.sessions.length;
  if (count <= MAX_SESSIONS_PER_EVENT) return [];
  return [`Event "${event.title}" has ${count.toLocaleString('en')} sessions, more than the ${MAX_SESSIONS_PER_EVENT.toLocaleString('en')} one event holds.`];
}

export type EventSummary = Pick<EventFile, 'id' | 'title' | 'venue' | 'startDate' | 'endDate' | 'timezone' | 'author'> & {
  sessionCount: number;
};

export function summariseEvent(event: EventFile): EventSummary {
  const { id, title, venue, startDate, endDate, timezone, author } = event;
  return { id, title, venue, startDate, endDate, timezone, author, sessionCount: event.sessions.length };
}

export function eventDayCount(event: Pick<EventFile, 'startDate' | 'endDate'>): number {
  return dayCount(event.startDate, event.endDate);
}

export function sessionsOfDay(event: EventFile, day: number): Session[] {
  return event.sessions.filter((session) => session.day === day);
}
