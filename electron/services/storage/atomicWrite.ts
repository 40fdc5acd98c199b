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
 *
 * What fsync means per platform (libuv, which Node's FileHandle.sync calls): on Linux fsync(2);
 * on macOS fcntl(F_FULLFSYNC), falling back to F_BARRIERFSYNC and then fsync where the file
 * system refuses it, so the drive's own cache is flushed too; on Windows FlushFileBuffers.
 * Windows differs twice, see `folderSyncSupported` and `renameOver`.
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
    await renameOver(temporaryPath, filePath);
    await syncFolder(folder);
    return bytes.byteLength;
  } catch (error) {
    await rm(temporaryPath, { force: true }).catch(() => undefined);
    throw fileSystemError(`save ${description}`, error);
  }
}

/** Makes a rename or a new entry in `folder` durable. */
export async function syncFolder(folder: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (!folderSyncSupported(platform)) return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Windows cannot open a folder with fs.open (EISDIR) and FlushFileBuffers refuses a folder
 * handle; NTFS journals its metadata, so the rename is atomic but, without MoveFileEx's
 * WRITE_THROUGH (libuv does not pass it), may be undone by a power cut right after: the
 * previous save is then on disk, never a mix.
 */
function folderSyncSupported(platform: NodeJS.Platform): boolean {
  return platform !== 'win32';
}

/** Codes Windows answers a rename with while another program (an antivirus, the indexer, a sync tool) has the target open. */
const WINDOWS_TRANSIENT_RENAME_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
/** How long a refused rename is tried again on Windows (graceful-fs does the same, for up to a minute). */
const WINDOWS_RENAME_RETRY_MS = 2_000;

/** On Windows a rename refused for a moment is tried again with growing pauses; elsewhere those codes are real and reported at once. */
export async function renameOver(from: string, to: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const giveUpAt = Date.now() + WINDOWS_RENAME_RETRY_MS;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const transient = platform === 'win32' && WINDOWS_TRANSIENT_RENAME_CODES.has((error as NodeJS.ErrnoException).code ?? '');
      if (!transient || Date.now() + pause > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
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
