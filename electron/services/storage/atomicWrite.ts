import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileSystemError } from './serviceError';

/**
 * Writes a file all-or-nothing: temp file in the same folder, fsync, rename over the target,
 * fsync the folder. A crash at any point leaves either the old or the new content, never a
 * mix. Written by hand because write-file-atomic's current release needs Node 22 and none of
 * the alternatives fsync the folder after the rename. `mode` 0o600 keeps a secret readable by
 * its owner only from the first byte on.
 */
export async function writeFileAtomic(filePath: string, contents: string | Uint8Array, description: string, mode = 0o644): Promise<number> {
  const folder = dirname(filePath);
  const temporaryPath = join(folder, `.${basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
  try {
    const handle = await open(temporaryPath, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporaryPath, filePath);
    await syncFolder(folder);
    return bytes.byteLength;
  } catch (error) {
    await rm(temporaryPath, { force: true }).catch(() => undefined);
    throw fileSystemError(`save ${description}`, error);
  }
}

/** Makes a rename or a new entry in `folder` durable. */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Serialises writes per file so two saves of the same note can never interleave, while
 * writes to different files proceed in parallel.
 */
export class WriteQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(filePath: string, write: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(filePath) ?? Promise.resolve();
    const next = previous.then(write, write);
    const tail = next.catch(() => undefined);
    this.tails.set(filePath, tail);
    void tail.then(() => {
      if (this.tails.get(filePath) === tail) this.tails.delete(filePath);
    });
    return next;
  }

  /** Resolves once every write queued so far has finished. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
