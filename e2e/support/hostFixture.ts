import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base } from '@playwright/test';

const HOST_BUNDLE = join(process.cwd(), 'build', 'host', 'host.mjs');
const RENDERER_BUILD = join(process.cwd(), 'build', 'renderer', 'index.html');

export type RunningHost = {
  /** The address the host printed (with its access token). */
  url: string;
  libraryPath: string;
  configPath: string;
  /** Everything the host wrote to stdout and stderr so far, for failure messages. */
  output: () => string;
};

/**
 * Per test: a fresh temporary library and config folder, a host process serving them on a
 * free port, and the page signed in to it. The host is stopped and the folders removed afterwards.
 */
export const test = base.extend<{ host: RunningHost }>({
  host: async ({}, use, testInfo) => {
    if (!existsSync(HOST_BUNDLE) || !existsSync(RENDERER_BUILD)) {
      throw new Error('The host or renderer build is missing; run `npm run build` before the e2e suite.');
    }
    const root = await mkdtemp(join(tmpdir(), 'hallnotes-e2e-'));
    const libraryPath = join(root, 'library');
    const configPath = join(root, 'config');
    const child = spawn(process.execPath, [HOST_BUNDLE, '--library', libraryPath, '--config', configPath, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => (output += `\n[the host exited: ${signal ?? `code ${code}`}]\n`));
    try {
      const url = await waitForAddress(child, (chunk) => (output += chunk));
      await use({ url, libraryPath, configPath, output: () => output });
    } finally {
      // A failed test keeps what the host said: a crash or a refused save is explained there.
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('host output', { body: output, contentType: 'text/plain' });
      await stop(child);
      await rm(root, { recursive: true, force: true });
    }
  },
  page: async ({ page, host }, use) => {
    // The host build asks before unloading with unsaved notes; accept, so a test that reloads
    // too early fails on the missing text instead of hanging.
    page.on('dialog', (dialog) => void dialog.accept());
    // A CSP violation or an uncaught exception shows up here; either fails the test.
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await page.goto(host.url);
    await use(page);
    expect(problems, 'errors in the page').toEqual([]);
  },
});

export { expect };

export function waitForAddress(child: ChildProcess, record: (chunk: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`The host printed no address within 15 s:\n${buffered}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      record(text);
      buffered += text;
      const match = /Open (http:\/\/\S+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited with code ${code} before printing its address:\n${buffered}`));
    });
  });
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
