import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, type HallnotesApi, type HallnotesBridge, type PushSubscriber } from '../../shared/ipc/api';
import { CHANNEL_NAMES, PUSH_EVENT_NAMES } from '../../shared/ipc/channelNames';

/**
 * Exposes exactly one method per channel of the table and a subscription to the listed push
 * events; never ipcRenderer itself or a generic invoke.
 */
const api = Object.freeze(
  Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, (argument: unknown) => ipcRenderer.invoke(channel, argument)])),
) as HallnotesApi;

const pushEvents = new Set<string>(PUSH_EVENT_NAMES);
const subscribe: PushSubscriber = (name, listener) => {
  if (!pushEvents.has(name)) throw new Error(`Unknown push event "${name}"`);
  const wrapped = (_event: unknown, payload: unknown) => listener(payload as never);
  ipcRenderer.on(name, wrapped);
  return () => ipcRenderer.removeListener(name, wrapped);
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze({ api, subscribe, transport: 'electron' } satisfies HallnotesBridge));
