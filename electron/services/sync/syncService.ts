import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyExchangeReport, remoteUrlSchema, type ExchangeReport, type SyncStatus } from '../../../shared/model/team';
import type { EventStore } from '../library/eventStore';
import type { LibraryPaths } from '../library/libraryPaths';
import { fileSystemError, ServiceError } from '../storage/serviceError';
import { parseOrThrow } from '../validation/parseOrThrow';
import type { ExchangeService, LocalSide } from '../exchange/exchangeService';
import { assetPath, decodeSharedEvent, encodeSharedEvent } from '../exchange/sharedFiles';
import { MAX_ASSET_BYTES } from '../exchange/sharedLimits';
import { EventRepository, type GitAuth } from './eventRepository';
import { bundleFitsEvent } from '../bundle/findBundleTarget';
import { describeRemoteProblem } from './remoteErrors';
import { secretKeys } from '../secrets/secretKeys';
import type { SecretStore } from '../secrets/secretStore';
import { SyncSettings } from './syncSettings';

export type SyncServiceDeps = { paths: LibraryPaths; events: EventStore; exchange: ExchangeService; secrets: SecretStore };
export type SyncOptions = { remoteUrl?: string; username?: string; token?: string };

/** A push the remote refused because it moved on meanwhile is merged again this many times before giving up for now. */
const PUSH_ATTEMPTS = 3;
const DEFAULT_USERNAME = 'hallnotes';

/**
 * Sync through a shared Git remote (isomorphic-git: no system git needed). Each event has its
 * own repository. A sync commits the event as the team shares it, fetches the remote, merges
 * the remote's state into the library with the same per-session rules as a bundle (never a
 * textual merge, never conflict markers), records a merge commit with both parents (no commit
 * is ever lost), and pushes. Offline, it stops after the local commit and tries again later.
 */
export class SyncService {
  readonly settings: SyncSettings;

  constructor(private readonly deps: SyncServiceDeps) {
    this.settings = new SyncSettings(deps.paths, deps.exchange.team);
  }

  async status(eventId: string): Promise<SyncStatus> {
    await this.deps.events.get(eventId);
    const [remote, status] = await Promise.all([this.settings.readRemote(eventId), this.settings.readStatus(eventId)]);
    const repository = new EventRepository(this.settings.gitdir(eventId));
    return {
      eventId,
      remoteUrl: remote?.remoteUrl ?? null,
      hasToken: remote ? (await this.token(eventId, remote.remoteUrl)) !== null : false,
      state: status?.state ?? 'never',
      lastSyncedAt: status?.lastSyncedAt ?? null,
      lastAttemptAt: status?.lastAttemptAt ?? null,
      message: status?.message ?? null,
      cameIn: status?.cameIn ?? null,
      pendingCommits: repository.exists() ? await repository.commitsAhead() : 0,
    };
  }

  /** Sets (or changes) the event's remote and, if given, its token; the token goes to the secret store, never into the library. */
  async configure(eventId: string, options: SyncOptions & { remoteUrl: string }): Promise<SyncStatus> {
    await this.deps.events.get(eventId);
    const remoteUrl = parseOrThrow(remoteUrlSchema, options.remoteUrl, 'remote');
    const previous = await this.settings.readRemote(eventId);
    await this.settings.writeRemote(eventId, { remoteUrl, username: options.username ?? previous?.username ?? DEFAULT_USERNAME });
    if (options.token) await this.deps.secrets.set(secretKeys.eventGitToken(eventId, remoteUrl), options.token, remoteUrl);
    return this.status(eventId);
  }

  /** Events that have a remote: the ones the app syncs in the background. */
  async configuredEvents(): Promise<string[]> {
    const { events } = await this.deps.events.list();
    const configured: string[] = [];
    for (const event of events) if (await this.settings.readRemote(event.id).catch(() => null)) configured.push(event.id);
    return configured;
  }

  /** Commits the event locally if it changed since the last commit (the app calls this after a quiet period). No network. */
  async commitLocal(eventId: string): Promise<{ committed: boolean }> {
    const remote = await this.settings.readRemote(eventId);
    if (!remote) return { committed: false };
    return this.deps.exchange.locked(eventId, 'syncing', async () => {
      const repository = await this.repository(eventId, remote.remoteUrl);
      const before = await repository.head();
      const after = await this.commitLibrary(eventId, repository, await this.deps.exchange.readLocal(eventId, { includePrivate: false }));
      return { committed: before !== after };
    });
  }

  async sync(eventId: string, options: SyncOptions = {}): Promise<SyncStatus> {
    if (options.remoteUrl) await this.configure(eventId, { ...options, remoteUrl: options.remoteUrl });
    else if (options.token) {
      const configured = await this.settings.readRemote(eventId);
      if (configured) await this.deps.secrets.set(secretKeys.eventGitToken(eventId, configured.remoteUrl), options.token, configured.remoteUrl);
    }
    const remote = await this.settings.readRemote(eventId);
    if (!remote) throw new ServiceError('invalid-argument', `Event "${eventId}" has no remote yet: give one with --remote URL (or in the Team panel).`);
    const attemptAt = new Date().toISOString();
    const previous = await this.settings.readStatus(eventId);
    try {
      const cameIn = await this.deps.exchange.locked(eventId, 'syncing', () => this.run(eventId, remote.remoteUrl, remote.username));
      await this.settings.writeStatus(eventId, { state: 'synced', lastSyncedAt: attemptAt, lastAttemptAt: attemptAt, message: null, cameIn });
    } catch (error) {
      const problem = describeRemoteProblem(error, remote.remoteUrl);
      await this.settings.writeStatus(eventId, {
        state: problem.offline ? 'offline' : 'failed',
        lastSyncedAt: previous?.lastSyncedAt ?? null,
        lastAttemptAt: attemptAt,
        message: problem.message,
        cameIn: previous?.cameIn ?? null,
      });
    }
    return this.status(eventId);
  }

  private async run(eventId: string, remoteUrl: string, username: string): Promise<ExchangeReport> {
    const { exchange } = this.deps;
    const repository = await this.repository(eventId, remoteUrl);
    const token = await this.token(eventId, remoteUrl);
    const auth: GitAuth = token ? { username: username || DEFAULT_USERNAME, password: token } : null;
    let local = await exchange.readLocal(eventId, { includePrivate: false });
    let head = await this.commitLibrary(eventId, repository, local);
    let cameIn = emptyExchangeReport();

    for (let attempt = 1; ; attempt++) {
      const remoteHead = await repository.fetch(auth);
      if (remoteHead && remoteHead !== head && !(await repository.isAncestor(remoteHead, head))) {
        const source = await repository.sourceOf(remoteHead);
        const incoming = await decodeSharedEvent(source, `The remote ${remoteUrl}`);
        if (!(await bundleFitsEvent(local.snapshot.event, exchange.ledgers, incoming))) {
          const title = String(incoming.fields.title?.value ?? incoming.id);
          throw new ServiceError(
            'conflict',
            `The repository ${remoteUrl} holds another event ("${title}"), not "${local.snapshot.event.title}" nor its programme; nothing was merged. Use an empty repository, or the one of this event.`,
          );
        }
        const { merge, plan } = exchange.plan(local, incoming, 'sync');
        if (plan.report.changed) await exchange.apply(eventId, local, plan, (file) => source.read(assetPath(file), MAX_ASSET_BYTES));
        else await exchange.rememberShared(eventId, plan.ledger);
        cameIn = addReports(cameIn, plan.report);
        const known = new Map([...(await repository.assetBlobs(head)), ...(await repository.assetBlobs(remoteHead))]);
        const tree = await repository.writeTree(encodeSharedEvent(merge.merged, { includePrivate: false }), merge.merged.assets, known, (file) => this.readAsset(eventId, file));
        const fastForward = tree === (await repository.treeOf(remoteHead)) && (await repository.isAncestor(head, remoteHead));
        head = fastForward ? remoteHead : await repository.commit(tree, [head, remoteHead], `Merge the team's changes from ${URL.parse(remoteUrl)?.host ?? remoteUrl}`, exchange.author(local.snapshot.event));
        await repository.setHead(head);
        if (fastForward) return cameIn;
      }
      if (remoteHead === head) return cameIn;
      try {
        await repository.push(auth);
        return cameIn;
      } catch (error) {
        if ((error as { code?: string }).code !== 'PushRejectedError' || attempt >= PUSH_ATTEMPTS) throw error;
        // Somebody pushed in between: fetch and merge their commit too, then push again.
        local = await exchange.readLocal(eventId, { includePrivate: false });
      }
    }
  }

  /** Commits the library's shared state when it differs from the last commit; records what was committed. */
  private async commitLibrary(eventId: string, repository: EventRepository, local: LocalSide): Promise<string> {
    const { shared } = local.captured;
    const head = await repository.head();
    const tree = await repository.writeTree(encodeSharedEvent(shared, { includePrivate: false }), shared.assets, await repository.assetBlobs(head), (file) => this.readAsset(eventId, file));
    let commit = head;
    if (!head || (await repository.treeOf(head)) !== tree) {
      const author = this.deps.exchange.author(local.snapshot.event);
      commit = await repository.commit(tree, head ? [head] : [], `Notes from ${author}`, author);
      await repository.setHead(commit);
    }
    await this.deps.exchange.rememberShared(eventId, local.captured.ledger);
    return commit!;
  }

  /** The event's token, only as stored for its remote's site: a remote moved to another host needs it typed again. */
  private token(eventId: string, remoteUrl: string): Promise<string | null> {
    return this.deps.secrets.get(secretKeys.eventGitToken(eventId, remoteUrl), remoteUrl);
  }

  private async repository(eventId: string, remoteUrl: string): Promise<EventRepository> {
    const repository = new EventRepository(this.settings.gitdir(eventId));
    try {
      await repository.ensure(remoteUrl);
    } catch (error) {
      throw fileSystemError(`prepare the sync repository of event "${eventId}"`, error);
    }
    return repository;
  }

  private async readAsset(eventId: string, file: string): Promise<Buffer> {
    try {
      return await readFile(join(this.deps.paths.eventFolder(eventId), 'assets', file));
    } catch (error) {
      throw fileSystemError(`read the photo ${file}`, error);
    }
  }
}

/** What several merges of one sync brought in, together. */
function addReports(a: ExchangeReport, b: ExchangeReport): ExchangeReport {
  const joined = { ...a };
  for (const key of Object.keys(b) as (keyof ExchangeReport)[]) {
    const value = b[key];
    if (Array.isArray(value)) (joined[key] as unknown[]) = [...(a[key] as unknown[]), ...value];
  }
  return { ...joined, photosAdded: a.photosAdded + b.photosAdded, changed: a.changed || b.changed };
}
