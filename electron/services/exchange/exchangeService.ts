import { userInfo } from 'node:os';
import type { EventFile } from '../../../shared/model/event';
import type { IncomingVersion } from '../../../shared/model/team';
import { countWords, noteStateText } from '../../../shared/note/noteText';
import type { AssetStore } from '../assets/assetStore';
import type { HistoryService } from '../history/historyService';
import { newSessionId } from '../library/ids';
import type { EventStore } from '../library/eventStore';
import type { LibraryPaths } from '../library/libraryPaths';
import type { NoteStore } from '../notes/noteStore';
import type { PostStore } from '../posts/postStore';
import type { PreferenceService } from '../preferences/preferenceService';
import { ServiceError } from '../storage/serviceError';
import { mergeSharedEvents, type MergedEvent } from '../merge/mergeSharedEvents';
import { restorePrivateBlocks } from '../merge/privateBlocks';
import type { SharedEvent } from '../merge/sharedEvent';
import { captureLocalState, type Captured } from './capture';
import { executeApply, type AssetReader } from './executeApply';
import { IncomingVersionStore } from './incomingVersions';
import { LedgerStore, type Ledger } from './ledger';
import type { LocalSnapshot } from './localSnapshot';
import { ACTIVE_EDIT_MS, planApply, type ApplyPlan } from './planApply';
import { readLocalSnapshot } from './readLocalSnapshot';
import { TeamPaths } from './teamPaths';
import type { LibraryLocks } from '../storage/libraryLocks';
import { sha256Hex } from '../merge/canonicalJson';

export type ExchangeDeps = {
  paths: LibraryPaths;
  events: EventStore;
  notes: NoteStore;
  posts: PostStore;
  assets: AssetStore;
  history: HistoryService;
  preferences: PreferenceService;
  locks: LibraryLocks;
};

/** The library's side of an exchange, as read and captured. */
export type LocalSide = { snapshot: LocalSnapshot; captured: Captured };

/**
 * What bundles and sync share: reading an event as the team shares it, merging what came in
 * with the per-session rules, writing the result through the stores, and the teammates'
 * versions kept beside a note until the reporter chooses.
 */
export class ExchangeService {
  readonly team: TeamPaths;
  readonly ledgers: LedgerStore;
  readonly incoming: IncomingVersionStore;

  constructor(private readonly deps: ExchangeDeps) {
    this.team = new TeamPaths(deps.paths);
    this.ledgers = new LedgerStore(deps.paths, this.team);
    this.incoming = new IncomingVersionStore(deps.paths, this.team);
  }

  /** Who this library's changes are from: the default author in the settings, else the event's, else the computer's user. */
  author(event?: EventFile): string {
    const name = this.deps.preferences.get().defaultAuthor.trim() || event?.author.trim() || safeUserName();
    return name.slice(0, 200);
  }

  /**
   * Runs one exchange of an event at a time, across processes too: a lock of its own beside the
   * event's (the library's locks, under a key of its own), so saves and agenda edits go on while
   * a sync waits for the network; each of its writes takes the event's lock as any write does.
   */
  async locked<T>(eventId: string, what: string, run: () => Promise<T>): Promise<T> {
    await this.deps.events.get(eventId);
    return this.deps.locks.run(teamLockKey(eventId), what, run);
  }

  async readLocal(eventId: string, options: { includePrivate: boolean; now?: string }): Promise<LocalSide> {
    const ledger = await this.ledgers.read(eventId);
    const snapshot = await readLocalSnapshot({ ...this.deps, incoming: this.incoming }, eventId, ledger);
    const me = this.author(snapshot.event);
    return { snapshot, captured: captureLocalState(snapshot, ledger, { me, now: options.now ?? new Date().toISOString(), includePrivate: options.includePrivate }) };
  }

  /**
   * Remembers the event as a programme import left it, before anyone edits it: two reporters
   * who imported the same programme then know, at their first exchange, which fields each of
   * them changed since (a moved room, a corrected title) rather than guessing.
   */
  async recordBaseline(eventId: string): Promise<void> {
    if (await this.ledgers.read(eventId)) return;
    await this.locked(eventId, 'remembering the imported programme', async () => {
      if (await this.ledgers.read(eventId)) return;
      const local = await this.readLocal(eventId, { includePrivate: false });
      await this.ledgers.write(eventId, local.captured.ledger);
    });
  }

  /** Records what was just shared (an export, a commit): later changes are measured from it. */
  rememberShared(eventId: string, ledger: Ledger): Promise<void> {
    return this.ledgers.write(eventId, ledger);
  }

  plan(local: LocalSide | null, incoming: SharedEvent, via: 'bundle' | 'sync'): { merge: MergedEvent; plan: ApplyPlan } {
    const merge = local ? mergeSharedEvents(local.captured.shared, incoming) : { merged: incoming, renamed: new Map<string, string>() };
    const me = this.author(local?.snapshot.event);
    const options = { me, now: new Date().toISOString(), via, incomingEventId: incoming.id, activeEditMs: via === 'sync' ? ACTIVE_EDIT_MS : 0 };
    const plan = planApply({ local, merge, options, newSessionId });
    return { merge, plan };
  }

  apply(eventId: string | null, local: LocalSide | null, plan: ApplyPlan, readAsset: AssetReader): Promise<string> {
    return executeApply({ ...this.deps, incoming: this.incoming, ledgers: this.ledgers, team: this.team }, { eventId, snapshot: local?.snapshot ?? null }, plan, readAsset);
  }

  /** The teammates' versions of a note waiting beside it, newest first. */
  async incomingVersions(eventId: string, sessionId: string): Promise<IncomingVersion[]> {
    await this.findSession(eventId, sessionId);
    const versions = await this.incoming.read(eventId, sessionId);
    return versions
      .map(({ id, author, savedAt, receivedAt, via, editorState }) => ({ versionId: id, author, savedAt, receivedAt, via, editorState, words: countWords(noteStateText(editorState)) }))
      .sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
  }

  /** Sessions of the event with teammates' versions waiting: the marker on their agenda rows. */
  async sessionsWithIncoming(eventId: string): Promise<string[]> {
    await this.deps.events.get(eventId);
    return this.incoming.sessionIds(eventId);
  }

  /**
   * The reporter chose: "theirs" makes their version the note (the current one is kept in
   * History first, private blocks stay), "mine" sets theirs aside (it stays in History). Either
   * way the choice is what this library shares from now on, so teammates see it too.
   */
  resolve(eventId: string, sessionId: string, versionId: string, choice: 'theirs' | 'mine'): Promise<{ resolved: true; noteReplaced: boolean }> {
    return this.locked(eventId, 'merging a teammate’s version', async () => {
      const session = await this.findSession(eventId, sessionId);
      const versions = await this.incoming.read(eventId, sessionId);
      const chosen = versions.find((version) => version.id === versionId);
      if (!chosen) throw new ServiceError('not-found', `That version of the note for "${session.title}" is no longer waiting; it may have been chosen already.`);
      const ledger = await this.ledgers.read(eventId);
      const entry = Object.values(ledger?.sessions ?? {}).find((candidate) => candidate.localId === sessionId);
      if (!ledger || !entry) throw new ServiceError('not-found', `The team record of "${session.title}" is missing; exchange the event again, then choose.`);
      if (choice === 'theirs') {
        const { note } = await this.deps.notes.load(eventId, sessionId);
        await this.deps.notes.save(eventId, sessionId, restorePrivateBlocks(chosen.editorState, note?.editorState), { reason: 'before-merge', baseSavedAt: note?.savedAt ?? null });
        if (entry.mine) entry.superseded = [...new Set([...entry.superseded, entry.mine.id])].sort();
        const { editorState: _state, receivedAt: _received, via: _via, ...ref } = chosen;
        entry.mine = ref;
      } else {
        entry.superseded = [...new Set([...entry.superseded, chosen.id])].sort();
      }
      await this.incoming.write(eventId, sessionId, versions.filter((version) => version.id !== versionId));
      await this.ledgers.write(eventId, ledger);
      return { resolved: true, noteReplaced: choice === 'theirs' };
    });
  }

  private async findSession(eventId: string, sessionId: string) {
    const event = await this.deps.events.get(eventId);
    const session = event.sessions.find((candidate) => candidate.id === sessionId);
    if (!session) throw new ServiceError('not-found', `Event "${event.title}" has no session with id "${sessionId}".`);
    return session;
  }
}

/** `<eventId>--team`: an id no event has (ids never hold "--"), short enough to be a lock name. */
function teamLockKey(eventId: string): string {
  const base = eventId.length > 74 ? `${eventId.slice(0, 57)}-${sha256Hex(eventId).slice(0, 16)}` : eventId;
  return `${base}--team`;
}

function safeUserName(): string {
  try {
    return userInfo().username || 'A teammate';
  } catch {
    return 'A teammate';
  }
}
