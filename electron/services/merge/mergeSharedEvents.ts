import { isDefaultEventValue, isDefaultPostValue, isDefaultSessionValue } from './fieldDefaults';
import { mergeSharedNotes } from './noteVersions';
import { sourceIdOf, type SharedEvent, type SharedPost, type SharedSession } from './sharedEvent';
import { chooseFieldValue, mergeStampedFields, type StampedFields } from './stampedFields';

export type MergedEvent = {
  merged: SharedEvent;
  /** Every session id of either side that the merge renamed, to the id it has now. */
  renamed: Map<string, string>;
};

/**
 * Merges two views of one event, session by session and field by field. Symmetric: either
 * side may be "local", and both libraries reach the same result, which is what lets two
 * reporters sync through a shared remote without one overwriting the other.
 *
 * Sessions are matched by id, then by the programme's source id (two reporters who imported
 * the same programme independently); a matched pair takes the smaller of its two ids, so both
 * sides pick the same one.
 */
export function mergeSharedEvents(local: SharedEvent, incoming: SharedEvent): MergedEvent {
  const renamed = new Map<string, string>();
  const pairs = pairSessions(local.sessions, incoming.sessions);

  const sessions: SharedSession[] = [];
  for (const [mine, theirs] of pairs) {
    if (!mine || !theirs) {
      sessions.push((mine ?? theirs)!);
      continue;
    }
    const id = mine.id < theirs.id ? mine.id : theirs.id;
    for (const other of [mine.id, theirs.id]) if (other !== id) renamed.set(other, id);
    const fields = mergeStampedFields(mine.fields, theirs.fields, isDefaultSessionValue);
    const present = chooseFieldValue('present', mine.present, theirs.present, () => false) as SharedSession['present'];
    sessions.push({ id, fields, present, note: mergeSharedNotes(mine.note, theirs.note) });
  }
  sessions.sort((a, b) => (a.id < b.id ? -1 : 1));

  const eventFields = mergeStampedFields(local.fields, incoming.fields, isDefaultEventValue);

  return {
    merged: {
      id: local.id < incoming.id ? local.id : incoming.id,
      createdAt: local.createdAt < incoming.createdAt ? local.createdAt : incoming.createdAt,
      fields: eventFields,
      sessions,
      posts: mergePosts(local.posts, incoming.posts, renamed),
      assets: [...new Set([...local.assets, ...incoming.assets])].sort(),
    },
    renamed,
  };
}

/** [local, incoming] pairs; one side is undefined for a session only that side has. */
function pairSessions(local: SharedSession[], incoming: SharedSession[]): [SharedSession | undefined, SharedSession | undefined][] {
  const pairs: [SharedSession | undefined, SharedSession | undefined][] = [];
  const localById = new Map(local.map((session) => [session.id, session]));
  const unpairedIncoming: SharedSession[] = [];
  for (const session of incoming) {
    const match = localById.get(session.id);
    if (match) {
      pairs.push([match, session]);
      localById.delete(session.id);
    } else unpairedIncoming.push(session);
  }
  const localBySource = uniqueBySource([...localById.values()]);
  const incomingBySource = uniqueBySource(unpairedIncoming);
  for (const session of unpairedIncoming) {
    const source = sourceIdOf(session);
    const match = source !== null && incomingBySource.get(source) === session ? localBySource.get(source) : undefined;
    if (match) {
      pairs.push([match, session]);
      localById.delete(match.id);
    } else pairs.push([undefined, session]);
  }
  for (const session of localById.values()) pairs.push([session, undefined]);
  return pairs;
}

/** Source ids that name exactly one session: a programme with a repeated id cannot tell those apart. */
function uniqueBySource(sessions: SharedSession[]): Map<string, SharedSession> {
  const bySource = new Map<string, SharedSession>();
  const repeated = new Set<string>();
  for (const session of sessions) {
    const source = sourceIdOf(session);
    if (source === null) continue;
    if (bySource.has(source)) repeated.add(source);
    else bySource.set(source, session);
  }
  for (const source of repeated) bySource.delete(source);
  return bySource;
}

function mergePosts(local: SharedPost[], incoming: SharedPost[], renamed: Map<string, string>): SharedPost[] {
  const keys = [...new Set([...local, ...incoming].map((post) => post.key))].sort();
  return keys.map((key) => {
    const mine = local.find((post) => post.key === key);
    const theirs = incoming.find((post) => post.key === key);
    const fields = mergeStampedFields(renameSessionRefs(mine?.fields ?? {}, renamed), renameSessionRefs(theirs?.fields ?? {}, renamed), isDefaultPostValue);
    return { key, fields };
  });
}

/** A post lists the sessions it includes; those lists must use the merged ids on both sides before they compare. */
function renameSessionRefs(fields: StampedFields, renamed: Map<string, string>): StampedFields {
  const sessionIds = fields.sessionIds;
  if (!sessionIds || !Array.isArray(sessionIds.value) || renamed.size === 0) return fields;
  const value = [...new Set((sessionIds.value as string[]).map((id) => renamed.get(id) ?? id))];
  return { ...fields, sessionIds: { ...sessionIds, value } };
}
