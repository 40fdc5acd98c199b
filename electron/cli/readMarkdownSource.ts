import { resolve } from 'node:path';
import { MAX_MARKDOWN_BYTES } from '../services/notes/markdownNotes';
import { ServiceError } from '../services/storage/serviceError';
import { collectAtMost, readFileAtMost } from '../services/validation/readAtMost';
import type { CliIo } from './cliSession';

/**
 * Reads the Markdown named by `--from`: a file (relative to the working folder) or `-` for
 * stdin. Never more than the limit + 1 bytes, whatever the source is (a FIFO or /dev/zero has
 * no size to check first).
 */
export async function readMarkdownSource(source: string, io: CliIo): Promise<string> {
  if (source === '-') {
    if (!io.stdin) throw new ServiceError('invalid-argument', 'There is no standard input to read the note from.');
    return decodeUtf8(await collectAtMost(io.stdin, MAX_MARKDOWN_BYTES, 'the standard input'), 'the standard input');
  }
  const path = resolve(io.cwd, source);
  return decodeUtf8(await readFileAtMost(path, MAX_MARKDOWN_BYTES, path), path);
}

function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    // Also drops a byte-order mark, which editors on Windows like to add.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ServiceError('invalid-argument', `${what} is not UTF-8 text; save the Markdown as UTF-8 and try again.`);
  }
}
