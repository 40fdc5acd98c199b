import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryPaths } from '../../electron/services/library/libraryPaths';
import { WriteQueue } from '../../electron/services/storage/atomicWrite';
import { LibraryLocks } from '../../electron/services/storage/libraryLocks';

const REPO = resolve(__dirname, '../..');
const DYING_FS = resolve(__dirname, 'support/fileSystemThatDies.ts');

/** A writer that takes the event's lock for a save, in its own process, whose file system calls may kill it. */
const WRITER = `
import { LibraryLocks } from './electron/services/storage/libraryLocks';
import { LibraryPaths } from './electron/services/library/libraryPaths';
import { WriteQueue } from './electron/services/storage/atomicWrite';
await new LibraryLocks(new LibraryPaths(process.argv[2]), new WriteQueue()).run('summit', 'saving a note', async () => undefined);
`;

let folder: string;
let writer: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hallnotes-locks-killed-'));
  writer = join(folder, 'writer.mjs');
  await build({
    stdin: { contents: WRITER, resolveDir: REPO, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: writer,
    logLevel: 'error',
    plugins: [
      {
        name: 'file-system-that-dies',
        setup(bundle) {
          bundle.onResolve({ filter: /^node:fs\/promises$/ }, (args) => (args.importer === DYING_FS ? { path: 'node:fs/promises', external: true } : { path: DYING_FS }));
        },
      },
    ],
  });
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** Runs the writer until its `call`th file system call; true when it was killed there, false when it finished first. */
function writerKilledAfter(call: number, library: string): Promise<boolean> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [writer, library], { env: { ...process.env, KILL_AFTER_CALL: String(call) }, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.once('error', fail);
    child.once('exit', (code, signal) => (signal === 'SIGKILL' ? done(true) : code === 0 ? done(false) : fail(new Error(`the writer failed: ${errors}`))));
  });
}

describe('a writer killed while it takes or holds the lock', () => {
  it('never leaves a lock that keeps the next writer waiting (the app restarted after a crash saves at once)', async () => {
    const killedAt: number[] = [];
    for (let call = 1; call < 40; call++) {
      const library = await mkdtemp(join(folder, 'library-'));
      if (!(await writerKilledAfter(call, library))) break;
      killedAt.push(call);
      // Waiting out a lock whose holder cannot be told would take the stale period (30 s); one second is plenty for any other.
      const next = new LibraryLocks(new LibraryPaths(library), new WriteQueue(), { giveUpAfterMs: 1_000 });
      await expect(next.run('summit', 'saving a note', async () => 'saved'), `the writer killed after file system call ${call}`).resolves.toBe('saved');
    }
    // Every step of taking, holding and releasing the lock was a moment of death.
    expect(killedAt.length).toBeGreaterThanOrEqual(5);
  }, 60_000);
});
