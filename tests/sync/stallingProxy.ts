import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StallMode = 'pass' | 'hold-push-request' | 'hold-push-response';

/**
 * A proxy in front of a Git server that can stall a push: `hold-push-request` takes the
 * pushed pack but never passes it on (the client dies mid-push, the remote never sees it);
 * `hold-push-response` lets the remote take the push but never answers (the client dies not
 * knowing it succeeded). `stalled` resolves when a push is being held.
 */
export async function startStallingProxy(target: string): Promise<{ url: string; mode: StallMode; stalled: Promise<void>; close(): Promise<void> }> {
  const upstream = new URL(target);
  let notify: () => void = () => undefined;
  const state = { mode: 'pass' as StallMode, stalled: new Promise<void>((resolve) => (notify = resolve)) };
  const server: Server = createServer((incoming: IncomingMessage, response) => {
    const isPush = incoming.method === 'POST' && incoming.url?.endsWith('/git-receive-pack');
    if (isPush && state.mode === 'hold-push-request') {
      incoming.resume();
      incoming.on('end', () => notify());
      return;
    }
    const outgoing = forward({ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      if (isPush && state.mode === 'hold-push-response') {
        answer.resume();
        answer.on('end', () => notify());
        return;
      }
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    outgoing.on('error', () => response.destroy());
    incoming.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get mode() {
      return state.mode;
    },
    set mode(mode: StallMode) {
      state.mode = mode;
    },
    get stalled() {
      return state.stalled;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
