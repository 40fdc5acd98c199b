import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Where note file paths may be named: the note store, and the path helpers that only check ids with them. */
const ALLOWED = ['electron/services/notes/', 'electron/services/library/libraryPaths.ts', 'electron/services/library/eventStore.ts', 'electron/services/history/historyPaths.ts'];

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files = await Promise.all(entries.map((entry) => (entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : [join(folder, entry.name)])));
  return files.flat().filter((file) => file.endsWith('.ts'));
}

it('only the note store reads, writes or moves note files (everyone else asks it)', async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles(join(repoRoot, 'electron'))) {
    const path = relative(repoRoot, file);
    if (ALLOWED.some((allowed) => path.startsWith(allowed))) continue;
    const source = await readFile(file, 'utf8');
    if (/\.(noteFile|notesFolder)\(/.test(source)) offenders.push(path);
  }
  expect(offenders).toEqual([]);
});
