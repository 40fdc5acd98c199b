import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../electron/cli/runCli';

export type CliRun = { code: number; stdout: string; stderr: string };
export type RunOptions = { stdin?: string | Buffer; env?: Record<string, string | undefined>; cwd?: string };

/**
 * A temporary library and settings folder, and `run(...argv)` calling the CLI in-process
 * against them (through HALLNOTES_LIBRARY and HALLNOTES_CONFIG_DIR, as a user would).
 */
export async function createCliFixture() {
  const root = await mkdtemp(join(tmpdir(), 'hallnotes-cli-'));
  const library = join(root, 'library');
  const config = join(root, 'config');

  async function runWith(options: RunOptions, ...argv: string[]): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: options.env ?? { HALLNOTES_LIBRARY: library, HALLNOTES_CONFIG_DIR: config },
      cwd: options.cwd ?? root,
      stdin: options.stdin === undefined ? undefined : Readable.from([options.stdin]),
    });
    return { code, stdout, stderr };
  }

  /** Runs a command that must succeed and returns its trimmed stdout. */
  async function ok(...argv: string[]): Promise<string> {
    const result = await runWith({}, ...argv);
    if (result.code !== 0) throw new Error(`hallnotes ${argv.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result.stdout.trim();
  }

  /** A three-day event; returns its id. */
  async function createEvent(...extra: string[]): Promise<string> {
    return ok('event', 'create', '--title', 'Web Summit 2026', '--start', '2026-11-10', '--end', '2026-11-12', ...extra);
  }

  return {
    root,
    library,
    config,
    run: (...argv: string[]) => runWith({}, ...argv),
    runWith,
    ok,
    createEvent,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

export type CliFixture = Awaited<ReturnType<typeof createCliFixture>>;
