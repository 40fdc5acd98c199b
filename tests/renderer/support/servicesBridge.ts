import type { HallnotesApi, HallnotesBridge } from '../../../shared/ipc/api';
import type { PushEventName, PushEvents } from '../../../shared/ipc/channels';
import { BRIDGE_GLOBAL } from '../../../shared/ipc/api';
import { CHANNEL_NAMES } from '../../../shared/ipc/channelNames';
import { createChannelHandlers } from '../../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../../electron/services/ipc/dispatchChannel';
import { createTempLibrary, type TempLibrary } from '../../helpers/tempLibrary';

/**
 * The renderer's bridge, answered by the real services over a temporary library through the
 * same dispatcher Electron and the host call: a component test runs the app's own code end to
 * end, minus the transport. Import this module before anything from renderer/: the renderer
 * picks its bridge up from `window` when its api module loads.
 */
/** Calls held back as by a slow disk: how many are waiting, and letting them (and all later ones) through. */
export type Hold = { waiting(): number; release(): void };

export type ServicesBridge = {
  library: TempLibrary;
  /** Every channel called, in order, with its argument. */
  calls: Array<{ channel: string; argument: unknown }>;
  /** Request ids the renderer reported back on 'app:flush-complete'. */
  flushesCompleted: string[];
  /** Sends a push event to the renderer, as Electron main does. */
  push<Name extends PushEventName>(name: Name, payload: PushEvents[Name]): void;
  /** Calls of `channel` that `when` accepts wait until released, as on a slow disk. */
  hold(channel: string, when?: (argument: unknown) => boolean): Hold;
  cleanup(): Promise<void>;
};

let current: ServicesBridge | null = null;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

const api = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [
    channel,
    (argument: unknown) => {
      // A save still on its way when a test has ended finds no library, as after a closed host.
      if (!current) return Promise.resolve({ ok: false, error: { code: 'io-error', message: `The test is over (${channel}).` } });
      return call(current, channel, argument);
    },
  ]),
) as unknown as HallnotesApi;

const bridge: HallnotesBridge = {
  api,
  subscribe: (name, listener) => {
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    set.add(listener as (payload: unknown) => void);
    return () => set.delete(listener as (payload: unknown) => void);
  },
  transport: 'electron',
};
(window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = bridge;

type Gate = { channel: string; when: (argument: unknown) => boolean; held: Array<() => void> };
const gates: Gate[] = [];

async function call(target: ServicesBridge, channel: string, argument: unknown) {
  target.calls.push({ channel, argument });
  const gate = gates.find((candidate) => candidate.channel === channel && candidate.when(argument));
  if (gate) await new Promise<void>((release) => gate.held.push(release));
  // What crosses a real transport is JSON.
  return JSON.parse(JSON.stringify(await dispatchChannel(handlers!, channel, JSON.parse(JSON.stringify(argument ?? null)), () => undefined)));
}

let handlers: ReturnType<typeof createChannelHandlers> | null = null;

export async function createServicesBridge(): Promise<ServicesBridge> {
  const library = await createTempLibrary();
  const flushesCompleted: string[] = [];
  handlers = createChannelHandlers(library.services, { onFlushComplete: (requestId) => flushesCompleted.push(requestId) });
  const created: ServicesBridge = {
    library,
    calls: [],
    flushesCompleted,
    push: (name, payload) => listeners.get(name)?.forEach((listener) => listener(payload)),
    hold: (channel, when = () => true) => {
      const gate: Gate = { channel, when, held: [] };
      gates.push(gate);
      return {
        waiting: () => gate.held.length,
        release: () => {
          gates.splice(gates.indexOf(gate), 1);
          gate.held.splice(0).forEach((release) => release());
        },
      };
    },
    cleanup: async () => {
      for (const gate of gates.splice(0)) gate.held.splice(0).forEach((release) => release());
      current = null;
      await library.cleanup();
    },
  };
  current = created;
  return created;
}
