import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FlushRequests } from '../../electron/services/ipc/flushRequests';
import { sendPush, type PushChannel } from '../../electron/services/ipc/pushEvents';

const ROOT = join(import.meta.dirname, '..', '..');
const TYPED_SEND = 'electron/services/ipc/pushEvents.ts';

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function recordingChannel(): PushChannel & { sent: { name: string; payload: unknown }[] } {
  const sent: { name: string; payload: unknown }[] = [];
  return { sent, send: (name, payload) => sent.push({ name, payload }) };
}

describe('main-to-renderer pushes', () => {
  it('go through the one typed sendPush: nothing in electron/ sends a push by a bare string', () => {
    const untyped = sourceFiles('electron')
      .filter((file) => relative(ROOT, join(ROOT, file)) !== TYPED_SEND)
      .flatMap((file) =>
        readFileSync(join(ROOT, file), 'utf8')
          .split('\n')
          .map((line, index) => ({ line, where: `${file}:${index + 1}` }))
          .filter(({ line }) => /\.send\(\s*['"`]/.test(line))
          .map(({ where, line }) => `${where}: ${line.trim()}`),
      );
    expect(untyped).toEqual([]);
  });

  it('name a push event of the table and carry its payload type', () => {
    const channel = recordingChannel();
    sendPush(channel, 'menu:command', { commandId: 'next-session' });
    sendPush(channel, 'app:flush-requested', { requestId: 'r1' });
    // @ts-expect-error not a push event of the table
    sendPush(channel, 'menu:comand', { commandId: 'next-session' });
    // @ts-expect-error the payload of another event
    sendPush(channel, 'menu:command', { requestId: 'r1' });
    // @ts-expect-error a command id that is not in the command table
    sendPush(channel, 'menu:command', { commandId: 'rm -rf' });
    expect(channel.sent.slice(0, 2)).toEqual([
      { name: 'menu:command', payload: { commandId: 'next-session' } },
      { name: 'app:flush-requested', payload: { requestId: 'r1' } },
    ]);
  });
});

describe('asking a renderer to flush before quitting', () => {
  it('resolves when the renderer answers with the request id it was sent', async () => {
    const flushes = new FlushRequests(60_000);
    const channel = recordingChannel();
    let done = false;
    const request = flushes.request(channel).then(() => (done = true));
    const [{ name, payload }] = channel.sent;
    expect(name).toBe('app:flush-requested');
    flushes.complete('some other request');
    await Promise.resolve();
    expect(done).toBe(false);
    flushes.complete((payload as { requestId: string }).requestId);
    await request;
    expect(done).toBe(true);
  });

  it('gives up after the timeout, so a hung renderer cannot block quitting', async () => {
    vi.useFakeTimers();
    try {
      const request = new FlushRequests(3000).request(recordingChannel());
      await vi.advanceTimersByTimeAsync(3000);
      await expect(request).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not wait for a renderer that is already gone', async () => {
    const gone: PushChannel = {
      send: () => {
        throw new Error('Object has been destroyed');
      },
    };
    await expect(new FlushRequests(60_000).request(gone)).resolves.toBeUndefined();
  });
});
