import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The hallnotes CLI bundled from the current source (as scripts/build-node.mjs does), to run as
 * a real process a test can kill. Its own file per test process, so parallel test files and
 * bin.test.ts never write the same bundle.
 */
export async function bundleCli(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = join(repoRoot, 'build', 'test-cli', `hallnotes-${process.pid}.mjs`);
  await build({ bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', absWorkingDir: repoRoot, entryPoints: ['electron/cli/hallnotes.ts'], outfile: path, format: 'esm', packages: 'external' });
  return { path, remove: () => rm(path, { force: true }) };
}

export type CliRun = { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> };

export function runCli(bundle: string, args: string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, [bundle, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}
