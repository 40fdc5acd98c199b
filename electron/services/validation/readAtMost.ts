import { open } from 'node:fs/promises';
import { megabytes } from '../../../shared/model/byteSize';
import { ServiceError, fileSystemError } from '../storage/serviceError';

/** Thrown when the input holds more than the limit; `what` names it for the message. */
export class InputTooLargeError extends ServiceError {
  constructor(
    readonly what: string,
    readonly limitBytes: number,
  ) {
    super('invalid-argument', `${what} is larger than ${megabytes(limitBytes)}, the most Hallnotes reads from it; nothing was read.`);
  }
}

/**
 * Reads a file, FIFO, device or any other path, never more than `limitBytes + 1` bytes: a size
 * from `stat` is not to be trusted (`/dev/zero` and pipes report 0), so the limit is counted as
 * the bytes arrive. Errors name `what` (usually the path).
 */
export async function readFileAtMost(path: string, limitBytes: number, what: string = path): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    // fileSystemError reads ENOENT as a vanished library folder; here it is a mistyped path.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ServiceError('invalid-argument', `Could not read ${what}: there is no such file.`);
    throw fileSystemError(`read ${what}`, error);
  }
  try {
    return await collectAtMost(handle.createReadStream({ autoClose: false, highWaterMark: 64 * 1024 }), limitBytes, what);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new ServiceError('invalid-argument', `Could not read ${what}: it is a folder, not a file.`);
    throw fileSystemError(`read ${what}`, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Collects a stream (stdin, a file stream) into one buffer, refusing it once it passes `limitBytes`. */
export async function collectAtMost(stream: AsyncIterable<string | Uint8Array>, limitBytes: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += bytes.byteLength;
    if (total > limitBytes) {
      (stream as { destroy?: () => void }).destroy?.();
      throw new InputTooLargeError(what, limitBytes);
    }
    chunks.push(Buffer.from(bytes));
  }
  return Buffer.concat(chunks, total);
}
