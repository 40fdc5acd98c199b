import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runNodeScript, type ProcessRun } from './nodeProcess';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export type { ProcessRun };

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
    run: (args, env) => runNodeScript(outfile, args, { env, cwd: repoRoot }),
    remove: () => rm(outfile, { force: true }),
  };
}
