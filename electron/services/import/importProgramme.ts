import { EVENT_FILE_FORMAT, eventFileSchema, MAX_SESSIONS_PER_EVENT, type EventFile, type Session } from '../../../shared/model/event';
import { isKnownTimeZone } from '../../../shared/model/calendar';
import type { ImportSummary } from '../../../shared/model/importSummary';
import type { Services } from '../createServices';
import { newSessionId } from '../library/ids';
import { ServiceError } from '../storage/serviceError';
import { parseOrThrow } from '../validation/parseOrThrow';
import type { ImportedProgramme } from './programme';
import { sessionsAfterImport } from './applyImportPlan';
import { planImport, type ImportPlan } from './importPlan';
import { singleLine } from './plainText';

export type ImportRequest = {
  services: Services;
  fileName: string;
  bytes: Uint8Array;
  /** Merge into this event; without it a new event is created. */
  eventId?: string;
  /** Only plan: report what would change and write nothing. */
  dryRun: boolean;
  /** For a new event: the zone to show its times in, instead of the programme's own. */
  timeZone?: string;
  /** Without `eventId`: update the event that already holds this programme rather than create a second copy. */
  updateExisting?: boolean;
};


/**
 * Imports a programme file into a new or an existing event. Everything is parsed, planned and
 * validated before anything is written, and the agenda is then written in one save: a bad file
 * or a failed write leaves the library as it was.
 */
export async function importProgramme(request: ImportRequest): Promise<ImportSummary> {
  const { services, fileName, bytes, eventId, dryRun, timeZone } = request;
  if (timeZone !== undefined && !isKnownTimeZone(timeZone)) {
    throw new ServiceError('invalid-argument', `"${timeZone}" is not an IANA time zone such as Europe/Berlin.`);
  }
  let existing = eventId ? await services.events.get(eventId) : null;
  let programme = await services.programmes(fileName, bytes, { timeZone: existing?.timezone ?? timeZone });
  const alreadyInLibrary = await eventHoldingProgramme(services, programme, existing?.id);
  if (alreadyInLibrary && request.updateExisting) {
    existing = await services.events.get(alreadyInLibrary.eventId);
    // The event's own zone decides how the times read, as when importing into it by name.
    if (existing.timezone !== programme.timezone) programme = await services.programmes(fileName, bytes, { timeZone: existing.timezone });
  }
  const withNotes = existing ? await sessionsWithNotes(services, existing) : new Set<string>();
  const plan = namingTheFile(fileName, () => planImport(existing, programme, (sessionId) => withNotes.has(sessionId)));
  const title = existing?.title ?? (programme.title || titleFromFileName(fileName));
  const summary = summarise(plan, {
    eventId: existing?.id ?? null,
    created: !existing,
    dryRun,
    title,
    timezone: programme.timezone,
    warnings: [...programme.warnings, ...plan.warnings],
    alreadyInLibrary,
  });
  const sessions = sessionsAfterImport(existing, plan, newSessionId);
  assertValidEvent(existing, plan, sessions, title, programme.timezone);
  if (dryRun) return summary;

  if (existing) {
    const changed = plan.add.length + plan.update.length + plan.flagged.length + plan.remove.length > 0;
    const datesChanged = plan.startDate !== existing.startDate || plan.endDate !== existing.endDate;
    if (changed || datesChanged) {
      await snapshotNotesOfChanged(services, existing, plan, withNotes);
      await services.events.replaceSessions(existing.id, sessions, { startDate: plan.startDate, endDate: plan.endDate }, existing.updatedAt);
      await trashNotesOfRemoved(services, existing, plan);
      await services.exchange.recordBaseline(existing.id);
    }
    return summary;
  }
  // One step: a crash or a full disk leaves the whole new event or none, never an empty one.
  const created = await services.events.create({ title, startDate: plan.startDate, endDate: plan.endDate, timezone: programme.timezone }, sessions);
  // For team exchanges: what the programme said, so later edits are known as edits.
  await services.exchange.recordBaseline(created.id);
  return { ...summary, eventId: created.id };
}

/** Every refusal names the file it is about. */
function namingTheFile<T>(fileName: string, plan: () => T): T {
  try {
    return plan();
  } catch (error) {
    if (error instanceof ServiceError && !error.message.startsWith(`${fileName}: `)) {
      throw new ServiceError(error.code, `${fileName}: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`);
    }
    throw error;
  }
}

/**
 * The event that already holds this programme: most of the programme's sessions are in it (by
 * source id) and most of its imported sessions are in the programme. One devroom's calendar does
 * not "hold" all of FOSDEM, and FOSDEM's programme is not that devroom's.
 */
async function eventHoldingProgramme(services: Services, programme: ImportedProgramme, targetId: string | undefined): Promise<ImportSummary['alreadyInLibrary']> {
  const ids = new Set(programme.sessions.map((session) => session.sourceId));
  let best: ImportSummary['alreadyInLibrary'] = null;
  for (const summary of (await services.events.list()).events) {
    if (summary.id === targetId) continue;
    const event = await services.events.get(summary.id).catch(() => null);
    const sourced = event?.sessions.filter((session) => session.sourceId) ?? [];
    const matching = sourced.filter((session) => ids.has(session.sourceId!)).length;
    if (!event || matching * 2 < ids.size || matching * 2 < sourced.length || matching === 0) continue;
    if (!best || matching > best.matchingSessions) best = { eventId: event.id, title: event.title, matchingSessions: matching };
  }
  return best;
}

/** `~/Downloads/Republica 2026.csv` → `Republica 2026`. */
function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return singleLine(base.replace(/\.[^.]+$/, ''), 300) || 'Imported programme';
}

function summarise(plan: ImportPlan, fields: Pick<ImportSummary, 'eventId' | 'created' | 'dryRun' | 'title' | 'timezone' | 'warnings' | 'alreadyInLibrary'>): ImportSummary {
  return {
    ...fields,
    startDate: plan.startDate,
    endDate: plan.endDate,
    days: plan.days,
    added: plan.add.length,
    updated: plan.update.length,
    unchanged: plan.unchanged,
    flagged: plan.flagged.length,
    removed: plan.remove.length,
  };
}

/** The whole event as it would be saved, checked before the first write. */
function assertValidEvent(existing: EventFile | null, plan: ImportPlan, sessions: Session[], title: string, timezone: string): void {
  const now = new Date().toISOString();
  const base = existing ?? { format: EVENT_FILE_FORMAT, id: 'pending-import', title, venue: '', author: '', timezone, createdAt: now, updatedAt: now };
  parseOrThrow(eventFileSchema, { ...base, startDate: plan.startDate, endDate: plan.endDate, sessions }, `imported agenda for "${title}"`);
  assertSessionLimit(title, sessions.length, existing?.sessions.length ?? 0);
}

/** Also in the dry run, so the preview says it before anything is tried. */
function assertSessionLimit(title: string, count: number, before: number): void {
  if (count <= MAX_SESSIONS_PER_EVENT || count <= before) return;
  throw new ServiceError('invalid-argument', `The imported agenda for "${title}" would have ${count.toLocaleString('en')} sessions; one event holds at most ${MAX_SESSIONS_PER_EVENT.toLocaleString('en')}. Nothing was imported.`);
}

async function sessionsWithNotes(services: Services, event: EventFile): Promise<Set<string>> {
  const found = await Promise.all(event.sessions.map(async (session) => ((await noteExists(services, event.id, session.id)) ? session.id : null)));
  return new Set(found.filter((id): id is string => id !== null));
}

async function noteExists(services: Services, eventId: string, sessionId: string): Promise<boolean> {
  return services.notes.hasNote(eventId, sessionId);
}

/** The notes of sessions the import updates, flags or removes are kept as they were, in their history. */
async function snapshotNotesOfChanged(services: Services, event: EventFile, plan: ImportPlan, withNotes: Set<string>): Promise<void> {
  const touched = new Set([...plan.update, ...plan.flagged, ...plan.remove].map((entry) => entry.sessionId));
  for (const session of event.sessions) {
    if (touched.has(session.id) && withNotes.has(session.id)) await services.history.snapshotNow(event.id, session.id, 'before-import');
  }
}

/** A note written between planning and saving must not be orphaned by its session's removal. */
async function trashNotesOfRemoved(services: Services, event: EventFile, plan: ImportPlan): Promise<void> {
  for (const { sessionId } of plan.remove) {
    const session = event.sessions.find((candidate) => candidate.id === sessionId);
    if (session && (await noteExists(services, event.id, sessionId))) await services.notes.moveToTrash(event.id, session);
  }
}
