import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ImportReference = { file: string; specifier: string; resolved: string | null };

const SOURCE_FILE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'build', 'release', '.git']);

// import … from 'x' / export … from 'x' (multi-line lists allowed), import 'x', import('x'), require('x').
const STATIC_FROM = /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"\n]+)['"]/gm;
const SIDE_EFFECT = /^\s*import\s*['"]([^'"\n]+)['"]/gm;
const CALL = /\b(?:import|require)\s*\(\s*['"`]([^'"`\n]+)['"`]\s*\)/g;
// Whole comment lines only: stripping /* … */ spans could swallow code after a glob string such as 'src/**/*.ts'.
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*).*$/gm;

/** Every module specifier in a source text. */
export function findSpecifiers(source: string): string[] {
  const code = source.replace(COMMENT_LINE, '');
  return [STATIC_FROM, SIDE_EFFECT, CALL].flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]));
}

/** Relative specifiers become repo-relative posix paths; package names stay null. */
export function resolveSpecifier(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(fromFile), specifier));
}

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]) || builtinModules.includes(specifier);
}

export function isElectronPackage(specifier: string): boolean {
  return specifier === 'electron' || specifier.startsWith('electron/') || specifier === 'electron-store' || specifier.startsWith('electron-store/');
}

export function importsInText(file: string, source: string): ImportReference[] {
  return findSpecifiers(source).map((specifier) => ({ file, specifier, resolved: resolveSpecifier(file, specifier) }));
}

/** Every import in the source files under `folders` (repo-relative), read from `root`. */
export function scanImports(root: string, folders: string[]): ImportReference[] {
  const references: ImportReference[] = [];
  const visit = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) visit(path);
      else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        references.push(...importsInText(path.split(sep).join('/'), readFileSync(join(root, path), 'utf8')));
      }
    }
  };
  for (const folder of folders) visit(folder);
  return references;
}

/** The repository folder (this file lives in tests/architecture/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
