import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelHandlers } from '../../electron/services/ipc/channelHandlers';

/** registerIpc runs against a fake ipcMain: the handlers it registers are called as Electron would. */
const ipcMain = vi.hoisted(() => ({ handle: vi.fn() }));
vi.mock('electron', () => ({ ipcMain, shell: {}, protocol: {} }));

const { registerIpc } = await import('../../electron/main/registerIpc');

type IpcHandler = (event: { senderFrame: unknown }, argument: unknown) => Promise<unknown> | unknown;

const frame = (url: string, parent: unknown = null) => ({ url, parent });
const APP = frame('app://hallnotes/index.html');

let logged: string[];
let handlerFor: (channel: string) => IpcHandler;

beforeEach(() => {
  ipcMain.handle.mockClear();
  logged = [];
  const handlers = { 'events:list': async () => ({ events: [], problems: [] }) } as unknown as ChannelHandlers;
  registerIpc(handlers, (message) => logged.push(message));
  handlerFor = (channel) => ipcMain.handle.mock.calls.find(([name]) => name === channel)![1] as IpcHandler;
});

describe('IPC from a sender that is not the app', () => {
  it('is refused, and each reason is logged once, naming the channel and the sender', async () => {
    const list = handlerFor('events:list');
    const save = handlerFor('notes:save');
    const refused = { ok: false, error: { code: 'invalid-argument', message: 'IPC from an untrusted frame was refused.' } };

    expect(await list({ senderFrame: frame('https://evil.example/page') }, {})).toEqual(refused);
    expect(await save({ senderFrame: frame('https://evil.example/other') }, {})).toEqual(refused);
    expect(await list({ senderFrame: frame('app://hallnotes/index.html', APP) }, {})).toEqual(refused);
    expect(await list({ senderFrame: frame('app://hallnotes/index.html', APP) }, {})).toEqual(refused);
    expect(await list({ senderFrame: null }, {})).toEqual(refused);

    expect(logged).toEqual([
      '[hallnotes] Refused IPC on events:list: it came from https://evil.example, not from the app (further refusals for this reason are not logged).',
      '[hallnotes] Refused IPC on events:list: it came from a frame inside the page, not from the app’s own window (further refusals for this reason are not logged).',
      '[hallnotes] Refused IPC on events:list: the frame that sent it is gone (further refusals for this reason are not logged).',
    ]);
  });

  it('is answered from the app’s own window, and nothing is logged', async () => {
    expect(await handlerFor('events:list')({ senderFrame: APP }, {})).toEqual({ ok: true, value: { events: [], problems: [] } });
    expect(logged).toEqual([]);
  });
});
