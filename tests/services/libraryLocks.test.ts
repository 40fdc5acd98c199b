import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryPaths } from '../../electron/services/library/libraryPaths';
import { WriteQueue } from '../../electron/services/storage/atomicWrite';
import { LibraryLocks } from '../../electron/services/storage/libraryLocks';

let root: string;
let paths: LibraryPaths;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hallnotes-locks-'));
  paths = new LibraryPaths(root);
});
afterEach(() => rm(root, { recursive: true, force: true }));

function locks(timing = {}) {
  return new LibraryLocks(paths, new WriteQueue(), timing);
}

async function leaveLock(holder: object, ageMs = 0) {
  await mkdir(paths.locksFolder, { recursive: true });
  await writeFile(paths.lockFile('summit'), JSON.stringify({ token: 'left-behind', since: new Date().toISOString(), purpose: 'saving a note', ...holder }));
  const then = new Date(Date.now() - ageMs);
  await utimes(paths.lockFile('summit'), then, then);
}

/** The pid of a process that has just exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('the per-event lock', () => {
  it('lets one holder in at a time, across two lock objects (as two processes would be), and leaves no lock behind', async () => {
    const [first, second] = [locks(), locks()];
    const timeline: string[] = [];
    const work = (name: string) => async () => {
      timeline.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      timeline.push(`${name} out`);
    };
    await Promise.all([first.run('summit', 'a', work('a')), second.run('summit', 'b', work('b')), first.run('summit', 'c', work('c'))]);
    for (let index = 0; index < timeline.length; index += 2) expect(timeline[index + 1]).toBe(timeline[index].replace(' in', ' out'));
    expect(await readdir(paths.locksFolder)).toEqual([]);
  });

  it('sweeps the drafts of its lock that a writer killed while making one left behind, but not one being made now', async () => {
    await mkdir(paths.locksFolder, { recursive: true });
    const crashed = `${paths.lockFile('summit')}.0badc0ffee0badc0ffee0bad.draft`;
    const making = `${paths.lockFile('summit')}.1234567890abcdef12345678.draft`;
    const otherEvent = `${paths.lockFile('keynote')}.0badc0ffee0badc0ffee0bad.draft`;
    for (const draft of [crashed, making, otherEvent]) await writeFile(draft, JSON.stringify({ pid: 1, host: hostname(), token: 'x' }));
    const then = new Date(Date.now() - 60_000);
    await utimes(crashed, then, then);
    await utimes(otherEvent, then, then);
    expect(await locks().run('summit', 'saving', async () => 'saved')).toBe('saved');
    expect((await readdir(paths.locksFolder)).sort()).toEqual([otherEvent, making].map((path) => path.slice(paths.locksFolder.length + 1)).sort());
  });

  it('does not wait for itself when the holder asks for the same event again', async () => {
    const lock = locks();
    expect(await lock.run('summit', 'outer', () => lock.run('summit', 'inner', async () => 'nested'))).toBe('nested');
  });

  it('takes over at once a lock left by a process of this machine that no longer runs (killed mid-save)', async () => {
    await leaveLock({ pid: await deadPid(), host: hostname() });
    const started = Date.now();
    expect(await locks({ giveUpAfterMs: 5_000 }).run('summit', 'saving', async () => 'saved')).toBe('saved');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('takes over a lock from another machine only once it is stale', async () => {
    await leaveLock({ pid: 1, host: 'other-laptop' }, 0);
    await expect(locks({ giveUpAfterMs: 200, staleAfterMs: 60_000 }).run('summit', 'saving', async () => 'saved')).rejects.toMatchObject({ code: 'conflict' });
    await leaveLock({ pid: 1, host: 'other-laptop' }, 61_000);
    expect(await locks({ giveUpAfterMs: 200, staleAfterMs: 60_000 }).run('summit', 'saving', async () => 'saved')).toBe('saved');
  });

  it('gives up on a lock a running process holds with a message naming who holds it, and changes nothing', async () => {
    await leaveLock({ pid: process.ppid, host: hostname(), purpose: 'an agenda change' });
    let ran = false;
    const failure = locks({ giveUpAfterMs: 150 }).run('summit', 'saving', async () => {
      ran = true;
    });
    await expect(failure).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(new RegExp(`Event "summit" is busy: an agenda change \\(process ${process.ppid} on .+\\) is still changing it\\. Nothing was changed`)),
    });
    expect(ran).toBe(false);
  });

  it('refuses an event id that is not one, and never creates a library folder that vanished', async () => {
    await expect(locks().run('../escape', 'x', async () => undefined)).rejects.toMatchObject({ code: 'invalid-argument' });
    const gone = new LibraryLocks(new LibraryPaths(join(root, 'pulled-out')), new WriteQueue());
    await expect(gone.run('summit', 'x', async () => undefined)).rejects.toMatchObject({ code: 'library-missing' });
    expect(await readdir(root)).toEqual([]);
  });
});
