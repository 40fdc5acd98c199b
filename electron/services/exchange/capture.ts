import type { Session } from '../../../shared/model/event';
import type { PostFile } from '../../../shared/model/post';
import type { SerializedNoteNode, SerializedNoteState } from '../../../shared/note/noteFile';
import { noteStateText } from '../../../shared/note/noteText';
import { fieldHash, valueHash } from '../merge/canonicalJson';
import { isDefaultEventValue, isDefaultPostValue, isDefaultSessionValue } from '../merge/fieldDefaults';
import { mergeSharedNotes, nextVersionId, type NoteVersion } from '../merge/noteVersions';
import { hasPrivateBlocks, withoutPrivateBlocks } from '../merge/privateBlocks';
import type { SharedEvent, SharedPost, SharedSession } from '../merge/sharedEvent';
import type { DefaultTest, Stamp, StampedFields } from '../merge/stampedFields';
import type { FieldRecord, Ledger, LedgerSession, VersionRef } from './ledger';
import { LEDGER_FORMAT } from './ledger';
import type { LocalSnapshot } from './localSnapshot';
import type { StoredIncomingVersion } from './incomingVersions';

export type CaptureOptions = { me: string; now: string; includePrivate: boolean };

export type Captured = {
  shared: SharedEvent;
  /** The ledger as it is after this capture: what the library holds now, stamped. */
  ledger: Ledger;
  /** Fields changed in this library since the last exchange, by team session id ('' for the event, "post:<key>" for posts). */
  changedHere: Map<string, Set<string>>;
};

/** The parts of event.json that are not fields a teammate edits. */
const EVENT_META = new Set(['format', 'id', 'createdAt', 'updatedAt', 'sessions']);
const POST_META = new Set(['format', 'day', 'savedAt']);

/**
 * The library's event as the team shares it, compared with the ledger: a field whose value
 * changed since the last exchange is stamped now (by this library's author), a note whose
 * content changed becomes a new version that replaces the one last exchanged, and a session
 * deleted here is marked deleted, replacing only the note versions this library knew.
 */
export function captureLocalState(snapshot: LocalSnapshot, previous: Ledger | null, options: CaptureOptions): Captured {
  const { event } = snapshot;
  const changedHere = new Map<string, Set<string>>();
  const changedSet = (key: string) => changedHere.get(key) ?? changedHere.set(key, new Set()).get(key)!;
  const ledger: Ledger = {
    format: LEDGER_FORMAT,
    sharedEventId: previous?.sharedEventId ?? event.id,
    knownEventIds: [...new Set([...(previous?.knownEventIds ?? []), event.id])].sort(),
    createdAt: previous?.createdAt ?? event.createdAt,
    event: {},
    sessions: {},
    posts: {},
  };

  const eventFields = stampFields(fieldValues(event, EVENT_META), previous?.event, previous !== null, event.updatedAt, options.me, isDefaultEventValue, changedSet(''));
  ledger.event = eventFields.records;

  const sharedIdOfLocal = new Map<string, string>();
  for (const [sharedId, entry] of Object.entries(previous?.sessions ?? {})) sharedIdOfLocal.set(entry.localId, sharedId);

  const sessions: SharedSession[] = [];
  const localIds = new Set(event.sessions.map((session) => session.id));
  for (const session of event.sessions) {
    const sharedId = sharedIdOfLocal.get(session.id) ?? session.id;
    const entry = previous?.sessions[sharedId];
    const { shared, record } = captureSession(snapshot, session, sharedId, entry, event.updatedAt, options, changedSet(sharedId));
    sessions.push(shared);
    ledger.sessions[sharedId] = record;
  }
  for (const [sharedId, entry] of Object.entries(previous?.sessions ?? {})) {
    if (localIds.has(entry.localId)) continue;
    const { shared, record } = captureRemovedSession(snapshot, sharedId, entry, options);
    sessions.push(shared);
    ledger.sessions[sharedId] = record;
  }
  sessions.sort((a, b) => (a.id < b.id ? -1 : 1));

  const posts: SharedPost[] = [];
  for (const [key, post] of [...snapshot.posts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const values = postValues(post, sharedIdOfLocal);
    const known = previous?.posts[key];
    const fields = stampFields(values, known?.fields, known !== undefined, post.savedAt, options.me, isDefaultPostValue, changedSet(`post:${key}`));
    posts.push({ key, fields: fields.fields });
    ledger.posts[key] = { fields: fields.records };
  }
  for (const [key, set] of changedHere) if (set.size === 0) changedHere.delete(key);

  return {
    shared: { id: ledger.sharedEventId, createdAt: ledger.createdAt, fields: eventFields.fields, sessions, posts, assets: [...snapshot.assets].sort() },
    ledger,
    changedHere,
  };
}

function captureSession(
  snapshot: LocalSnapshot,
  session: Session,
  sharedId: string,
  entry: LedgerSession | undefined,
  changedAt: string,
  options: CaptureOptions,
  changed: Set<string>,
): { shared: SharedSession; record: LedgerSession } {
  const fields = stampFields(fieldValues(session, new Set(['id'])), entry?.fields, entry !== undefined, changedAt, options.me, isDefaultSessionValue, changed);
  const present = entry && !entry.present.value ? { value: true, stamp: laterStamp(options.now, entry.present.stamp, options.me) } : (entry?.present ?? { value: true, stamp: { at: null, by: options.me } });
  const superseded = new Set(entry?.superseded ?? []);
  let mine: VersionRef | null = entry?.mine ?? null;
  const heads: NoteVersion[] = [];
  const note = snapshot.notes.get(session.id);
  if (note && !snapshot.unreadable.has(session.id)) {
    const shared = withoutPrivateBlocks(note.editorState);
    const contentHash = valueHash(shared);
    if (mine?.contentHash === contentHash) heads.push({ ...mine, editorState: shared });
    else if (mine || !isBlank(shared)) {
      const created: VersionRef = { id: nextVersionId(contentHash, mine?.id ?? null), author: options.me, savedAt: note.savedAt, contentHash };
      if (mine) superseded.add(mine.id);
      mine = created;
      heads.push({ ...created, editorState: shared });
    }
    if (options.includePrivate && heads.length > 0 && hasPrivateBlocks(note.editorState)) heads[0] = { ...heads[0], privateState: note.editorState };
  }
  heads.push(...(snapshot.incoming.get(session.id) ?? []).map(asNoteVersion));
  const merged = mergeSharedNotes({ heads, superseded: [...superseded] }, { heads: [], superseded: [] });
  return {
    shared: { id: sharedId, fields: fields.fields, present, note: merged },
    record: { localId: session.id, fields: fields.records, present, mine, superseded: merged.superseded },
  };
}

/** Deleted here since the last exchange (or earlier): replaces what this library knew of its note, nothing else. */
function captureRemovedSession(snapshot: LocalSnapshot, sharedId: string, entry: LedgerSession, options: CaptureOptions): { shared: SharedSession; record: LedgerSession } {
  const present = entry.present.value ? { value: false, stamp: laterStamp(options.now, entry.present.stamp, options.me) } : entry.present;
  const superseded = new Set(entry.superseded);
  if (entry.mine) superseded.add(entry.mine.id);
  for (const version of snapshot.incoming.get(entry.localId) ?? []) superseded.add(version.id);
  const ids = [...superseded].sort();
  return {
    shared: { id: sharedId, fields: {}, present, note: { heads: [], superseded: ids } },
    record: { ...entry, present, mine: null, superseded: ids },
  };
}

function asNoteVersion(stored: StoredIncomingVersion): NoteVersion {
  const { id, author, savedAt, contentHash, editorState } = stored;
  return { id, author, savedAt, contentHash, editorState };
}

function fieldValues(object: object, skip: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !skip.has(key)));
}

/** A post's fields, with the sessions it includes named by their team ids. */
function postValues(post: PostFile, sharedIdOfLocal: Map<string, string>): Record<string, unknown> {
  const values = fieldValues(post, POST_META);
  if (Array.isArray(post.sessionIds)) values.sessionIds = post.sessionIds.map((id) => sharedIdOfLocal.get(id) ?? id);
  return values;
}

/**
 * Stamps each field: unchanged since the ledger keeps its stamp; changed is stamped at
 * `changedAt` by `me`. Fields of something never exchanged before are "as first seen".
 */
function stampFields(
  values: Record<string, unknown>,
  records: Record<string, FieldRecord> | undefined,
  known: boolean,
  changedAt: string,
  me: string,
  isDefault: DefaultTest,
  changed: Set<string>,
): { fields: StampedFields; records: Record<string, FieldRecord> } {
  const fields: StampedFields = {};
  const next: Record<string, FieldRecord> = {};
  for (const key of [...new Set([...Object.keys(values), ...Object.keys(records ?? {})])].sort()) {
    const value = values[key];
    const record = records?.[key];
    const hash = fieldHash(value);
    let stamp: Stamp;
    if (record?.hash === hash) stamp = record.stamp;
    else if (!known || (!record && isDefault(key, value))) stamp = { at: null, by: me };
    else {
      stamp = laterStamp(changedAt, record?.stamp, me);
      changed.add(key);
    }
    if (value === undefined && !record) continue;
    fields[key] = { value, stamp };
    next[key] = { hash, stamp };
  }
  return { fields, records: next };
}

/** A change made here sorts after the value it replaced, even when this computer's clock is behind the teammate's. */
function laterStamp(at: string, replaced: Stamp | undefined, by: string): Stamp {
  if (replaced?.at && at <= replaced.at) return { at: new Date(Date.parse(replaced.at) + 1).toISOString(), by };
  return { at, by };
}

/** No words and no photo: a note opened and left empty is not a version anybody needs. */
function isBlank(state: SerializedNoteState): boolean {
  const hasImage = (node: SerializedNoteNode): boolean => node.type === 'image' || (node.children ?? []).some(hasImage);
  return noteStateText(state).trim() === '' && !hasImage(state.root);
}

