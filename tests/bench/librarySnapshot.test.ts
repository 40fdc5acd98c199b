import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/services/storage/atomicWrite';
import { changedBytes, snapshotLibrary, totalBytes } from '../../scripts/bench/librarySnapshot';

describe('library snapshots for the save-cost measure', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'hallnotes-bench-snapshot-'));
    await mkdir(join(root, 'events', 'e1', 'notes'), { recursive: true });
    await writeFile(join(root, 'events', 'e1', 'event.json'), 'x'.repeat(5000));
    await writeFile(join(root, 'events', 'e1', 'notes', 'a.json'), 'a'.repeat(300));
    await writeFile(join(root, 'events', 'e1', 'notes', 'b.json'), 'b'.repeat(700));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('counts only the file an atomic save replaced, at its new size', async () => {
    const before = await snapshotLibrary(root);
    await writeFileAtomic(join(root, 'events', 'e1', 'notes', 'a.json'), 'A'.repeat(320), 'note a');
    const after = await snapshotLibrary(root);
    expect(changedBytes(before, after)).toEqual({ bytes: 320, files: [join(root, 'events', 'e1', 'notes', 'a.json')] });
  });

  it('counts new files and nothing when nothing changed', async () => {
    const before = await snapshotLibrary(root);
    expect(changedBytes(before, await snapshotLibrary(root)).bytes).toBe(0);
    await writeFile(join(root, 'events', 'e1', 'notes', 'c.json'), 'c'.repeat(40));
    expect(changedBytes(before, await snapshotLibrary(root)).bytes).toBe(40);
  });

  it('adds up the size of everything under a folder', async () => {
    expect(totalBytes(await snapshotLibrary(root), join(root, 'events', 'e1'))).toBe(6000);
  });
});
