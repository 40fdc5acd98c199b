import { access } from 'node:fs/promises';
import { EVENT_FILE_FORMAT, eventFileSchema, type EventFile, type Session } from '../../../shared/model/event';
import { isKnownTimeZone } from '../../../shared/model/calendar';
import type { ImportSummary } from '../../../shared/model/importSummary';
import type { Services } from '../createServices';
import { newSessionId } from '../library/ids';
import { ServiceError } from '../storage/serviceError';
import { parseOrThrow } from '../validation/parseOrThrow';
import { sessionsAfterImport } from './applyImportPlan';
import { planImport, type ImportPlan } from './importPlan';
import { parseProgrammeFile } from './parseProgrammeFile';
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
  const existing = eventId ? await services.events.get(eventId) : null;
  const programme = parseProgrammeFile(fileName, bytes, { timeZone: existing?.timezone ?? timeZone });
  const withNotes = existing ? await sessionsWithNotes(services, existing) : new Set<string>();
  const plan = planImport(existing, programme, (sessionId) => withNotes.has(sessionId));
  const title = existing?.title ?? (programme.title || titleFromFileName(fileName));
  const summary = summarise(plan, { eventId: existing?.id ?? null, created: !existing, dryRun, title, timezone: programme.timezone });
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
  const created = await services.events.create({ title, startDate: plan.startDate, endDate: plan.endDate, timezone: programme.timezone });
  try {
    await services.events.replaceSessions(created.id, sessions, {}, created.updatedAt);
  } catch (error) {
    // The new event must not stay behind empty; it goes to the trash like any deleted event.
    await services.events.delete(created.id).catch(() => undefined);
    throw error;
  }
  // For team exchanges: what the programme said, so later edits are known as edits.
  await services.exchange.recordBaseline(created.id);
  return { ...summary, eventId: created.id };
}

/** `~/Downloads/Republica 2026.csv` → `Republica 2026`. */
function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return singleLine(base.replace(/\.[^.]+$/, ''), 300) || 'Imported programme';
}

function summarise(plan: ImportPlan, fields: Pick<ImportSummary, 'eventId' | 'created' | 'dryRun' | 'title' | 'timezone'>): ImportSummary {
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
}

async function sessionsWithNotes(services: Services, event: EventFile): Promise<Set<string>> {
  const found = await Promise.all(event.sessions.map(async (session) => ((await noteExists(services, event.id, session.id)) ? session.id : null)));
  return new Set(found.filter((id): id is string => id !== null));
}

async function noteExists(services: Services, eventId: string, sessionId: string): Promise<boolean> {
  return access(services.paths.noteFile(eventId, sessionId)).then(
    () => true,
    () => false,
  );
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
