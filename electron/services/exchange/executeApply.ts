import { join } from 'node:path';
import type { AssetStore } from '../assets/assetStore';
import type { HistoryService } from '../history/historyService';
import type { EventStore } from '../library/eventStore';
import type { NoteStore } from '../notes/noteStore';
import type { PostStore } from '../posts/postStore';
import { writeFileAtomic } from '../storage/atomicWrite';
import { fileSystemError, ServiceError } from '../storage/serviceError';
import { canonicalJson, sha256Hex } from '../merge/canonicalJson';
import type { IncomingVersionStore } from './incomingVersions';
import type { LedgerStore } from './ledger';
import type { LocalSnapshot } from './localSnapshot';
import type { ApplyPlan } from './planApply';
import { ensureFolders, type TeamPaths } from './teamPaths';

export type ApplyWriters = {
  events: EventStore;
  notes: NoteStore;
  posts: PostStore;
  assets: AssetStore;
  history: HistoryService;
  incoming: IncomingVersionStore;
  ledgers: LedgerStore;
  team: TeamPaths;
};

/** A photo's bytes from wherever the shared state came from (a bundle entry, a Git blob). */
export type AssetReader = (fileName: string) => Promise<Buffer>;

/**
 * Writes a plan through the stores, in the order that keeps the library whole if it stops
 * half way: photos first (content-addressed, harmless alone), then the agenda in one write
 * (refused if it changed since it was read), then notes (each snapshotted before it is
 * replaced), the versions kept beside them, posts, and last the ledger, so an interrupted
 * exchange is simply done again.
 */
export async function executeApply(writers: ApplyWriters, target: { eventId: string | null; snapshot: LocalSnapshot | null }, plan: ApplyPlan, readAsset: AssetReader): Promise<string> {
  let eventId = target.eventId;
  if (eventId === null) {
    const { title, venue, startDate, endDate, timezone, author } = plan.eventValues as Record<string, string>;
    const created = await writers.events.create({ title, venue, startDate, endDate, timezone, author });
    eventId = created.id;
    try {
      await storeAssets(writers, eventId, plan.newAssets, readAsset);
      await writers.events.replaceSessions(eventId, plan.sessions, {}, created.updatedAt);
    } catch (error) {
      // A new event must not stay behind half-made; it goes to the trash like any deleted event.
      await writers.events.delete(eventId).catch(() => undefined);
      throw error;
    }
    plan.ledger.knownEventIds = [...new Set([...plan.ledger.knownEventIds, eventId])].sort();
  } else {
    await storeAssets(writers, eventId, plan.newAssets, readAsset);
    if (plan.agendaChanged) await writers.events.replaceSessions(eventId, plan.sessions, plan.eventChanges, target.snapshot!.event.updatedAt);
    for (const session of plan.trash) await writers.notes.moveToTrash(eventId, session);
  }

  for (const write of plan.noteWrites) {
    const current = await writers.notes.load(eventId, write.localSessionId).catch(() => null);
    if ((current?.note?.savedAt ?? null) !== write.expectedSavedAt) {
      throw new ServiceError('conflict', `The note for "${write.sessionTitle}" changed while the team's changes were being merged; nothing more was changed. Try again.`);
    }
    // baseSavedAt: should the note change after all between this check and the save, the note store keeps that version too.
    await writers.notes.save(eventId, write.localSessionId, write.editorState, { reason: 'before-merge', baseSavedAt: write.expectedSavedAt });
  }
  for (const change of plan.pendingChanges) {
    for (const version of change.added) await writers.history.keepVersion(eventId, change.localSessionId, version.editorState, 'incoming', version.author);
    await writers.incoming.write(eventId, change.localSessionId, change.versions);
  }
  for (const write of plan.postWrites) {
    if (write.replaced.length > 0) await keepReplacedTexts(writers.team, eventId, write);
    await writers.posts.save(eventId, write.day, write.changes);
  }
  await writers.ledgers.write(eventId, plan.ledger);
  return eventId;
}

async function storeAssets(writers: ApplyWriters, eventId: string, files: string[], readAsset: AssetReader): Promise<void> {
  for (const file of files) {
    const bytes = await readAsset(file);
    if (sha256Hex(bytes) !== file.slice(0, 64)) {
      throw new ServiceError('invalid-argument', `The photo ${file} does not match its name (it was changed or damaged on the way); nothing more was changed.`);
    }
    await writers.assets.store({ eventId, fileName: file, dataBase64: bytes.toString('base64') });
  }
}

/** An intro or closing a teammate's later text replaced, kept as it was (team/replaced/). */
async function keepReplacedTexts(team: TeamPaths, eventId: string, write: ApplyPlan['postWrites'][number]): Promise<void> {
  try {
    await ensureFolders(team.folder(eventId), team.replacedFolder(eventId));
  } catch (error) {
    throw fileSystemError('keep the post text a teammate replaced', error);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const { field, editorState } of write.replaced) {
    await writeFileAtomic(join(team.replacedFolder(eventId), `${stamp}-${write.key}-${field}.json`), canonicalJson({ post: write.key, field, editorState }), `the replaced ${field} of the post`);
  }
}
