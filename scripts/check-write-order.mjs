#!/usr/bin/env node
// Proves, with strace, that a note save is durable: for every file written, the order of system
// calls is  write(temp) → fsync(temp) → rename(temp, file) → fsync(folder), nothing writes the
// file in place, and a save writes only that note (plus, at most, a snapshot of its old version).
//
//   node scripts/check-write-order.mjs          exit 0 when the order holds, 1 when not, 2 without strace
//
// It bundles a tiny program over the real services (esbuild), runs two saves of one note under
// `strace -f`, and reads the trace. Linux only: strace is installed by .ci/run.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repository = join(dirname(fileURLToPath(import.meta.url)), '..');
const SYSCALLS = 'openat,write,pwrite64,writev,pwritev,fsync,fdatasync,rename,renameat,renameat2';

const SAVER = `
import { createServices } from './electron/services/createServices';
const [libraryPath] = process.argv.slice(2);
const store = {};
const services = createServices({ libraryPath, preferences: { get store() { return store; }, set: (changes) => Object.assign(store, changes) } });
const note = (text) => ({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }] } });
const event = await services.events.create({ title: 'Strace Summit', startDate: '2026-11-02', timezone: 'Europe/Lisbon' });
const { session } = await services.events.addSession(event.id, { day: 1, start: '09:00', title: 'Opening keynote' });
await services.notes.save(event.id, session.id, note('The first version of the note.'));
process.stdout.write('HALLNOTES-SAVE-1-BEGIN\\n');
await services.notes.save(event.id, session.id, note('The second version, which snapshots the first.'));
process.stdout.write('HALLNOTES-SAVE-1-END\\n');
process.stdout.write('HALLNOTES-SAVE-2-BEGIN\\n');
await services.notes.save(event.id, session.id, note('The third version, a moment later.'));
process.stdout.write('HALLNOTES-SAVE-2-END\\n');
process.stdout.write(JSON.stringify({ noteFile: services.paths.noteFile(event.id, session.id), eventFile: services.paths.eventFile(event.id), historyFolder: join(services.paths.eventFolder(event.id), 'history', session.id) }) + '\\n');
`;

if (spawnSync('strace', ['-V']).error) {
  console.error('check-write-order: strace is not installed (apt-get install strace); nothing was checked.');
  process.exit(2);
}

const work = await mkdtemp(join(tmpdir(), 'hallnotes-strace-'));
try {
  const program = join(work, 'saver.mjs');
  await build({
    stdin: { contents: `import { join } from 'node:path';\n${SAVER}`, resolveDir: repository, loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile: program,
    logLevel: 'error',
    absWorkingDir: repository,
  });
  const traceFile = join(work, 'trace.txt');
  const run = spawnSync('strace', ['-f', '-qq', '-y', '-s', '96', '-e', `trace=${SYSCALLS}`, '-o', traceFile, process.execPath, program, join(work, 'library')], {
    cwd: repository,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the traced save failed (exit ${run.status}):\n${run.stderr}`);
  const paths = JSON.parse(run.stdout.trim().split('\n').at(-1));
  const calls = parseTrace(await readFile(traceFile, 'utf8'));
  const problems = [
    ...checkSave(calls, 'SAVE-1', paths, { mayWrite: [paths.noteFile, paths.historyFolder + '/'], mustWrite: [paths.noteFile, paths.historyFolder + '/'] }),
    ...checkSave(calls, 'SAVE-2', paths, { mayWrite: [paths.noteFile], mustWrite: [paths.noteFile] }),
  ];
  if (problems.length > 0) {
    console.error(`check-write-order: FAILED\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    await writeFile(join(tmpdir(), 'hallnotes-strace-failed.txt'), await readFile(traceFile, 'utf8'));
    console.error(`  (the trace was kept in ${join(tmpdir(), 'hallnotes-strace-failed.txt')})`);
    process.exitCode = 1;
  } else {
    console.log('check-write-order: OK — every file of each save went write(temp) → fsync(temp) → rename → fsync(folder);');
    console.log('  a save wrote only its note (the first overwrite also kept a snapshot of the old version).');
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

/**
 * One entry per system call, in the order the calls started; `end` is the position of the line
 * that reported its result (a call interrupted by another thread is reported as
 * "<unfinished ...>" and "<... resumed>").
 */
function parseTrace(text) {
  const calls = [];
  const unfinished = new Map();
  const lines = text.split('\n').filter(Boolean);
  lines.forEach((line, index) => {
    const match = /^(\d+)\s+(.*)$/.exec(line);
    if (!match) return;
    const [, pid, rest] = match;
    const resumed = /^<\.\.\. (\w+) resumed>(.*)$/.exec(rest);
    if (resumed) {
      const call = unfinished.get(`${pid}:${resumed[1]}`);
      if (!call) return;
      unfinished.delete(`${pid}:${resumed[1]}`);
      call.text += resumed[2];
      call.end = index;
      finish(call);
      return;
    }
    const start = /^(\w+)\((.*)$/.exec(rest);
    if (!start) return;
    const call = { pid, name: start[1], text: start[2], start: index, end: index };
    calls.push(call);
    if (rest.endsWith('<unfinished ...>')) {
      call.text = call.text.replace(/\s*<unfinished \.\.\.>$/, '');
      unfinished.set(`${pid}:${call.name}`, call);
    } else finish(call);
  });
  return calls;
}

/** Splits "args) = result" and the fd path strace -y prints as `3</path>`. */
function finish(call) {
  const split = /^(.*)\)\s+=\s+(-?\d+)(?:<([^>]*)>)?(?:\s.*)?$/.exec(call.text);
  call.args = split ? split[1] : call.text;
  call.result = split ? Number(split[2]) : Number.NaN;
  call.resultPath = split?.[3] ?? null;
  call.fdPath = /^\d+<([^>]*)>/.exec(call.args)?.[1] ?? null;
  call.strings = [...call.args.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((found) => found[1]);
}

function checkSave(allCalls, marker, paths, { mayWrite, mustWrite }) {
  const begin = allCalls.findIndex((call) => call.name === 'write' && call.args.includes(`HALLNOTES-${marker}-BEGIN`));
  const end = allCalls.findIndex((call) => call.name === 'write' && call.args.includes(`HALLNOTES-${marker}-END`));
  if (begin === -1 || end === -1) return [`${marker}: the trace has no markers around the save`];
  const calls = allCalls.slice(begin + 1, end);
  const problems = [];
  const renames = calls.filter((call) => call.name.startsWith('rename'));
  const targets = renames.map((call) => call.strings.at(-1));
  const allowed = (path) => mayWrite.some((prefix) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix));
  for (const target of targets) if (!allowed(target)) problems.push(`${marker}: wrote ${target}, which this save should not touch`);
  for (const expected of mustWrite) {
    if (!targets.some((target) => (expected.endsWith('/') ? target.startsWith(expected) : target === expected))) problems.push(`${marker}: never renamed a finished file to ${expected}`);
  }
  for (const path of [paths.eventFile, paths.noteFile]) {
    const inPlace = calls.find((call) => call.name === 'openat' && call.strings[0] === path && /O_WRONLY|O_RDWR|O_TRUNC/.test(call.args));
    if (inPlace) problems.push(`${marker}: opened ${path} for writing in place`);
  }
  for (const rename of renames) problems.push(...checkOneFile(calls, rename, marker));
  return problems;
}

function checkOneFile(calls, rename, marker) {
  const [temporary, target] = rename.strings.slice(-2);
  const folder = dirname(target);
  const label = `${marker} ${target}`;
  const problems = [];
  if (rename.result !== 0) return [`${label}: rename failed (${rename.result})`];
  if (dirname(temporary) !== folder) problems.push(`${label}: the temp file ${temporary} is not in the same folder`);
  const opened = calls.find((call) => call.name === 'openat' && call.strings[0] === temporary);
  if (!opened || !/O_CREAT/.test(opened.args) || !/O_EXCL/.test(opened.args)) problems.push(`${label}: the temp file was not created fresh (O_CREAT|O_EXCL)`);
  const writes = calls.filter((call) => /^(p?writev?|pwrite64)$/.test(call.name) && call.fdPath === temporary);
  const syncs = calls.filter((call) => (call.name === 'fsync' || call.name === 'fdatasync') && call.fdPath === temporary && call.result === 0);
  if (writes.length === 0) problems.push(`${label}: no write to the temp file`);
  if (syncs.length === 0) problems.push(`${label}: the temp file was never fsynced`);
  else {
    const lastWriteEnd = Math.max(...writes.map((call) => call.end));
    if (!syncs.some((sync) => sync.start > lastWriteEnd && sync.end < rename.start)) problems.push(`${label}: no fsync(temp) between the last write and the rename`);
  }
  const folderSync = calls.find((call) => (call.name === 'fsync' || call.name === 'fdatasync') && call.fdPath === folder && call.start > rename.end);
  if (!folderSync) problems.push(`${label}: the folder ${folder} was not fsynced after the rename`);
  else if (folderSync.result !== 0) problems.push(`${label}: fsync of the folder failed (${folderSync.result})`);
  return problems;
}
