import { spawn } from 'node:child_process';
import { join } from 'node:path';

const CLI_BUNDLE = join(process.cwd(), 'build', 'cli', 'hallnotes.mjs');

export type CliRun = { code: number | null; stdout: string; stderr: string };

/** Runs the built `hallnotes` CLI on a host's library and settings, as a second process would: `stdin` is what it reads from `-`. */
export function hallnotes(libraryPath: string, configPath: string, args: string[], stdin?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
      env: { ...process.env, HALLNOTES_LIBRARY: libraryPath, HALLNOTES_CONFIG_DIR: configPath },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
