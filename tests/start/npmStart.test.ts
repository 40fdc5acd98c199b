import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const startScript: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts.start;

beforeAll(async () => {
  // Only the starter is bundled, with the options of scripts/build-node.mjs, so the test never runs a stale bundle.
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: repoRoot,
    entryPoints: ['electron/start/start.ts'],
    outfile: 'build/start/start.mjs',
    format: 'esm',
    packages: 'external',
  });
});

it('npm start without an Electron binary says why in a few lines, and names npm run host; no stack trace', () => {
  // What `npm start` runs once the build is done (the build itself is not this test's business).
  const command = startScript.replace(/^npm run build && /, '');
  const result = spawnSync(command, {
    shell: true,
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HALLNOTES_ELECTRON_PATH: '/nonexistent/electron', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });

  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).toMatch(/^hallnotes: `npm start` opens Hallnotes in Electron, and there is no Electron binary to run: HALLNOTES_ELECTRON_PATH points to \/nonexistent\/electron, which does not exist\.\n/);
  expect(result.stderr).toContain('npm run host');
  expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(4);
});
