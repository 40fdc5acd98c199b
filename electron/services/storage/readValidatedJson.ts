import { mkdir, readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { DamagedFileError, fileSystemError, ServiceError } from './serviceError';
import { syncFolder } from './atomicWrite';

export type ReadRequest<Schema extends z.ZodType> = {
  filePath: string;
  schema: Schema;
  /** The newest `format` this build understands; a larger one is refused, not quarantined. */
  supportedFormat: number;
  /** How the user knows this file, e.g. `the note for "Opening keynote"`. */
  description: string;
  /** Where damaged files are moved. */
  quarantineFolder: string;
};

/**
 * Reads a JSON file and validates it. Returns null when the file does not exist. A file that
 * is not valid JSON or fails validation is moved into the quarantine folder (never deleted,
 * never silently replaced) and reported with a message naming it.
 */
export async function readValidatedJson<Schema extends z.ZodType>(request: ReadRequest<Schema>): Promise<z.output<Schema> | null> {
  let raw: string;
  try {
    raw = await readFile(request.filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fileSystemError(`read ${request.description}`, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw await quarantine(request, raw.length === 0 ? 'the file is empty' : 'the file is not valid JSON (truncated or overwritten?)');
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > request.supportedFormat) {
    throw new ServiceError(
      'newer-format',
      `${capitalise(request.description)} was written by a newer version of Hallnotes (format ${format}); update Hallnotes to open it. The file was left untouched.`,
    );
  }
  const result = request.schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw await quarantine(request, `${where}${issue.message}`);
  }
  return result.data;
}

async function quarantine(request: ReadRequest<z.ZodType>, reason: string): Promise<ServiceError> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(request.quarantineFolder, `${stamp}-${basename(request.filePath)}`);
  try {
    await mkdir(request.quarantineFolder, { recursive: true });
    await rename(request.filePath, target);
    await syncFolder(request.quarantineFolder);
  } catch (error) {
    return fileSystemError(`move damaged ${request.description} aside (${reason})`, error);
  }
  return new DamagedFileError(
    `${capitalise(request.description)} could not be read (${reason}). The damaged file was moved to ${target}; nothing else was changed.`,
    target,
    reason,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
