import { z } from 'zod';
import { EVENT_FILE_FORMAT, eventFileSchema, idSchema, sessionSchema } from '../../../shared/model/event';
import { minutesOfDay } from '../../../shared/model/calendar';
import { emptyPostSettings, POST_FILE_FORMAT, postFileSchema } from '../../../shared/model/post';
import { ASSET_FILE_NAME } from '../../../shared/note/assetPath';
import { NOTE_FILE_FORMAT, noteFileSchema, type SerializedNoteState } from '../../../shared/note/noteFile';
import { sanitizeNoteState } from '../../../shared/note/sanitizeNoteState';
import { canonicalJson, valueHash } from '../merge/canonicalJson';
import { newestHead, type NoteVersion } from '../merge/noteVersions';
import { hasPrivateBlocks, withoutPrivateBlocks } from '../merge/privateBlocks';
import { isVisible, type SharedEvent, type SharedPost, type SharedSession } from '../merge/sharedEvent';
import { valuesOf, type Stamp, type StampedFields } from '../merge/stampedFields';
import { ServiceError } from '../storage/serviceError';
import { stampSchema, versionIdPattern } from './ledger';
import { postDayOf } from './localSnapshot';
import { MAX_EVENT_FILE_BYTES, MAX_HEADS_PER_NOTE, MAX_NOTE_FILE_BYTES, MAX_POST_FILE_BYTES } from './sharedLimits';

/**
 * The files an event is shared as, the same in a bundle and in a Git commit:
 *   event.json                 the event and its visible sessions, as in a library (team ids)
 *   sync.json                  stamps of every field, each note's versions and what they replaced, deleted sessions
 *   notes/<sessionId>.json     a note (its newest version), as in a library
 *   notes/<sessionId>.<version>.json  further versions of a note nobody has chosen between yet
 *   posts/day-N.json, posts/whole-event.json
 *   assets/<sha256>.<ext>      photos
 * Written in canonical JSON, so the same shared state always gives the same bytes (and the
 * same Git tree): two libraries that agree write identical commits' trees.
 */
export const SHARED_FORMAT = 1;

export type SharedFile = { path: string; bytes: Buffer };

/** Where the shared files come from (a verified bundle, a Git tree); read(path) is refused past `limit` bytes. */
export type SharedSource = { paths: readonly string[]; read(path: string, limit: number): Promise<Buffer> };

const NOTE_PATH = /^notes\/([a-z0-9][a-z0-9-]{0,79})(?:\.([0-9a-f]{16}))?\.json$/;
const POST_PATH = /^posts\/(day-[1-9]\d?|whole-event)\.json$/;
const ASSET_PATH = /^assets\/([0-9a-f]{64}\.(?:png|jpg|webp|gif))$/;

/** Whether a path is one of the shared files' (anything else in a bundle is refused). */
export function isSharedPath(path: string): boolean {
  return path === 'event.json' || path === 'sync.json' || NOTE_PATH.test(path) || POST_PATH.test(path) || ASSET_PATH.test(path);
}

export function assetPath(fileName: string): string {
  return `assets/${fileName}`;
}

const headEntrySchema = z.strictObject({ id: versionIdPattern, author: z.string().max(200), savedAt: z.iso.datetime(), file: z.string().regex(NOTE_PATH) });
const stampsSchema = z.record(z.string().max(100), stampSchema);
const syncFileSchema = z.strictObject({
  format: z.literal(SHARED_FORMAT),
  event: z.strictObject({ id: idSchema, createdAt: z.iso.datetime(), stamps: stampsSchema }),
  sessions: z.record(
    idSchema,
    z.strictObject({
      stamps: stampsSchema,
      present: z.strictObject({ value: z.boolean(), stamp: stampSchema }),
      note: z.strictObject({ heads: z.array(headEntrySchema).max(MAX_HEADS_PER_NOTE), superseded: z.array(versionIdPattern).max(100_000) }),
    }),
  ),
  posts: z.record(z.string().regex(/^(day-[1-9]\d?|whole-event)$/), z.strictObject({ stamps: stampsSchema })),
});
type SyncFile = z.infer<typeof syncFileSchema>;

export function encodeSharedEvent(shared: SharedEvent, options: { includePrivate: boolean }): SharedFile[] {
  const files: SharedFile[] = [];
  const json = (path: string, value: unknown, indent?: number) => files.push({ path, bytes: Buffer.from(`${canonicalJson(value, indent)}\n`, 'utf8') });
  const updatedAt = latestStamp(shared) ?? shared.createdAt;

  const sync: SyncFile = { format: SHARED_FORMAT, event: { id: shared.id, createdAt: shared.createdAt, stamps: stampsOf(shared.fields) }, sessions: {}, posts: {} };
  const visible = shared.sessions.filter(isVisible);
  for (const session of shared.sessions) {
    const heads = noteFiles(session);
    sync.sessions[session.id] = {
      // A deleted session's fields are nobody's concern until a note brings it back, with fields.
      stamps: isVisible(session) ? stampsOf(session.fields) : {},
      present: session.present,
      note: { heads: heads.map(({ head, path }) => ({ id: head.id, author: head.author, savedAt: head.savedAt, file: path })), superseded: session.note.superseded },
    };
    for (const { head, path } of heads) {
      const editorState = options.includePrivate && head.privateState ? head.privateState : head.editorState;
      json(path, { format: NOTE_FILE_FORMAT, sessionId: session.id, savedAt: head.savedAt, editorState });
    }
  }
  const sessions = visible
    .map((session) => ({ id: session.id, ...valuesOf(session.fields) }) as Record<string, unknown> & { id: string; day?: number; start?: string })
    .sort((a, b) => (a.day ?? 0) - (b.day ?? 0) || startOf(a) - startOf(b) || (a.id < b.id ? -1 : 1));
  json('event.json', { ...valuesOf(shared.fields), format: EVENT_FILE_FORMAT, id: shared.id, createdAt: shared.createdAt, updatedAt, sessions }, 2);

  for (const post of shared.posts) {
    sync.posts[post.key] = { stamps: stampsOf(post.fields) };
    const day = postDayOf(post.key);
    json(`posts/${post.key}.json`, {
      ...emptyPostSettings(),
      intro: null,
      closing: null,
      ...valuesOf(post.fields),
      format: POST_FILE_FORMAT,
      day,
      savedAt: latestOf(Object.values(post.fields).map((field) => field.stamp)) ?? shared.createdAt,
    }, 2);
  }
  json('sync.json', sync, 1);
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** A note's versions and where each is stored: the newest as the note, the others beside it. */
function noteFiles(session: SharedSession): { head: NoteVersion; path: string }[] {
  const primary = newestHead(session.note.heads);
  return session.note.heads.map((head) => ({ head, path: head === primary ? `notes/${session.id}.json` : `notes/${session.id}.${head.id}.json` }));
}

function startOf(session: { start?: string }): number {
  return typeof session.start === 'string' ? minutesOfDay(session.start) : 0;
}

function stampsOf(fields: StampedFields): Record<string, Stamp> {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.stamp]));
}

function latestOf(stamps: Stamp[]): string | null {
  let latest: string | null = null;
  for (const stamp of stamps) if (stamp.at && (!latest || stamp.at > latest)) latest = stamp.at;
  return latest;
}

function latestStamp(shared: SharedEvent): string | null {
  return latestOf([
    ...Object.values(shared.fields).map((field) => field.stamp),
    ...shared.sessions.flatMap((session) => [session.present.stamp, ...Object.values(session.fields).map((field) => field.stamp)]),
  ]);
}

/**
 * Reads the shared files back, trusting nothing: every file is size-limited and validated,
 * every note's content hash is computed here, and a file from a newer Hallnotes is refused.
 * `what` names the source in messages ("The bundle Day1.hallnotes", "The remote").
 */
export async function decodeSharedEvent(source: SharedSource, what: string): Promise<SharedEvent> {
  const has = new Set(source.paths);
  const refuse = (detail: string) => new ServiceError('invalid-argument', `${what} cannot be used: ${detail}. Nothing was changed.`);
  for (const required of ['event.json', 'sync.json']) if (!has.has(required)) throw refuse(`it has no ${required}`);

  const sync = parseJson(await source.read('sync.json', MAX_EVENT_FILE_BYTES), 'sync.json', refuse);
  const format = (sync as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > SHARED_FORMAT) {
    throw new ServiceError('newer-format', `${what} was written by a newer version of Hallnotes (format ${format}); update Hallnotes to use it. Nothing was changed.`);
  }
  const meta = checked(syncFileSchema, sync, 'sync.json', refuse);
  const eventJson = parseJson(await source.read('event.json', MAX_EVENT_FILE_BYTES), 'event.json', refuse) as Record<string, unknown>;
  if (eventJson?.format !== EVENT_FILE_FORMAT) throw refuse(`event.json has format ${String(eventJson?.format)}, not ${EVENT_FILE_FORMAT}`);
  if (eventJson.id !== meta.event.id) throw refuse('event.json and sync.json name different events');

  const eventFields = readFields(eventJson, meta.event.stamps, eventFileSchema.shape, new Set(['format', 'id', 'createdAt', 'updatedAt', 'sessions']), 'event.json', refuse);
  const sessionValues = new Map<string, Record<string, unknown>>();
  if (!Array.isArray(eventJson.sessions) || eventJson.sessions.length > 5000) throw refuse('event.json has no list of at most 5000 sessions');
  for (const [index, session] of (eventJson.sessions as unknown[]).entries()) {
    const id = (session as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !idSchema.safeParse(id).success) throw refuse(`event.json: session ${index + 1} has no valid id`);
    if (sessionValues.has(id)) throw refuse(`event.json: two sessions share the id "${id}"`);
    sessionValues.set(id, session as Record<string, unknown>);
  }

  const sessions: SharedSession[] = [];
  for (const [id, entry] of Object.entries(meta.sessions)) {
    const values = sessionValues.get(id);
    const where = `event.json: session "${id}"`;
    const fields = values ? readFields(values, entry.stamps, sessionSchema.shape, new Set(['id']), where, refuse) : {};
    const heads: NoteVersion[] = [];
    for (const { file, ...version } of entry.note.heads) {
      const match = NOTE_PATH.exec(file)!;
      if (match[1] !== id || !has.has(file)) throw refuse(`the note version ${file} of session "${id}" is missing`);
      heads.push({ ...version, ...(await readNote(source, file, id, refuse)) });
    }
    const session: SharedSession = { id, fields, present: entry.present, note: { heads, superseded: [...entry.note.superseded].sort() } };
    if (isVisible(session) && !values) throw refuse(`session "${id}" is on the agenda in sync.json but missing from event.json`);
    sessions.push(session);
  }
  for (const id of sessionValues.keys()) if (!meta.sessions[id]) throw refuse(`event.json: session "${id}" has no entry in sync.json`);
  sessions.sort((a, b) => (a.id < b.id ? -1 : 1));

  const posts: SharedPost[] = [];
  for (const [key, entry] of Object.entries(meta.posts).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = `posts/${key}.json`;
    if (!has.has(path)) throw refuse(`${path} is missing`);
    const post = checked(postFileSchema, parseJson(await source.read(path, MAX_POST_FILE_BYTES), path, refuse), path, refuse);
    if (post.day !== postDayOf(key)) throw refuse(`${path} is the post of another day`);
    const values: Record<string, unknown> = { ...post, intro: post.intro && sanitizeNoteState(post.intro), closing: post.closing && sanitizeNoteState(post.closing) };
    // A post file holds every setting; only those somebody set have a stamp, the rest are defaults.
    const stamped = Object.fromEntries(Object.keys(entry.stamps).map((name) => [name, values[name]]));
    posts.push({ key, fields: readFields(stamped, entry.stamps, postFileSchema.shape, new Set(['format', 'day', 'savedAt']), path, refuse) });
  }

  const assets = source.paths.flatMap((path) => ASSET_PATH.exec(path)?.[1] ?? []).filter((name) => ASSET_FILE_NAME.test(name));
  return { id: meta.event.id, createdAt: meta.event.createdAt, fields: eventFields, sessions, posts, assets: [...new Set(assets)].sort() };
}

async function readNote(source: SharedSource, path: string, sessionId: string, refuse: (detail: string) => ServiceError): Promise<Pick<NoteVersion, 'editorState' | 'contentHash' | 'privateState'>> {
  const note = checked(noteFileSchema, parseJson(await source.read(path, MAX_NOTE_FILE_BYTES), path, refuse), path, refuse);
  if (note.sessionId !== sessionId) throw refuse(`${path} is the note of another session`);
  const whole: SerializedNoteState = sanitizeNoteState(note.editorState);
  const shared = withoutPrivateBlocks(whole);
  return { editorState: shared, contentHash: valueHash(shared), ...(hasPrivateBlocks(whole) ? { privateState: whole } : {}) };
}

/** Each field's value checked with the model's own validator for it; a field this version does not know is refused. */
function readFields(
  values: Record<string, unknown>,
  stamps: Record<string, Stamp>,
  shape: Record<string, z.ZodType>,
  skip: Set<string>,
  where: string,
  refuse: (detail: string) => ServiceError,
): StampedFields {
  const fields: StampedFields = {};
  for (const key of new Set([...Object.keys(values), ...Object.keys(stamps)])) {
    if (skip.has(key)) continue;
    const validator = shape[key];
    if (!validator) throw refuse(`${where} has a field "${key.slice(0, 40)}" this version of Hallnotes does not know (update Hallnotes)`);
    const stamp = stamps[key];
    if (!stamp) throw refuse(`${where}: the field "${key}" has no stamp in sync.json`);
    const value = values[key];
    if (value !== undefined) {
      const result = validator.safeParse(value);
      if (!result.success) throw refuse(`${where}: ${key} ${result.error.issues[0].message}`);
    }
    fields[key] = { value, stamp };
  }
  return fields;
}

function parseJson(bytes: Buffer, path: string, refuse: (detail: string) => ServiceError): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw refuse(`${path} is not valid JSON`);
  }
}

function checked<Schema extends z.ZodType>(schema: Schema, value: unknown, path: string, refuse: (detail: string) => ServiceError): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw refuse(`${path}: ${issue.path.length > 0 ? `${issue.path.join('.')} ` : ''}${issue.message}`.slice(0, 400));
}
