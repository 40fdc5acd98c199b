import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MAX_MARKDOWN_BYTES } from '../services/notes/markdownNotes';
import { ServiceError } from '../services/storage/serviceError';
import type { CliIo } from './cliSession';

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'there is no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission was denied',
  EPERM: 'permission was denied',
};

/** Reads the Markdown named by `--from`: a file (relative to the working folder) or `-` for stdin. */
export async function readMarkdownSource(source: string, io: CliIo): Promise<string> {
  if (source === '-') return decodeUtf8(await readStdin(io), 'the standard input');
  const path = resolve(io.cwd, source);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (info.size > MAX_MARKDOWN_BYTES) throw tooLarge(path);
    return decodeUtf8(await readFile(path), path);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new ServiceError('invalid-argument', `Could not read ${path}: ${READ_PROBLEMS[code] ?? (error as Error).message}.`);
  }
}

async function readStdin(io: CliIo): Promise<Buffer> {
  if (!io.stdin) throw new ServiceError('invalid-argument', 'There is no standard input to read the note from.');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    total += bytes.byteLength;
    if (total > MAX_MARKDOWN_BYTES) throw tooLarge('the standard input');
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    // Also drops a byte-order mark, which editors on Windows like to add.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ServiceError('invalid-argument', `${what} is not UTF-8 text; save the Markdown as UTF-8 and try again.`);
  }
}

function tooLarge(what: string): ServiceError {
  return new ServiceError('invalid-argument', `${what} is larger than ${MAX_MARKDOWN_BYTES / (1024 * 1024)} MB; a note cannot be made from it.`);
}
