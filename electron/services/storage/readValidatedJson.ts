import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { DamagedFileError, fileSystemError, ServiceError } from './serviceError';
import { renameOver, syncFolder } from './atomicWrite';

export type ReadRequest<Schema extends z.ZodType> = {
  filePath: string;
  schema: Schema;
  /** The newest `format` this build understands; a larger one is refused, not quarantined. */
  supportedFormat: number;
  /** How the user knows this file, e.g. `the note for "Opening keynote"`. */
  description: string;
  /** Where damaged files are moved. */
  quarantineFolder: string;
  /**
   * Runs the move aside holding the lock of what the file belongs to; inside it the file is read
   * again, so a file another process has just replaced with a good one is not moved instead.
   */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Told inside `exclusive`, right after the move, so the damage is on record before anyone else can look. */
  onQuarantined?: (error: DamagedFileError) => Promise<void>;
};

/** A file that keeps changing between reads is read this often before its damage is reported as it was last seen. */
const READ_ATTEMPTS = 3;

/**
 * Reads a JSON file and validates it. Returns null when the file does not exist. A file that
 * is not valid JSON or fails validation is moved into the quarantine folder (never deleted,
 * never silently replaced) and reported with a message naming it.
 */
export async function readValidatedJson<Schema extends z.ZodType>(request: ReadRequest<Schema>, attempt = 1): Promise<z.output<Schema> | null> {
  let raw: string;
  try {
    raw = await readFile(request.filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fileSystemError(`read ${request.description}`, error);
  }
  const again = () => readValidatedJson(request, attempt + 1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    const outcome = await quarantineUnlessChanged(request, raw, raw.length === 0 ? 'the file is empty' : 'the file is not valid JSON (truncated or overwritten?)', attempt);
    if (outcome === 'changed') return again();
    throw outcome;
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
    const outcome = await quarantineUnlessChanged(request, raw, `${where}${issue.message}`, attempt);
    if (outcome === 'changed') return again();
    throw outcome;
  }
  return result.data;
}

async function quarantineUnlessChanged(request: ReadRequest<z.ZodType>, raw: string, reason: string, attempt: number): Promise<ServiceError | 'changed'> {
  const exclusive = request.exclusive ?? ((work) => work());
  return exclusive(async () => {
    const now = await readFile(request.filePath, 'utf8').catch(() => null);
    if (now !== raw && attempt < READ_ATTEMPTS) return 'changed' as const;
    const error = await quarantine(request, reason);
    if (error instanceof DamagedFileError) await request.onQuarantined?.(error).catch(() => undefined);
    return error;
  });
}

async function quarantine(request: ReadRequest<z.ZodType>, reason: string): Promise<ServiceError> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(request.quarantineFolder, `${stamp}-${basename(request.filePath)}`);
  try {
    await mkdir(request.quarantineFolder, { recursive: true });
    await renameOver(request.filePath, target);
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

/** Reads and validates a JSON file that is never moved (the trash, a damage record): null when it is missing or unreadable. */
export async function readJsonIfValid<T>(filePath: string, schema: z.ZodType<T>, where: string): Promise<T | null> {
  let raw: string;
  try {
    raw = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fileSystemError(`read ${filePath} ${where}`, error);
  }
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
