import type { PushSubscriber } from '../../shared/ipc/api';
import { PUSH_EVENT_NAMES } from '../../shared/ipc/channelNames';
import { HOST_PUSH_PATH, HOST_TOKEN_HEADER } from '../../shared/ipc/hostAccess';

/** After the stream breaks (the host restarting), how long to wait before listening again. */
const RECONNECT_MS = 2000;

type Listener = (payload: never) => void;

/**
 * The host's pushes to this page: one long GET (fetch, since an EventSource cannot send the
 * token header) answered with one JSON object per line. Open while anything listens.
 */
export function createHostPushes(token: string | null): PushSubscriber {
  const known = new Set<string>(PUSH_EVENT_NAMES);
  const listeners = new Map<string, Set<Listener>>();
  let listening: AbortController | null = null;

  const listenerCount = () => [...listeners.values()].reduce((total, set) => total + set.size, 0);

  function deliver(line: string): void {
    let message: { name?: unknown; payload?: unknown };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      return;
    }
    if (typeof message.name !== 'string' || !known.has(message.name)) return;
    for (const listener of listeners.get(message.name) ?? []) listener(message.payload as never);
  }

  async function listen(controller: AbortController): Promise<void> {
    if (token === null) return;
    let refused = false;
    try {
      const response = await fetch(HOST_PUSH_PATH, { headers: { [HOST_TOKEN_HEADER]: token }, credentials: 'omit', cache: 'no-store', signal: controller.signal });
      // A host that refuses the token is another run: retrying would only be refused again.
      refused = response.status === 401 || response.status === 403;
      if (!response.ok || !response.body) return;
      let pending = '';
      for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) if (line.trim() !== '') deliver(line);
      }
    } catch {
      // The host went away (or we stopped listening); see below.
    } finally {
      if (!refused && listening === controller && !controller.signal.aborted) {
        setTimeout(() => {
          if (listening === controller) void listen(controller);
        }, RECONNECT_MS);
      }
    }
  }

  return (name, listener) => {
    if (!known.has(name)) throw new Error(`Unknown push event "${name}"`);
    const set = listeners.get(name) ?? new Set<Listener>();
    set.add(listener as Listener);
    listeners.set(name, set);
    if (listening === null) {
      listening = new AbortController();
      void listen(listening);
    }
    return () => {
      set.delete(listener as Listener);
      if (listenerCount() === 0 && listening) {
        listening.abort();
        listening = null;
      }
    };
  };
}
