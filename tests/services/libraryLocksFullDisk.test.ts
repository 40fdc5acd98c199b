import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryPaths } from '../../electron/services/library/libraryPaths';
import { WriteQueue } from '../../electron/services/storage/atomicWrite';
import { LibraryLocks } from '../../electron/services/storage/libraryLocks';

/** How the disk answers for lock files: 'open' refuses to create them, 'write' creates them but cannot fill them. */
const disk = vi.hoisted(() => ({ full: null as 'open' | 'write' | null }));
/** A lock file, or the draft a lock is written to before it is linked into place. */
const inLocks = (path: unknown) => /\.lock(\.[0-9a-f]+\.draft)?$/.test(String(path));
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    writeFile: async (path: string, ...rest: unknown[]) => {
      if (inLocks(path) && disk.full === 'open') throw enospc();
      if (inLocks(path) && disk.full === 'write') {
        await actual.writeFile(path, '', { flag: 'wx' });
        throw enospc();
      }
      return (actual.writeFile as (...args: unknown[]) => Promise<void>)(path, ...rest);
    },
    open: async (path: string, ...rest: unknown[]) => {
      const isLock = inLocks(path);
      if (isLock && disk.full === 'open') throw enospc();
      const handle = await (actual.open as (...args: unknown[]) => ReturnType<typeof actual.open>)(path, ...rest);
      if (!isLock || disk.full !== 'write') return handle;
      return new Proxy(handle, {
        get(target, property) {
          if (property === 'writeFile') return async () => Promise.reject(enospc());
          const value = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
});

let root: string;
let paths: LibraryPaths;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hallnotes-locks-full-'));
  paths = new LibraryPaths(root);
  disk.full = null;
});
afterEach(async () => {
  disk.full = null;
  await rm(root, { recursive: true, force: true });
});

describe('the per-event lock on a full disk', () => {
  it('when no lock file can be made, the work still runs, so the save itself says the disk is full', async () => {
    disk.full = 'open';
    await expect(new LibraryLocks(paths, new WriteQueue()).run('summit', 'saving', async () => Promise.reject(new Error('Could not save the note: the disk is full.')))).rejects.toThrow(/^Could not save the note: the disk is full\.$/);
  });

  it('a lock file created but left empty still excludes others, and is removed when the work is done', async () => {
    disk.full = 'write';
    const [first, second] = [new LibraryLocks(paths, new WriteQueue()), new LibraryLocks(paths, new WriteQueue())];
    const timeline: string[] = [];
    const work = (name: string) => async () => {
      timeline.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      timeline.push(`${name} out`);
    };
    await Promise.all([first.run('summit', 'a', work('a')), second.run('summit', 'b', work('b'))]);
    expect([timeline[0].split(' ')[0], timeline[1]]).toEqual([timeline[0].split(' ')[0], timeline[0].replace(' in', ' out')]);
    expect(await readdir(paths.locksFolder)).toEqual([]);
  });
});
