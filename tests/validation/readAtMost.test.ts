import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collectAtMost, InputTooLargeError, readFileAtMost } from '../../electron/services/validation/readAtMost';

describe('reading at most a limit', () => {
  it('reads a small file whole', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hallnotes-read-'));
    await writeFile(join(folder, 'notes.md'), 'Hello hall');
    expect((await readFileAtMost(join(folder, 'notes.md'), 100)).toString()).toBe('Hello hall');
  });

  it('refuses an endless device after the limit instead of reading it to the end', async () => {
    const error = await readFileAtMost('/dev/zero', 1024 * 1024, '/dev/zero').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputTooLargeError);
    expect((error as Error).message).toBe('/dev/zero is larger than 1 MB, the most Hallnotes reads from it; nothing was read.');
  });

  it('refuses a stream one byte over the limit and takes one exactly at it', async () => {
    await expect(collectAtMost(Readable.from([Buffer.alloc(6), Buffer.alloc(5)]), 10, 'the standard input')).rejects.toThrow(/^the standard input is larger than/);
    expect((await collectAtMost(Readable.from([Buffer.alloc(6), Buffer.alloc(4)]), 10, 'stdin')).byteLength).toBe(10);
  });

  it('says a folder is a folder and a missing file is missing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hallnotes-read-'));
    await mkdir(join(folder, 'sub'));
    await expect(readFileAtMost(join(folder, 'sub'), 10)).rejects.toThrow(/it is a folder, not a file/);
    await expect(readFileAtMost(join(folder, 'missing.ics'), 10)).rejects.toThrow(/Could not read .*missing\.ics: there is no such file\.$/);
  });
});
