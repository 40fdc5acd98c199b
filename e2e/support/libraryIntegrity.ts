import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ZodType } from 'zod';
import { eventFileSchema } from '../../shared/model/event';
import { snapshotFileSchema } from '../../shared/model/history';
import { noteFileSchema } from '../../shared/note/noteFile';

export type IntegrityReport = {
  /** Library files that parsed and validated, relative to the library. */
  valid: string[];
  /** Files that did not parse or validate, with the reason. */
  broken: string[];
  /** Leftover temp files of writes cut short (never read by Hallnotes). */
  leftoverTemps: string[];
};

/** Which schema a library file must satisfy, by where it lives. */
function schemaFor(path: string): ZodType | null {
  const parts = path.split(sep);
  if (parts[0] !== 'events') return null;
  if (parts.length === 3 && parts[2] === 'event.json') return eventFileSchema;
  if (parts.length === 4 && parts[2] === 'notes') return noteFileSchema;
  if (parts.length === 5 && parts[2] === 'history') return snapshotFileSchema;
  return null;
}

/** Reads every JSON file in a library: each must parse, and events, notes and snapshots must validate. */
export async function checkLibraryIntegrity(libraryPath: string): Promise<IntegrityReport> {
  const report: IntegrityReport = { valid: [], broken: [], leftoverTemps: [] };
  for (const file of await listFiles(libraryPath)) {
    const path = relative(libraryPath, file);
    const name = path.split(sep).at(-1)!;
    if (name.startsWith('.') && name.endsWith('.tmp')) {
      report.leftoverTemps.push(path);
      continue;
    }
    if (!name.endsWith('.json')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      report.broken.push(`${path}: ${(error as Error).message}`);
      continue;
    }
    const result = schemaFor(path)?.safeParse(parsed);
    if (result && !result.success) report.broken.push(`${path}: ${result.error.issues[0].message}`);
    else report.valid.push(path);
  }
  return report;
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
