import { hostname } from 'node:os';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { fileSystemError, ServiceError } from '../storage/serviceError';

/** A lock older than this belongs to an exchange that died without a trace (a lost network, a laptop put to sleep). */
const STALE_AFTER_MS = 30 * 60 * 1000;
const WAIT_STEP_MS = 100;

const inProcess = new Map<string, Promise<unknown>>();

/**
 * Runs one exchange of an event at a time: queued within this process, and across processes
 * (the app, the host, a CLI run) by a lock file created with O_EXCL. A lock left by a process
 * that no longer runs (killed mid-sync) is taken over.
 *
 * Written by hand rather than with proper-lockfile: that library keeps the lock fresh with a
 * timer that would hold the CLI open, and the owner's pid is a simpler staleness test here.
 */
export function withTeamLock<T>(lockFile: string, what: string, waitMs: number, run: () => Promise<T>): Promise<T> {
  const previous = inProcess.get(lockFile) ?? Promise.resolve();
  const next = previous.then(
    () => holdLock(lockFile, what, waitMs, run),
    () => holdLock(lockFile, what, waitMs, run),
  );
  const tail = next.catch(() => undefined);
  inProcess.set(lockFile, tail);
  void tail.then(() => {
    if (inProcess.get(lockFile) === tail) inProcess.delete(lockFile);
  });
  return next;
}

async function holdLock<T>(lockFile: string, what: string, waitMs: number, run: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError(`start ${what}`, error);
      if (await isStale(lockFile)) {
        await rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() >= deadline) {
        throw new ServiceError('conflict', `Another Hallnotes window or command is busy with ${what} right now; try again in a moment.`);
      }
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }
  try {
    return await run();
  } finally {
    await rm(lockFile, { force: true }).catch(() => undefined);
  }
}

async function isStale(lockFile: string): Promise<boolean> {
  let raw: string;
  let age: number;
  try {
    const [text, info] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)]);
    raw = text;
    age = Date.now() - info.mtimeMs;
  } catch {
    // Released between the two attempts: the next attempt takes it.
    return false;
  }
  if (age > STALE_AFTER_MS) return true;
  let owner: { pid?: unknown; host?: unknown };
  try {
    owner = JSON.parse(raw) as typeof owner;
  } catch {
    // Being written right now, or left half-written by a process killed while writing it.
    return age > 5000;
  }
  if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;
  return !isRunning(owner.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
