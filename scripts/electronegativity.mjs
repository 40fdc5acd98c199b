#!/usr/bin/env node
// Runs Electronegativity (Doyensec's Electron security linter) over the app's source, offline,
// and fails on any finding not justified in electronegativity-allowlist.json. The tool itself
// exits 0 whatever it finds, so this wrapper is what makes CI fail.
//
//   node scripts/electronegativity.mjs      (npm run lint:security)
//
// Two workarounds, both confined to this process:
// - Electronegativity 1.10 loads @typescript-eslint/typescript-estree 4, which needs the
//   TypeScript 4 that Electronegativity ships, not the project's TypeScript 7; `typescript`
//   is resolved to that copy for those two packages only.
// - It fetches fresh translations from the network at start-up; `got` is answered with a
//   refusal, so the scan never touches the network (it falls back to its bundled English).
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const toolFolder = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const toolTypeScript = join(toolFolder, 'node_modules', 'typescript', 'lib', 'typescript.js');
/** What ships in the app: main, preload, services, host, CLI, renderer and the shared code. */
const SCANNED = ['electron', 'renderer', 'shared', 'package.json'];
/** Needs the network to compare Electron versions; the issue asks for an offline run. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveForElectronegativity(request, parent, ...rest) {
  const from = parent?.filename ?? '';
  if (request === 'typescript' && /node_modules[\\/](@typescript-eslint|tsutils)[\\/]/.test(from)) return toolTypeScript;
  return resolveFilename.call(this, request, parent, ...rest);
};
const gotPath = require.resolve('got', { paths: [toolFolder] });
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: () => Promise.reject(new Error('offline')) };

const runner = require(join(toolFolder, 'dist', 'runner.js'));
const run = runner.default ?? runner;
const allowlist = JSON.parse(await readFile(join(repository, 'electronegativity-allowlist.json'), 'utf8'));
const electronVersion = JSON.parse(await readFile(join(repository, 'package.json'), 'utf8')).devDependencies.electron;

// One folder with only the scanned parts, so tests, fixtures and build output are not linted as app code.
const input = await mkdtemp(join(tmpdir(), 'hallnotes-electronegativity-'));
let result;
const log = console.log;
try {
  for (const part of SCANNED) await cp(join(repository, part), join(input, part), { recursive: true });
  console.log = () => undefined;
  result = await run({ input, customScan: [], excludeFromScan: EXCLUDED_CHECKS, isRelative: true, electronVersionOverride: electronVersion, parserPlugins: [] }, false);
} finally {
  console.log = log;
  await rm(input, { recursive: true, force: true });
}

const findings = result.issues.map((issue) => ({
  id: issue.id,
  file: issue.file === 'N/A' ? 'N/A' : relative(input, join(input, issue.file)).split(sep).join('/'),
  line: issue.location?.line ?? 0,
  description: issue.description,
  manualReview: Boolean(issue.manualReview),
}));
const justified = (finding) => allowlist.findings.some((entry) => entry.id === finding.id && entry.file === finding.file && entry.justification?.trim());
const unjustified = findings.filter((finding) => !justified(finding));
const unused = allowlist.findings.filter((entry) => !findings.some((finding) => finding.id === entry.id && finding.file === entry.file));
const parseErrors = result.errors.filter((error) => !error.tolerable);

console.log(`electronegativity ${require(join(toolFolder, 'package.json')).version}: ${result.atomicChecks} atomic and ${result.globalChecks} global checks over ${SCANNED.join(', ')} (offline; excluded: ${EXCLUDED_CHECKS.join(', ')})`);
for (const finding of findings.filter(justified)) console.log(`  allowed   ${finding.id} ${finding.file}:${finding.line}`);
for (const finding of unjustified) console.log(`  FINDING   ${finding.id} ${finding.file}:${finding.line}${finding.manualReview ? ' (review)' : ''}: ${finding.description}`);
for (const error of parseErrors) console.log(`  UNPARSED  ${relative(input, error.file)}: ${error.message}`);
for (const entry of unused) console.log(`  stale allow-list entry (no such finding any more): ${entry.id} ${entry.file}`);

if (unjustified.length > 0 || parseErrors.length > 0 || unused.length > 0) {
  console.log('Fix the findings above, or justify each in electronegativity-allowlist.json; files it could not parse were not checked.');
  process.exitCode = 1;
} else console.log(`OK: ${findings.length} finding(s), each justified in electronegativity-allowlist.json.`);
