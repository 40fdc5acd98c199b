import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WriteQueue, writeFileAtomic } from '../../electron/services/storage/atomicWrite';
import { ServiceError } from '../../electron/services/storage/serviceError';

/** Set to make the next temp-file write fail part-way, as a full disk would. */
const injected = vi.hoisted(() => ({ writeFailure: null as NodeJS.ErrnoException | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      const failure = injected.writeFailure;
      if (failure === null) return handle;
      injected.writeFailure = null;
      return new Proxy(handle, {
        get(target, property) {
          if (property === 'writeFile') {
            return async (bytes: Uint8Array) => {
              await target.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
              throw failure;
            };
          }
          const value = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
});

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hallnotes-atomic-'));
  injected.writeFailure = null;
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function thrownBy(call: Promise<unknown>): Promise<ServiceError> {
  const error = await call.then(
    () => expect.fail('expected the write to fail'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('writeFileAtomic', () => {
  it('writes the file, returns its size and leaves no temp file behind', async () => {
    const target = join(folder, 'note.json');
    const bytes = await writeFileAtomic(target, 'héllo', 'the test note');
    expect(await readFile(target, 'utf8')).toBe('héllo');
    expect(bytes).toBe(6);
    expect(await readdir(folder)).toEqual(['note.json']);
  });

  it('replaces an existing file completely', async () => {
    const target = join(folder, 'note.json');
    await writeFile(target, 'a much longer old content that must not survive');
    await writeFileAtomic(target, 'new', 'the test note');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['note.json']);
  });

  it('says the folder is gone when it was removed', async () => {
    const target = join(folder, 'removed', 'note.json');
    const error = await thrownBy(writeFileAtomic(target, 'x', 'the note for "Keynote"'));
    expect(error.code).toBe('library-missing');
    expect(error.message).toBe('Could not save the note for "Keynote": the folder no longer exists.');
  });

  it('fails clearly when the target is a folder, and leaves that folder and no temp file', async () => {
    const target = join(folder, 'note.json');
    await mkdir(target);
    await writeFile(join(target, 'inside.txt'), 'keep me');
    const error = await thrownBy(writeFileAtomic(target, 'x', 'the note for "Keynote"'));
    expect(error.code).toBe('io-error');
    expect(error.message).toMatch(/^Could not save the note for "Keynote": /);
    expect(await readFile(join(target, 'inside.txt'), 'utf8')).toBe('keep me');
    expect(await readdir(folder)).toEqual(['note.json']);
  });

  it('keeps the old content when the disk fills up mid-write, and removes the half-written temp file', async () => {
    const target = join(folder, 'note.json');
    await writeFile(target, 'the old note');
    injected.writeFailure = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const error = await thrownBy(writeFileAtomic(target, 'x'.repeat(10_000), 'the note for "Keynote"'));
    expect(error.code).toBe('disk-full');
    expect(error.message).toBe('Could not save the note for "Keynote": the disk is full.');
    expect(await readFile(target, 'utf8')).toBe('the old note');
    expect(await readdir(folder)).toEqual(['note.json']);
  });
});

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('WriteQueue', () => {
  it('runs writes to one file one at a time, in the order they were queued', async () => {
    const queue = new WriteQueue();
    const order: string[] = [];
    const slowFirst = deferred();
    const first = queue.run('/a', async () => {
      order.push('first started');
      await slowFirst.promise;
      order.push('first finished');
    });
    const second = queue.run('/a', async () => {
      order.push('second started');
    });
    await Promise.resolve();
    expect(order).toEqual(['first started']);
    slowFirst.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['first started', 'first finished', 'second started']);
  });

  it('lets writes to different files run side by side', async () => {
    const queue = new WriteQueue();
    const blockA = deferred();
    let bStarted = false;
    const a = queue.run('/a', () => blockA.promise);
    const b = queue.run('/b', async () => {
      bStarted = true;
    });
    await b;
    expect(bStarted).toBe(true);
    blockA.resolve();
    await a;
  });

  it('reports a failed write to its caller and still runs the next one', async () => {
    const queue = new WriteQueue();
    const failing = queue.run('/a', async () => {
      throw new Error('boom');
    });
    const next = queue.run('/a', async () => 'written');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('written');
  });

  it('drain waits for every queued write, including ones queued while draining', async () => {
    const queue = new WriteQueue();
    const finished: string[] = [];
    const gate = deferred();
    void queue.run('/a', async () => {
      await gate.promise;
      finished.push('a');
      void queue.run('/b', async () => {
        finished.push('b');
      });
    });
    const drained = queue.drain().then(() => finished.slice());
    gate.resolve();
    expect(await drained).toEqual(['a', 'b']);
  });

  it('concurrent atomic writes of one file end with the last one, and a reader never sees a mix', async () => {
    const queue = new WriteQueue();
    const target = join(folder, 'note.json');
    const versions = Array.from({ length: 25 }, (_, index) => `${String(index).padStart(2, '0')}:`.repeat(20_000));
    await writeFile(target, versions[0]);
    let writing = true;
    const seen = new Set<string>();
    const reader = (async () => {
      while (writing) seen.add(await readFile(target, 'utf8'));
    })();
    await Promise.all(versions.map((contents) => queue.run(target, () => writeFileAtomic(target, contents, 'the test note'))));
    writing = false;
    await reader;
    expect(await readFile(target, 'utf8')).toBe(versions.at(-1));
    for (const contents of seen) expect(versions).toContain(contents);
    expect(await readdir(folder)).toEqual(['note.json']);
  });
});
