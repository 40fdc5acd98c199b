import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EVENT_FILE_FORMAT,
  MAX_EVENT_DAYS,
  dateSchema,
  eventFileSchema,
  sessionSchema,
  timeZoneSchema,
  type EventFile,
  type Session,
} from '../../../shared/model/event';
import { dateOfDay } from '../../../shared/model/calendar';
import { fileSystemError } from '../storage/serviceError';

/** How an event whose event.json was moved to quarantine came back. */
export type RecoveryPlan = { event: EventFile; how: 'restored' | 'rebuilt'; source: string | null; message: string };

/**
 * Puts together the event.json of a folder that lost it. The newest quarantined copy that reads
 * now (one set aside by an older Hallnotes for a limit, say) comes back as it was. Otherwise a
 * new one is built from what can be saved: the event's fields and every session of the newest
 * copy that still validate, plus a session for each note file no session claims, so that every
 * note is reachable again. The quarantined files stay where they are.
 */
export async function planRecovery(options: { eventId: string; quarantineFolder: string; noteSessionIds: Set<string>; now: Date; machineTimeZone: string }): Promise<RecoveryPlan> {
  const { eventId, quarantineFolder, noteSessionIds, now } = options;
  const copies = await quarantinedCopies(quarantineFolder);
  const parsedCopies: { path: string; value: unknown }[] = [];
  for (const path of copies) {
    const raw = await readFile(path, 'utf8').catch(() => null);
    if (raw === null) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      continue;
    }
    parsedCopies.push({ path, value });
    const valid = eventFileSchema.safeParse(value);
    if (valid.success && valid.data.id === eventId) {
      return { event: valid.data, how: 'restored', source: path, message: `Event "${valid.data.title}" was put back from ${path}, with all ${valid.data.sessions.length} session(s).` };
    }
  }
  const newest = parsedCopies[0] ?? null;
  const record = (newest?.value ?? {}) as Record<string, unknown>;
  const field = <T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown, fallback: T): T => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  };
  const today = now.toISOString().slice(0, 10);
  const startDate = field(dateSchema, record.startDate, today);
  const salvaged = salvageSessions(record.sessions);
  const claimed = new Set(salvaged.map((session) => session.id));
  const orphans = [...noteSessionIds].filter((id) => !claimed.has(id)).sort();
  const recovered: Session[] = orphans.map((id, index) => ({
    id,
    day: 1,
    start: '00:00',
    end: null,
    title: `Recovered note ${index + 1} (the session's details were lost)`,
    kind: 'plenary',
    room: '',
    status: 'planned',
    speakers: [],
  }));
  const lastDay = Math.min(MAX_EVENT_DAYS, Math.max(1, ...salvaged.map((session) => session.day)));
  const sessions = [...salvaged.filter((session) => session.day <= lastDay), ...recovered].sort((a, b) => a.day - b.day);
  const text = (value: unknown, max: number, fallback: string) => (typeof value === 'string' && value.trim() !== '' && value.length <= max ? value : fallback);
  const event = eventFileSchema.parse({
    format: EVENT_FILE_FORMAT,
    id: eventId,
    title: text(record.title, 300, `Recovered event ${eventId}`),
    venue: text(record.venue, 300, ''),
    author: text(record.author, 200, ''),
    startDate,
    endDate: dateOfDay(startDate, lastDay),
    timezone: field(timeZoneSchema, record.timezone, options.machineTimeZone),
    createdAt: typeof record.createdAt === 'string' && !Number.isNaN(Date.parse(record.createdAt)) ? new Date(record.createdAt).toISOString() : now.toISOString(),
    updatedAt: now.toISOString(),
    sessions,
  });
  const from = newest ? `from what could still be read in ${newest.path}` : 'from its notes (no readable copy of its event file was left)';
  return {
    event,
    how: 'rebuilt',
    source: newest?.path ?? null,
    message: `Event "${event.title}" was rebuilt ${from}: ${salvaged.length} session(s) kept, ${recovered.length} note(s) without a session given one titled "Recovered note …". Check its title, dates and sessions.`,
  };
}

/** Newest first: quarantined names start with the moment they were moved. */
async function quarantinedCopies(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder))
      .filter((name) => name.endsWith('-event.json'))
      .sort()
      .reverse()
      .map((name) => join(folder, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw fileSystemError(`read the quarantine folder ${folder}`, error);
  }
}

function salvageSessions(value: unknown): Session[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const kept: Session[] = [];
  for (const candidate of value) {
    const parsed = sessionSchema.safeParse(candidate);
    if (!parsed.success || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    kept.push(parsed.data);
  }
  return kept;
}
