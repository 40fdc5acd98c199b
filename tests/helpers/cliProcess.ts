import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export type ProcessRun = { code: number | null; stdout: string; stderr: string };

/**
 * The `hallnotes` CLI bundled fresh for this test file (inside the repository, so its packages
 * resolve), run as real processes: what separate processes do to one library is the point.
 */
export async function bundleCli(name: string): Promise<{ run(args: string[], env: Record<string, string>): Promise<ProcessRun>; remove(): Promise<void> }> {
  const outfile = join(repoRoot, 'build', 'test-cli', `${name}-${process.pid}.mjs`);
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: repoRoot,
    entryPoints: ['electron/cli/hallnotes.ts'],
    outfile,
    format: 'esm',
    packages: 'external',
  });
  return {
    run: (args, env) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [outfile, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('error', reject);
        child.once('close', (code) => resolve({ code, stdout, stderr }));
      }),
    remove: () => rm(outfile, { force: true }),
  };
}
