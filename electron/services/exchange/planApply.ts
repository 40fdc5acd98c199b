import { eventChangesSchema, eventFileSchema, sessionSchema, type EventChanges, type EventFile, type Session } from '../../../shared/model/event';
import { dayCount } from '../../../shared/model/calendar';
import { describePostDay, emptyPostSettings, postChangesSchema, sessionsForPost, type PostChanges } from '../../../shared/model/post';
import { emptyExchangeReport, type ExchangeReport, type FieldReplaced } from '../../../shared/model/team';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { insertInTimeOrder } from '../library/eventStore';
import { fieldHash, valueHash } from '../merge/canonicalJson';
import type { MergedEvent } from '../merge/mergeSharedEvents';
import { newestHead, type NoteVersion } from '../merge/noteVersions';
import { restorePrivateBlocks } from '../merge/privateBlocks';
import { isVisible, sessionTitleOf } from '../merge/sharedEvent';
import { valuesOf, type StampedFields } from '../merge/stampedFields';
import { ServiceError } from '../storage/serviceError';
import type { Captured } from './capture';
import type { StoredIncomingVersion } from './incomingVersions';
import { LEDGER_FORMAT, type FieldRecord, type Ledger, type LedgerSession, type VersionRef } from './ledger';
import { postDayOf, type LocalSnapshot } from './localSnapshot';

/** A note saved less than this long ago is being typed in: a background sync puts a teammate's version beside it, never over it. */
export const ACTIVE_EDIT_MS = 30_000;

export type PlanOptions = {
  me: string;
  now: string;
  via: 'bundle' | 'sync';
  incomingEventId: string;
  /** A note saved this recently is not replaced (0 for a bundle the reporter imports; the app saved every note first). */
  activeEditMs: number;
};

export type PlanInput = {
  /** The library's event as read, with what it captured; null when the result becomes a new event. */
  local: { snapshot: LocalSnapshot; captured: Captured } | null;
  merge: MergedEvent;
  options: PlanOptions;
  newSessionId: () => string;
};

export type NoteWrite = { localSessionId: string; sessionTitle: string; editorState: SerializedNoteState; version: VersionRef; expectedSavedAt: string | null };
export type PendingChange = { localSessionId: string; sessionTitle: string; versions: StoredIncomingVersion[]; added: StoredIncomingVersion[] };
export type PostWrite = { key: string; day: number | null; changes: PostChanges; replaced: { field: 'intro' | 'closing'; editorState: SerializedNoteState }[] };

/** Everything an exchange will write, worked out before the first write. */
export type ApplyPlan = {
  /** The event's fields after the merge (all of them, for a new event). */
  eventValues: Record<string, unknown>;
  eventChanges: EventChanges;
  /** The whole agenda after the merge, with this library's session ids. */
  sessions: Session[];
  agendaChanged: boolean;
  trash: Session[];
  noteWrites: NoteWrite[];
  pendingChanges: PendingChange[];
  postWrites: PostWrite[];
  newAssets: string[];
  ledger: Ledger;
  report: ExchangeReport;
};

const EVENT_CHANGE_KEYS = Object.keys(eventChangesSchema.shape);
const POST_CHANGE_KEYS = Object.keys(postChangesSchema.shape) as (keyof PostChanges)[];

/**
 * What merging the shared state into this library does, session by session:
 * - agenda fields take the merged values (per field); a deleted session goes to the trash only
 *   when nobody has a note in it;
 * - a note keeps this library's version while that is still a head; when only the other side
 *   changed it, the note becomes their version (this library's goes to History); every other
 *   head is kept beside it as a "from <author>" version;
 * - photos are added by content hash.
 */
export function planApply({ local, merge, options, newSessionId }: PlanInput): ApplyPlan {
  const { merged, renamed } = merge;
  const report = emptyExchangeReport();
  const event = local?.snapshot.event ?? null;
  const canonical = (sharedId: string) => renamed.get(sharedId) ?? sharedId;

  const entries = new Map<string, LedgerSession>();
  const changedHere = new Map<string, Set<string>>();
  for (const [sharedId, entry] of Object.entries(local?.captured.ledger.sessions ?? {})) entries.set(canonical(sharedId), entry);
  for (const [key, fields] of local?.captured.changedHere ?? []) changedHere.set(key.startsWith('post:') || key === '' ? key : canonical(key), fields);

  const localSessions = event?.sessions ?? [];
  const localById = new Map(localSessions.map((session) => [session.id, session]));
  const takenIds = new Set([...localSessions.map((session) => session.id), ...[...entries.values()].map((entry) => entry.localId)]);
  const localIdOf = new Map<string, string>();
  for (const [id, entry] of entries) localIdOf.set(id, entry.localId);

  // The event's own fields.
  const eventValues = valuesOf(merged.fields);
  const eventChanges: Record<string, unknown> = {};
  if (event) {
    for (const key of EVENT_CHANGE_KEYS) {
      if (key in merged.fields && valueHash(merged.fields[key].value) !== valueHash((event as Record<string, unknown>)[key])) eventChanges[key] = merged.fields[key].value;
    }
    report.eventFieldsUpdated = Object.keys(eventChanges);
    for (const field of report.eventFieldsUpdated) if (changedHere.get('')?.has(field)) report.fieldsReplaced.push(replaced(event.title, field, (event as Record<string, unknown>)[field], eventChanges[field]));
  }

  // The agenda.
  const updated = new Map<string, Session>();
  const added: Session[] = [];
  const trash: Session[] = [];
  const skipped = new Set<string>();
  for (const shared of merged.sessions) {
    const localId = localIdOf.get(shared.id);
    const current = localId ? localById.get(localId) : undefined;
    if (!isVisible(shared)) {
      if (current && !local?.snapshot.unreadable.has(current.id)) {
        trash.push(current);
        report.sessionsRemoved.push(current.title);
      }
      continue;
    }
    const id = current?.id ?? claimId(shared.id, takenIds, newSessionId);
    const candidate = sessionSchema.safeParse({ ...valuesOf(shared.fields), id });
    if (!candidate.success) {
      if (!current) {
        skipped.add(shared.id);
        report.notesLeftOut.push({ sessionTitle: sessionTitleOf(shared), reason: `its agenda entry could not be merged (${candidate.error.issues[0].message})` });
        continue;
      }
    }
    localIdOf.set(shared.id, id);
    const session = candidate.success ? candidate.data : current!;
    if (current && !shared.present.value) report.sessionsKept.push(session.title);
    if (!current) {
      added.push(session);
      report.sessionsAdded.push(session.title);
      continue;
    }
    const fields = Object.keys({ ...current, ...session }).filter((key) => valueHash((current as Record<string, unknown>)[key]) !== valueHash((session as Record<string, unknown>)[key]));
    if (fields.length === 0) continue;
    updated.set(current.id, session);
    report.sessionsUpdated.push({ sessionTitle: session.title, fields });
    const mineChanged = changedHere.get(shared.id);
    for (const field of fields) if (mineChanged?.has(field)) report.fieldsReplaced.push(replaced(session.title, field, (current as Record<string, unknown>)[field], (session as Record<string, unknown>)[field]));
  }

  const trashed = new Set(trash.map((session) => session.id));
  let sessions = localSessions.filter((session) => !trashed.has(session.id)).map((session) => updated.get(session.id) ?? session);
  for (const session of [...updated.values()]) {
    const before = localById.get(session.id)!;
    if (before.day !== session.day || before.start !== session.start) sessions = insertInTimeOrder(sessions.filter((other) => other.id !== session.id), session);
  }
  for (const session of added) sessions = insertInTimeOrder(sessions, session);

  const finalEvent = validEvent(event, eventValues, eventChanges, sessions, merged);
  if (finalEvent.keptLocalFields) {
    report.eventFieldsUpdated = [];
    report.fieldsReplaced = report.fieldsReplaced.filter((change) => change.sessionTitle !== event?.title);
  }
  const eventFieldsNow = finalEvent.event;

  // Notes and the versions kept beside them.
  const noteWrites: NoteWrite[] = [];
  const pendingChanges: PendingChange[] = [];
  const mineAfter = new Map<string, VersionRef | null>();
  for (const shared of merged.sessions) {
    const localId = localIdOf.get(shared.id);
    if (!isVisible(shared) || !localId || skipped.has(shared.id)) continue;
    const title = sessionTitleOf(shared);
    if (local?.snapshot.unreadable.has(localId)) {
      report.notesLeftOut.push({ sessionTitle: title, reason: local.snapshot.unreadable.get(localId)! });
      continue;
    }
    const mine = entries.get(shared.id)?.mine ?? null;
    const note = local?.snapshot.notes.get(localId) ?? null;
    const before = local?.snapshot.incoming.get(localId) ?? [];
    const heads = shared.note.heads;
    let shown = mine;
    let others: NoteVersion[];
    if (heads.length === 0) others = [];
    else if (mine && heads.some((head) => head.id === mine.id)) others = heads.filter((head) => head.id !== mine.id);
    else if (mine && note && Date.parse(options.now) - Date.parse(note.savedAt) < options.activeEditMs) others = heads;
    else {
      const target = newestHead(heads)!;
      shown = versionRef(target);
      others = heads.filter((head) => head !== target);
      noteWrites.push({
        localSessionId: localId,
        sessionTitle: title,
        editorState: restorePrivateBlocks(target.editorState, note?.editorState, target.privateState),
        version: shown,
        expectedSavedAt: note?.savedAt ?? null,
      });
      (mine ? report.notesUpdated : report.notesAdded).push({ sessionId: localId, sessionTitle: title, author: target.author });
    }
    mineAfter.set(shared.id, shown);
    const kept = others.map((head) => before.find((version) => version.id === head.id) ?? incomingVersion(head, options));
    const arrived = kept.filter((version) => !before.some((old) => old.id === version.id));
    for (const version of arrived) report.notesBothChanged.push({ sessionId: localId, sessionTitle: title, author: version.author });
    if (arrived.length > 0 || kept.length !== before.length) pendingChanges.push({ localSessionId: localId, sessionTitle: title, versions: kept, added: arrived });
  }
  // A session deleted here whose teammates' versions are now replaced too.
  for (const [localId, versions] of local?.snapshot.incoming ?? []) {
    if (versions.length > 0 && !sessions.some((session) => session.id === localId) && !pendingChanges.some((change) => change.localSessionId === localId)) {
      pendingChanges.push({ localSessionId: localId, sessionTitle: localById.get(localId)?.title ?? localId, versions: [], added: [] });
    }
  }

  // Posts.
  const postWrites: PostWrite[] = [];
  const days = dayCount(String(eventFieldsNow.startDate), String(eventFieldsNow.endDate));
  const agenda = { sessions };
  for (const post of merged.posts) {
    const day = postDayOf(post.key);
    if (day === undefined || (day !== null && day > days)) continue;
    const stored = local?.snapshot.posts.get(post.key) ?? null;
    const available = new Set(sessionsForPost(agenda, day).map((session) => session.id));
    const values = postValuesFor(post.fields, localIdOf, available);
    const changes: Record<string, unknown> = {};
    const replacedTexts: PostWrite['replaced'] = [];
    for (const key of POST_CHANGE_KEYS) {
      const current = stored ? stored[key] : defaultPostValue(key);
      if (valueHash(values[key]) === valueHash(current)) continue;
      changes[key] = values[key];
      if ((key === 'intro' || key === 'closing') && current) replacedTexts.push({ field: key, editorState: current as SerializedNoteState });
    }
    if (Object.keys(changes).length === 0) continue;
    postWrites.push({ key: post.key, day, changes: changes as PostChanges, replaced: replacedTexts });
    report.postsUpdated.push(describePostDay(day));
  }

  const localAssets = new Set(local?.snapshot.assets ?? []);
  const newAssets = merged.assets.filter((asset) => !localAssets.has(asset));
  report.photosAdded = newAssets.length;

  const agendaChanged = trash.length > 0 || updated.size > 0 || added.length > 0 || Object.keys(finalEvent.changes).length > 0;
  report.changed =
    agendaChanged ||
    noteWrites.length > 0 ||
    pendingChanges.length > 0 ||
    postWrites.length > 0 ||
    newAssets.length > 0;

  return {
    eventValues: eventFieldsNow,
    eventChanges: finalEvent.changes,
    sessions,
    agendaChanged,
    trash,
    noteWrites,
    pendingChanges,
    postWrites,
    newAssets,
    ledger: nextLedger(local?.captured.ledger ?? null, merge, options, { entries, localIdOf, skipped, mineAfter, sessions, eventFieldsNow }),
    report,
  };
}

function nextLedger(
  previous: Ledger | null,
  { merged }: MergedEvent,
  options: PlanOptions,
  state: { entries: Map<string, LedgerSession>; localIdOf: Map<string, string>; skipped: Set<string>; mineAfter: Map<string, VersionRef | null>; sessions: Session[]; eventFieldsNow: Record<string, unknown> },
): Ledger {
  const sessionsById = new Map(state.sessions.map((session) => [session.id, session]));
  const ledger: Ledger = {
    format: LEDGER_FORMAT,
    sharedEventId: merged.id,
    knownEventIds: [...new Set([...(previous?.knownEventIds ?? []), merged.id, options.incomingEventId])].sort(),
    createdAt: merged.createdAt,
    event: recordsFor(merged.fields, state.eventFieldsNow, previous?.event),
    sessions: {},
    posts: Object.fromEntries(merged.posts.map((post) => [post.key, { fields: recordsFor(post.fields, valuesOf(post.fields), previous?.posts[post.key]?.fields) }])),
  };
  for (const shared of merged.sessions) {
    if (state.skipped.has(shared.id)) continue;
    const entry = state.entries.get(shared.id);
    // A session this library never had keeps its team id as its placeholder local id: deleted, it stays deleted.
    const localId = state.localIdOf.get(shared.id) ?? entry?.localId ?? shared.id;
    const session = sessionsById.get(localId);
    ledger.sessions[shared.id] = {
      localId,
      fields: session ? recordsFor(shared.fields, session, entry?.fields) : entry?.fields ?? {},
      present: shared.present,
      mine: state.mineAfter.has(shared.id) ? state.mineAfter.get(shared.id)! : (entry?.mine ?? null),
      superseded: shared.note.superseded,
    };
  }
  return ledger;
}

/** What the ledger remembers of each field: the value now in the library, with the merged stamp when that is the merged value. */
function recordsFor(fields: StampedFields, values: object, previous: Record<string, FieldRecord> | undefined): Record<string, FieldRecord> {
  const records: Record<string, FieldRecord> = {};
  for (const [key, field] of Object.entries(fields)) {
    const hash = fieldHash((values as Record<string, unknown>)[key]);
    records[key] = hash === fieldHash(field.value) ? { hash, stamp: field.stamp } : (previous?.[key] ?? { hash, stamp: field.stamp });
  }
  return records;
}

/** The event as it will be written, checked whole; dates that would strand sessions keep this library's dates. */
function validEvent(
  event: EventFile | null,
  values: Record<string, unknown>,
  changes: Record<string, unknown>,
  sessions: Session[],
  merged: MergedEvent['merged'],
): { event: Record<string, unknown>; changes: EventChanges; keptLocalFields: boolean } {
  const base = event ?? { format: 1, id: merged.id, createdAt: merged.createdAt, updatedAt: merged.createdAt };
  const attempt = (fields: Record<string, unknown>) => eventFileSchema.safeParse({ ...base, ...fields, sessions });
  const merged1 = attempt(event ? changes : values);
  if (merged1.success) return { event: { ...base, ...(event ? { ...event, ...changes } : values) }, changes, keptLocalFields: false };
  if (event) {
    const kept = attempt({});
    if (kept.success) return { event: { ...event }, changes: {}, keptLocalFields: true };
  }
  const issue = merged1.error.issues[0];
  throw new ServiceError('conflict', `The merged agenda of "${String(values.title ?? event?.title)}" is not valid (${issue.path.join('.')}: ${issue.message}); nothing was changed.`);
}

function claimId(sharedId: string, taken: Set<string>, newSessionId: () => string): string {
  let id = taken.has(sharedId) ? newSessionId() : sharedId;
  while (taken.has(id)) id = newSessionId();
  taken.add(id);
  return id;
}

/** A post's merged settings with this library's session ids, keeping only sessions the post can include. */
function postValuesFor(fields: StampedFields, localIdOf: Map<string, string>, available: Set<string>): Record<string, unknown> {
  const values: Record<string, unknown> = { ...emptyPostSettings(), intro: null, closing: null, ...valuesOf(fields) };
  if (Array.isArray(values.sessionIds)) {
    values.sessionIds = (values.sessionIds as string[]).flatMap((id) => {
      const localId = localIdOf.get(id);
      return localId && available.has(localId) ? [localId] : [];
    });
  }
  return values;
}

function defaultPostValue(key: keyof PostChanges): unknown {
  return key === 'intro' || key === 'closing' ? null : emptyPostSettings()[key];
}

function versionRef(head: NoteVersion): VersionRef {
  return { id: head.id, author: head.author, savedAt: head.savedAt, contentHash: head.contentHash };
}

function incomingVersion(head: NoteVersion, options: PlanOptions): StoredIncomingVersion {
  return { ...versionRef(head), editorState: head.editorState, receivedAt: options.now, via: options.via };
}

function replaced(sessionTitle: string, field: string, yours: unknown, theirs: unknown): FieldReplaced {
  return { sessionTitle, field, yours: describeValue(yours), theirs: describeValue(theirs) };
}

function describeValue(value: unknown): string {
  if (value === undefined || value === null) return '(empty)';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 79)}…` : value || '(empty)';
  if (Array.isArray(value) && value.every((item) => typeof item === 'object' && item && 'name' in item)) return value.map((item) => (item as { name: string }).name).join(', ') || '(none)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

