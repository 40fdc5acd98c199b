import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let root: string;

beforeAll(async () => {
  // Only the CLI is bundled, with the options of scripts/build-node.mjs: that script also builds
  // the Electron entry points, which this test does not need, and rebuilding every run means
  // the test never passes against a stale bundle.
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: repoRoot,
    entryPoints: ['electron/cli/hallnotes.ts'],
    outfile: 'build/cli/hallnotes.mjs',
    format: 'esm',
    packages: 'external',
  });
  root = await mkdtemp(join(tmpdir(), 'hallnotes-bin-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

function hallnotes(args: string[], input?: string) {
  const env = { ...process.env, HALLNOTES_LIBRARY: join(root, 'library'), HALLNOTES_CONFIG_DIR: join(root, 'config'), TZ: 'Asia/Tokyo' };
  const result = spawnSync(process.execPath, ['bin/hallnotes.mjs', ...args], { cwd: repoRoot, env, input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

it('runs as a real command: exit codes, stdout, stdin and the machine time zone', () => {
  const created = hallnotes(['event', 'create', '--title', 'Tokyo Summit', '--start', '2026-05-01', '--end', '2026-05-02', '--json']);
  expect(created).toMatchObject({ code: 0, stderr: '' });
  const eventId = JSON.parse(created.stdout).id;

  const added = hallnotes(['session', 'add', eventId, '--day', '2', '--start', '10:00', '--title', 'Robots', '--speaker', 'Kenji; CTO; Robo KK']);
  expect(added.code).toBe(0);
  const sessionId = added.stdout.trim();

  expect(hallnotes(['note', 'set', eventId, sessionId, '--from', '-'], '# Robots\n\n- **fast**\n- *cheap*\n').code).toBe(0);
  expect(hallnotes(['note', 'get', eventId, sessionId])).toEqual({ code: 0, stdout: '# Robots\n\n- **fast**\n- *cheap*\n', stderr: '' });

  const events = JSON.parse(hallnotes(['event', 'list', '--json']).stdout);
  expect(events).toMatchObject([{ id: eventId, timezone: 'Asia/Tokyo', sessionCount: 1 }]);

  const usage = hallnotes(['session', 'add', eventId, '--day', 'two', '--start', '10:00', '--title', 'X']);
  expect(usage.code).toBe(2);
  expect(usage.stdout).toBe('');
  expect(usage.stderr).toContain('hallnotes: --day must be a whole number such as 1, not "two"');

  const failure = hallnotes(['session', 'list', 'no-such-event']);
  expect(failure.code).toBe(1);
  expect(failure.stderr).toMatch(/^hallnotes: There is no event with id "no-such-event" in this library\. \(library: .+\)\n$/);
});
