import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base } from '@playwright/test';
import { stop, waitForAddress } from './hostFixture';

const HOST_BUNDLE = join(process.cwd(), 'build', 'host', 'host.mjs');

export type HostProcess = {
  url: string;
  /** Everything the host wrote so far, for failure messages. */
  output: () => string;
  /** Kills the host the hard way (no flush, no cleanup) and resolves once it is gone. */
  killHard: () => Promise<void>;
  /** Stops the host as Ctrl+C in its terminal does (SIGTERM) and resolves once it has exited. */
  stop: () => Promise<void>;
};

export type Hosts = {
  libraryPath: string;
  configPath: string;
  /** Starts a host on this test's library (again, after a kill). */
  start: () => Promise<HostProcess>;
};

/**
 * Like hostFixture, but the test starts, kills and restarts the host itself, always on the same
 * library and settings folder. Console errors are expected while the host is down (the page's
 * saves fail), so only uncaught exceptions fail the test here.
 */
export const test = base.extend<{ hosts: Hosts }>({
  hosts: async ({}, use) => {
    if (!existsSync(HOST_BUNDLE)) throw new Error('The host build is missing; run `npm run build` before the e2e suite.');
    const root = await mkdtemp(join(tmpdir(), 'hallnotes-e2e-restart-'));
    const libraryPath = join(root, 'library');
    const configPath = join(root, 'config');
    const children: ChildProcess[] = [];
    try {
      await use({
        libraryPath,
        configPath,
        start: async () => {
          const child = spawn(process.execPath, [HOST_BUNDLE, '--library', libraryPath, '--config', configPath, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
          children.push(child);
          let output = '';
          child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
          const url = await waitForAddress(child, (chunk) => (output += chunk));
          return { url, output: () => output, killHard: () => killHard(child), stop: () => stop(child) };
        },
      });
    } finally {
      for (const child of children) await stop(child);
      await rm(root, { recursive: true, force: true });
    }
  },
  page: async ({ page }, use) => {
    page.on('dialog', (dialog) => void dialog.accept());
    const uncaught: string[] = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    await use(page);
    expect(uncaught, 'uncaught exceptions in the page').toEqual([]);
  },
});

export { expect };

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}
