import { MAX_EVENT_DAYS, type EventFile, type Session, type SessionKind, type Speaker } from '../../../shared/model/event';
import { dateOfDay, dayCount } from '../../../shared/model/calendar';
import { ServiceError } from '../storage/serviceError';
import { sessionDate } from '../../../shared/model/sessionTime';
import { programmeDateOf } from './finishProgramme';
import type { ImportWarning } from '../../../shared/model/importSummary';
import type { ImportedProgramme, ImportedSession } from './programme';
import { ProgrammeWarnings, sessionLabel } from './programmeWarnings';

export type ProgrammeFlag = NonNullable<Session['programmeFlag']>;

/**
 * Changes to one session; `date` (the programme day's date) is moved to a day number when
 * applied, `programmeFlag: null`, `afterMidnight: false` and `endsNextDay: false` clear those fields.
 */
export type PlannedChanges = Partial<{
  date: string;
  afterMidnight: boolean;
  start: string;
  end: string | null;
  endsNextDay: boolean;
  title: string;
  kind: SessionKind;
  room: string;
  speakers: Speaker[];
  sourceId: string;
  programmeFlag: ProgrammeFlag | null;
}>;

export type ImportPlan = {
  /** The event's dates after the import: the existing ones widened to cover the programme. */
  startDate: string;
  endDate: string;
  days: number;
  add: ImportedSession[];
  update: { sessionId: string; title: string; changes: PlannedChanges }[];
  unchanged: number;
  /** Vanished or cancelled, but kept because they have notes or are on the reporter's list. */
  flagged: { sessionId: string; title: string; flag: ProgrammeFlag }[];
  /** Vanished or cancelled, without notes and not picked. */
  remove: { sessionId: string; title: string }[];
  /** Doubts settled by flagging rather than updating, and changes to sessions that have notes. */
  warnings: ImportWarning[];
};

const sameTitle = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const matchKey = (date: string, start: string, title: string) => `${date}|${start}|${title.trim().toLowerCase()}`;
/** A slot id made from a shared id: `id@2026-03-10T10:00`, sometimes with `#2`. */
const sharedIdOf = (sourceId: string) => sourceId.replace(/@\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?:#\d+)?$/, '');

const SHARED_ID_DOUBT = 'Several talks in the file share one id, so they were matched by title; a session whose id now belongs to another title was flagged, not renamed.';
const RETITLED_WITH_NOTE = 'The programme gives these sessions, which have notes, a new title (their id is unchanged, so it is the same talk); the notes stay with them.';

/**
 * What importing a programme would do to an event (or to a new one). Sessions match on the
 * source's id, else on date + start + title. Fields the programme leaves empty (room, speakers)
 * keep what the user entered, and speakers keep the roles and organisations the user added.
 * Sessions the user created by hand (no source id) are never flagged or removed. Where the file
 * gives several talks one id, the id says only which slot a talk is in, so those sessions match
 * by title: a note is never moved to a session with another title, and a session whose slot now
 * holds another talk is flagged (kept, with its note) rather than renamed.
 */
export function planImport(existing: EventFile | null, programme: ImportedProgramme, hasNotes: (sessionId: string) => boolean): ImportPlan {
  const startDate = existing && existing.startDate < programme.startDate ? existing.startDate : programme.startDate;
  const endDate = existing && existing.endDate > programme.endDate ? existing.endDate : programme.endDate;
  const days = dayCount(startDate, endDate);
  if (days > MAX_EVENT_DAYS) {
    throw new ServiceError(
      'invalid-argument',
      `The programme runs from ${programme.startDate} to ${programme.endDate}; added to "${existing?.title}" (${existing?.startDate} to ${existing?.endDate}) the event would last ${days} days, and an event lasts at most ${MAX_EVENT_DAYS}.`,
    );
  }
  const plan: ImportPlan = { startDate, endDate, days, add: [], update: [], unchanged: 0, flagged: [], remove: [], warnings: [] };
  const warnings = new ProgrammeWarnings();
  const sessions = existing?.sessions ?? [];
  const dateOf = (session: Session) => dateOfDay(existing!.startDate, session.day);
  const calendarDateOf = (session: Session) => sessionDate(existing!, session);
  const programmeIds = new Set(programme.sessions.map((session) => session.sourceId));
  const bySourceId = new Map(sessions.filter((session) => session.sourceId).map((session) => [session.sourceId!, session]));
  const byKey = new Map<string, Session[]>();
  for (const session of sessions) {
    const key = matchKey(calendarDateOf(session), session.start, session.title);
    byKey.set(key, [...(byKey.get(key) ?? []), session]);
  }
  const matched = new Set<string>();

  const available = (session: Session | undefined) => (session && !matched.has(session.id) ? session : undefined);
  for (const imported of programme.sessions) {
    const bySlot = available(bySourceId.get(imported.sourceId));
    let session: Session | undefined;
    if (imported.sharedSourceId) {
      const shared = imported.sharedSourceId;
      session =
        (bySlot && sameTitle(bySlot.title, imported.title) ? bySlot : undefined) ??
        sessions.find((candidate) => available(candidate) && candidate.sourceId && sharedIdOf(candidate.sourceId) === shared && sameTitle(candidate.title, imported.title));
      if (!session && bySlot) warnings.add(SHARED_ID_DOUBT, sessionLabel(bySlot.title, dateOf(bySlot), bySlot.start));
    } else {
      session =
        bySlot ??
        byKey
          .get(matchKey(imported.date, imported.start, imported.title))
          // A session carrying another programme session's id belongs to that one.
          ?.find((candidate) => !matched.has(candidate.id) && !(candidate.sourceId && programmeIds.has(candidate.sourceId)));
      if (session && !sameTitle(session.title, imported.title) && hasNotes(session.id)) {
        warnings.add(RETITLED_WITH_NOTE, `"${session.title}" → "${imported.title}"`);
      }
    }
    if (!session || matched.has(session.id)) {
      if (!imported.cancelled) plan.add.push(imported);
      continue;
    }
    matched.add(session.id);
    if (imported.cancelled) {
      settleGone(plan, session, 'cancelled', hasNotes);
      continue;
    }
    const changes = changesFor(session, dateOf(session), imported);
    if (Object.keys(changes).length === 0) plan.unchanged += 1;
    else plan.update.push({ sessionId: session.id, title: session.title, changes });
  }

  for (const session of sessions) {
    if (matched.has(session.id)) continue;
    if (session.sourceId) settleGone(plan, session, 'removed-from-programme', hasNotes);
    else plan.unchanged += 1;
  }
  plan.warnings = warnings.list();
  return plan;
}

/** A session with a note, or one the reporter picked, is kept and flagged (once); any other is removed. */
function settleGone(plan: ImportPlan, session: Session, flag: ProgrammeFlag, hasNotes: (sessionId: string) => boolean): void {
  if (!session.picked && !hasNotes(session.id)) plan.remove.push({ sessionId: session.id, title: session.title });
  else if (session.programmeFlag === flag) plan.unchanged += 1;
  else plan.flagged.push({ sessionId: session.id, title: session.title, flag });
}

function changesFor(session: Session, date: string, imported: ImportedSession): PlannedChanges {
  const changes: PlannedChanges = {};
  if (date !== programmeDateOf(imported)) changes.date = programmeDateOf(imported);
  const afterMidnight = imported.programmeDate !== undefined;
  if ((session.afterMidnight ?? false) !== afterMidnight) changes.afterMidnight = afterMidnight;
  if (session.start !== imported.start) changes.start = imported.start;
  if (session.end !== imported.end) changes.end = imported.end;
  if ((session.endsNextDay ?? false) !== (imported.endsNextDay ?? false)) changes.endsNextDay = imported.endsNextDay ?? false;
  if (session.title !== imported.title) changes.title = imported.title;
  if (session.kind !== imported.kind) changes.kind = imported.kind;
  if (imported.room && session.room !== imported.room) changes.room = imported.room;
  const speakers = mergedSpeakers(session.speakers, imported.speakers);
  if (speakers) changes.speakers = speakers;
  if (session.sourceId !== imported.sourceId) changes.sourceId = imported.sourceId;
  if (session.programmeFlag) changes.programmeFlag = null;
  return changes;
}

/** The programme's names in its order, keeping what the user added about each; null when the names are unchanged. */
function mergedSpeakers(current: Speaker[], imported: Speaker[]): Speaker[] | null {
  if (imported.length === 0) return null;
  const sameNames = current.length === imported.length && current.every((speaker, index) => speaker.name === imported[index].name);
  if (sameNames) return null;
  const known = new Map(current.map((speaker) => [speaker.name.toLowerCase(), speaker]));
  return imported.map((speaker) => known.get(speaker.name.toLowerCase()) ?? speaker);
}
