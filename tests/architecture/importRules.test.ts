import { describe, expect, it } from 'vitest';
import { findSpecifiers, importsInText, isElectronPackage, isNodeBuiltin, REPO_ROOT, scanImports, type ImportReference } from './importScanner';

/** One rule of the dependency direction in ARCHITECTURE.md: which files it covers and what they may not import. */
type ImportRule = { name: string; covers(file: string): boolean; forbids(reference: ImportReference): boolean };

const under = (...folders: string[]) => (file: string) => folders.some((folder) => file.startsWith(`${folder}/`));
const into = (reference: ImportReference, ...folders: string[]) => reference.resolved !== null && folders.some((folder) => reference.resolved!.startsWith(`${folder}/`));

const RULES: ImportRule[] = [
  {
    name: "services, host, CLI and shared never import 'electron' or 'electron-store'",
    covers: under('electron/services', 'electron/host', 'electron/cli', 'shared'),
    forbids: (reference) => isElectronPackage(reference.specifier),
  },
  {
    name: 'shared imports no Node built-ins',
    covers: under('shared'),
    forbids: (reference) => isNodeBuiltin(reference.specifier),
  },
  {
    name: 'shared imports nothing from renderer/ or electron/',
    covers: under('shared'),
    forbids: (reference) => into(reference, 'renderer', 'electron'),
  },
  {
    name: 'services do not know their transport (main, preload, host, CLI)',
    covers: under('electron/services'),
    forbids: (reference) => into(reference, 'electron/main', 'electron/preload', 'electron/host', 'electron/cli'),
  },
  {
    name: 'nothing outside renderer/ imports from renderer/',
    covers: (file) => !file.startsWith('renderer/'),
    forbids: (reference) => into(reference, 'renderer'),
  },
  {
    name: 'renderer imports only renderer/ and shared/',
    covers: under('renderer'),
    forbids: (reference) => reference.resolved !== null && !into(reference, 'renderer', 'shared'),
  },
  {
    name: 'the editor is handed what it needs: renderer/editor imports nothing from renderer/features nor the transport (renderer/api)',
    covers: under('renderer/editor'),
    forbids: (reference) => into(reference, 'renderer/features', 'renderer/api'),
  },
];

/** The feature folder a file is in or a reference points into ("note" for renderer/features/note/…). */
function featureOf(path: string | null): string | null {
  return path?.startsWith('renderer/features/') ? path.split('/')[2] : null;
}

/** Features that import each other, directly or round a loop, as "a → b → a". */
function featureCycles(references: ImportReference[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const reference of references) {
    const from = featureOf(reference.file);
    const to = featureOf(reference.resolved);
    if (from && to && from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
  }
  const cycles = new Set<string>();
  const walk = (path: string[]) => {
    for (const next of edges.get(path.at(-1)!) ?? []) {
      if (next === path[0]) cycles.add([...path, next].join(' → '));
      else if (!path.includes(next) && next > path[0]) walk([...path, next]);
    }
  };
  for (const feature of edges.keys()) walk([feature]);
  return [...cycles].sort();
}

/** Production code only: tests and e2e specs may import whatever they test. */
const SCANNED_FOLDERS = ['shared', 'electron', 'renderer', 'scripts', 'bin'];

function violations(references: ImportReference[]): string[] {
  return RULES.flatMap((rule) =>
    references.filter((reference) => rule.covers(reference.file) && rule.forbids(reference)).map((reference) => `${rule.name}: ${reference.file} imports '${reference.specifier}'`),
  );
}

describe('import rules', () => {
  const references = scanImports(REPO_ROOT, SCANNED_FOLDERS);

  it('scans the real source tree', () => {
    const files = new Set(references.map((reference) => reference.file));
    expect([...files].some((file) => file.startsWith('shared/'))).toBe(true);
    expect([...files].some((file) => file.startsWith('electron/services/'))).toBe(true);
    expect(references.some((reference) => reference.specifier === 'zod')).toBe(true);
  });

  it('holds for every source file', () => {
    expect(violations(references)).toEqual([]);
  });

  it('finds no two renderer features that import each other', () => {
    expect(featureCycles(references)).toEqual([]);
  });
});

describe('the import scanner', () => {
  it('finds every form of import', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      'import {\n  c,\n  d,\n} from "c-package";',
      "import * as e from 'node:fs';",
      "import 'side-effect.css';",
      "export { f } from './f';",
      "export * from './g';",
      "export type { H } from './h';",
      "const i = await import('./i');",
      "const j = require('j');",
      'const k = await import(`k`);',
      "import l = require('l');",
    ].join('\n');
    expect(findSpecifiers(source).sort()).toEqual(['./a', '../b', 'c-package', 'node:fs', 'side-effect.css', './f', './g', './h', './i', 'j', 'k', 'l'].sort());
  });

  it('still sees an import after a glob string that contains /* and */', () => {
    expect(findSpecifiers("const globs = ['src/**/*.ts', 'a/*.js'];\nimport { app } from 'electron';\nconst more = 'b/*/';")).toEqual(['electron']);
  });

  it('ignores strings and comments that only look like imports', () => {
    const source = [
      "const label = 'import from electron';",
      "// import { app } from 'electron';",
      "/* const x = require('electron'); */",
      "/**\n * Call import('electron') only in main.\n */",
      "export const from = 'electron';",
      "const url = 'https://example.com'; // not an import",
    ].join('\n');
    expect(findSpecifiers(source)).toEqual([]);
  });

  it.each([
    ['electron/services/notes/x.ts', "import { app } from 'electron';"],
    ['electron/host/x.ts', "const Store = require('electron-store');"],
    ['electron/cli/x.ts', "const { shell } = await import('electron/main');"],
    ['shared/model/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['shared/model/x.ts', "import path from 'path';"],
    ['shared/model/x.ts', "import { EventEmitter } from 'events';"],
    ['shared/ipc/x.ts', "import type { Services } from '../../electron/services/createServices';"],
    ['shared/note/x.ts', "export { App } from '../../renderer/app/App';"],
    ['electron/services/x.ts', "import { startHostServer } from '../host/hostServer';"],
    ['electron/main/x.ts', "import { bridge } from '../../renderer/api/bridge';"],
    ['scripts/x.mjs', "await import('../renderer/main.tsx');"],
    ['renderer/features/x.ts', "import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';"],
    ['renderer/app/x.ts', "import { readFileAtMost } from '../../scripts/readFileAtMost';"],
    ['renderer/editor/x.tsx', "import { useNoteSaver } from '../features/note/noteSaverContext';"],
    ['renderer/editor/plugins/x.tsx', "import { api } from '../../api/bridge';"],
  ])('would catch %s doing %s', (file, source) => {
    expect(violations(importsInText(file, source))).not.toEqual([]);
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/services/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['shared/model/x.ts', "import { z } from 'zod';"],
    ['shared/ipc/x.ts', "import { eventFileSchema } from '../model/event';"],
    ['renderer/app/x.tsx', "import { api } from '../api/bridge';"],
    ['renderer/app/x.tsx', "import { channels } from '../../shared/ipc/channels';"],
    ['renderer/editor/x.tsx', "import { Dialog } from '../ui/Dialog';"],
    ['renderer/features/note/x.tsx', "import { NoteEditor } from '../../editor/NoteEditor';"],
    ['electron/host/x.ts', "import { dispatchChannel } from '../services/ipc/dispatchChannel';"],
    ['shared/model/x.ts', "import { electronTheme } from './electron-theme';"],
  ])('allows %s doing %s', (file, source) => {
    expect(violations(importsInText(file, source))).toEqual([]);
  });

  it('finds features that import each other, directly or round a loop', () => {
    const loop = [
      ...importsInText('renderer/features/note/a.ts', "import { b } from '../history/b';"),
      ...importsInText('renderer/features/history/b.ts', "import { c } from '../post/c';"),
      ...importsInText('renderer/features/post/c.ts', "import { a } from '../note/a';"),
      ...importsInText('renderer/features/agenda/d.ts', "import { a } from '../note/a';"),
    ];
    expect(featureCycles(loop)).toEqual(['history → post → note → history']);
    expect(featureCycles(loop.slice(1))).toEqual([]);
  });

  it('knows the Node built-ins and the electron packages', () => {
    expect(['fs', 'node:fs', 'fs/promises', 'path', 'crypto', 'node:test'].every(isNodeBuiltin)).toBe(true);
    expect(['zod', 'lexical', '@lexical/react', './fs'].some(isNodeBuiltin)).toBe(false);
    expect(['electron', 'electron/main', 'electron-store'].every(isElectronPackage)).toBe(true);
    expect(['electron-builder-like', '../electron/services/x'].some(isElectronPackage)).toBe(false);
  });
});
