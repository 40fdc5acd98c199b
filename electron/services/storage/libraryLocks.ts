import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, open, readdir, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileSystemError, libraryMissingError, ServiceError } from './serviceError';
import type { WriteQueue } from './atomicWrite';
import type { LibraryPaths } from '../library/libraryPaths';

/**
 * Hand-written rather than proper-lockfile: that package (last release 2021) judges a lock stale
 * only by its age, so after the app or a CLI was killed while holding one, every other writer
 * would wait out the stale period (10 s) before saving again. Here a lock left by a process that
 * no longer runs on this machine is taken over at once; age decides only for other machines.
 */
export type LockTiming = {
  /** A lock whose file was not refreshed for this long is stale (its holder hangs, or ran on another machine). */
  staleAfterMs: number;
  /** How often a holder refreshes its lock file while it works. */
  refreshEveryMs: number;
  /** How long a writer waits for a busy lock before it gives up and says who holds it. */
  giveUpAfterMs: number;
};

const DEFAULT_TIMING: LockTiming = { staleAfterMs: 30_000, refreshEveryMs: 5_000, giveUpAfterMs: 30_000 };
/** A `.break` file lives for microseconds; one older than this was left by a crash. */
const BREAKER_GRACE_MS = 2_000;
/** The disk takes no writes at all: no lock can be made, and the work will say why it cannot save either. */
const WRITES_REFUSED = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);
/** The file system has no hard links (FAT and exFAT drives, some network shares). */
const LINKS_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

class WritesRefused extends Error {}

type Holder = { pid: number; host: string; token: string; since: string; purpose: string };

/** Locks this process holds, whichever services opened them (tests and the CLI open a library more than once). */
const tokensHeldByThisProcess = new Set<string>();

/**
 * One lock per event, shared by every process that opens the library (the app, the browser host,
 * any number of `hallnotes` commands): `<library>/.locks/<eventId>.lock`, created with O_EXCL and
 * removed when the work is done. Everything that reads an event's agenda or notes to change them
 * does so inside `run`, so it re-reads what another process wrote a moment ago.
 *
 * Inside one process the work waits in the write queue first (first come, first served, and
 * `writes.drain()` waits for it); `run` inside `run` for the same event does not wait for itself.
 */
export class LibraryLocks {
  private readonly held = new AsyncLocalStorage<ReadonlySet<string>>();
  private readonly timing: LockTiming;
  /** Lock files whose left-over drafts were swept already (once per lock object and event). */
  private readonly swept = new Set<string>();

  constructor(
    private readonly paths: LibraryPaths,
    private readonly queue: WriteQueue,
    timing: Partial<LockTiming> = {},
  ) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
  }

  /** Runs `work` holding the event's lock. Queued before anything is awaited, so calls run in the order they were made. */
  run<T>(eventId: string, purpose: string, work: () => Promise<T>): Promise<T> {
    const held = this.held.getStore();
    if (held?.has(eventId)) return work();
    return this.queue.run(queueKey(eventId), async () => {
      // On a full or read-only disk the work runs without the file lock: its own writes fail
      // and say so ("the disk is full"), and then the next save, after writing works again,
      // takes the lock as usual. Nothing can be overwritten by anyone meanwhile.
      const release = await this.acquire(eventId, purpose).catch((error: unknown) => {
        if (error instanceof WritesRefused) return async () => undefined;
        throw error;
      });
      try {
        return await this.held.run(new Set([...(held ?? []), eventId]), work);
      } finally {
        await release();
      }
    });
  }

  /** Resolves once the locked work this process queued for the event so far has finished (a read waits for a save asked for before it). */
  settled(eventId: string): Promise<void> {
    if (this.held.getStore()?.has(eventId)) return Promise.resolve();
    return this.queue.run(queueKey(eventId), async () => undefined);
  }

  private async acquire(eventId: string, purpose: string): Promise<() => Promise<void>> {
    const holder: Holder = { pid: process.pid, host: hostname(), token: randomBytes(12).toString('hex'), since: new Date().toISOString(), purpose };
    // Known as ours before the lock exists: another lock object of this process that reads it
    // the moment it appears must not take it for one left by an earlier process of this pid.
    tokensHeldByThisProcess.add(holder.token);
    try {
      const release = await this.take(eventId, holder);
      await this.sweepDrafts(this.paths.lockFile(eventId));
      return release;
    } catch (error) {
      tokensHeldByThisProcess.delete(holder.token);
      throw error;
    }
  }

  private async take(eventId: string, holder: Holder): Promise<() => Promise<void>> {
    const file = this.paths.lockFile(eventId);
    const contents = JSON.stringify(holder);
    const giveUpAt = Date.now() + this.timing.giveUpAfterMs;
    let folderCreated = false;
    let created: Awaited<ReturnType<typeof open>> | null = null;
    for (let attempt = 0; ; attempt++) {
      try {
        if (await createComplete(file, contents, holder.token)) return this.holding(file, contents, holder.token, null);
        created = await open(file, 'wx');
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (code === 'ENOENT' && !folderCreated) {
          await this.createFolder();
          folderCreated = true;
          continue;
        }
        if (WRITES_REFUSED.has(code)) throw new WritesRefused();
        if (code !== 'EEXIST') throw fileSystemError(`lock event "${eventId}" for a change`, error);
      }
      const other = await this.readLock(file);
      if (other === null) continue;
      if (this.isStale(other)) {
        await this.breakStale(file, other.raw);
        continue;
      }
      if (Date.now() > giveUpAt) throw busyError(eventId, other.holder);
      await sleep(Math.min(50, 2 ** Math.min(attempt, 5)) + Math.random() * 5);
    }
    // On a full disk the holder's name may not fit; the empty file is still the lock, known by its inode.
    let written = true;
    let inode: number;
    try {
      inode = (await created.stat()).ino;
      await created.writeFile(contents).catch((error: NodeJS.ErrnoException) => {
        if (!WRITES_REFUSED.has(error.code ?? '')) throw error;
        written = false;
      });
    } catch (error) {
      await created.close().catch(() => undefined);
      await unlink(file).catch(() => undefined);
      throw fileSystemError(`lock event "${eventId}" for a change`, error);
    }
    await created.close().catch(() => undefined);
    return this.holding(file, contents, holder.token, written ? null : inode);
  }

  /** From the moment the lock is ours (`emptyInode`: left empty by a full disk): keeps it fresh while the work runs, and gives the release. */
  private holding(file: string, contents: string, token: string, emptyInode: number | null): () => Promise<void> {
    const refresh = setInterval(() => {
      const now = new Date();
      void utimes(file, now, now).catch(() => undefined);
    }, this.timing.refreshEveryMs);
    refresh.unref?.();
    return async () => {
      clearInterval(refresh);
      tokensHeldByThisProcess.delete(token);
      // Only our own lock is removed: if it was taken over as stale meanwhile, the new holder keeps theirs.
      const ours =
        emptyInode === null
          ? (await readFile(file, 'utf8').catch(() => null)) === contents
          : await stat(file).then((info) => info.ino === emptyInode && info.size === 0, () => false);
      if (ours) await unlink(file).catch(() => undefined);
    };
  }

  /**
   * Removes the drafts of this event's lock (see createComplete) that a writer killed while
   * making one left behind: never read as locks, but litter. Once per event, holding its lock;
   * a draft lives for milliseconds, so one older than BREAKER_GRACE_MS is a crash's.
   */
  private async sweepDrafts(file: string): Promise<void> {
    if (this.swept.has(file)) return;
    this.swept.add(file);
    const prefix = `${basename(file)}.`;
    const names = await readdir(this.paths.locksFolder).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.startsWith(prefix) || !name.endsWith('.draft')) continue;
      const draft = join(this.paths.locksFolder, name);
      const age = await stat(draft).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (age > BREAKER_GRACE_MS) await unlink(draft).catch(() => undefined);
    }
  }

  /** Not recursive: a library folder that vanished (a drive pulled out) must not be recreated by a lock. */
  private async createFolder(): Promise<void> {
    try {
      await mkdir(this.paths.locksFolder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return;
      if (code === 'ENOENT') throw libraryMissingError(this.paths.root);
      if (WRITES_REFUSED.has(code ?? '')) throw new WritesRefused();
      throw fileSystemError(`create the lock folder ${this.paths.locksFolder}`, error);
    }
  }

  private async readLock(file: string): Promise<{ raw: string; holder: Holder | null; ageMs: number } | null> {
    try {
      const [raw, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
      return { raw, holder: parseHolder(raw), ageMs: Date.now() - info.mtimeMs };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw fileSystemError(`read the lock ${file}`, error);
    }
  }

  private isStale({ holder, ageMs }: { holder: Holder | null; ageMs: number }): boolean {
    // No holder written (a full disk, or a crash right after creating it): only its age can tell.
    if (holder === null) return ageMs > this.timing.staleAfterMs;
    if (ageMs > this.timing.staleAfterMs) return true;
    if (holder.host !== hostname()) return false;
    // Our own process id but not a lock we hold: left by an earlier process that had the same id.
    if (holder.pid === process.pid) return !tokensHeldByThisProcess.has(holder.token);
    return !processIsRunning(holder.pid);
  }

  /**
   * Two writers may find the same stale lock; only one may remove it, or the second would remove
   * the fresh lock the first has just taken. So the remover holds `<lock>.break` and removes the
   * lock only if it is still exactly the stale one it saw.
   */
  private async breakStale(file: string, staleContents: string): Promise<void> {
    const breaker = `${file}.break`;
    try {
      await writeFile(breaker, String(process.pid), { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (WRITES_REFUSED.has(code)) throw new WritesRefused();
      if (code !== 'EEXIST') throw fileSystemError(`take over the stale lock ${file}`, error);
      const age = await stat(breaker).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (age > BREAKER_GRACE_MS) await unlink(breaker).catch(() => undefined);
      else await sleep(5);
      return;
    }
    try {
      const current = await readFile(file, 'utf8').catch(() => null);
      if (current === staleContents) await unlink(file).catch(() => undefined);
    } finally {
      await unlink(breaker).catch(() => undefined);
    }
  }
}

/**
 * Creates the lock already holding its holder's name: written to a draft beside it, then
 * hard-linked into place, which fails if the lock exists. So a process killed at any moment
 * leaves no lock or a complete one, never an empty file whose holder nobody can tell (which
 * every other writer, the app restarted after a crash included, would wait out for 30 s).
 * False when this disk cannot do it (full, or no hard links): the caller then creates the lock
 * with O_EXCL and writes it after, as before. Throws EEXIST when the lock is held.
 */
async function createComplete(file: string, contents: string, token: string): Promise<boolean> {
  const draft = `${file}.${token}.draft`;
  try {
    await writeFile(draft, contents, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    await unlink(draft).catch(() => undefined);
    if (WRITES_REFUSED.has(code)) return false;
    throw error;
  }
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    if (LINKS_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

function queueKey(eventId: string): string {
  return `lock:${eventId}`;
}

function parseHolder(raw: string): Holder | null {
  try {
    const value = JSON.parse(raw) as Partial<Holder>;
    return typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string' ? (value as Holder) : null;
  } catch {
    return null;
  }
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busyError(eventId: string, holder: Holder | null): ServiceError {
  const who = holder ? `${holder.purpose} (process ${holder.pid} on ${holder.host}, since ${holder.since})` : 'another program';
  return new ServiceError('conflict', `Event "${eventId}" is busy: ${who} is still changing it. Nothing was changed; try again in a moment.`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
