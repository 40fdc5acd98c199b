import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Called once the site has answered, before the answer is passed on; "drop" cuts the client off instead. */
export type ProxyHook = (request: { method: string; path: string; status: number }) => 'pass' | 'drop' | Promise<'pass' | 'drop'>;

export type SiteProxy = {
  url: string;
  /** Every request that went through, as "METHOD /path". */
  requests: string[];
  setHook(hook: ProxyHook | null): void;
  /** Stops answering (connections are refused), as a site that went down. */
  stop(): Promise<void>;
  /** Answers again, on the same port. */
  start(): Promise<void>;
};

/**
 * A loopback HTTP proxy in front of a real site, so a test can take "the site" away and bring
 * it back, or kill the publisher at an exact moment: after the site has acted on a request
 * but before the publisher hears the answer.
 */
export async function startSiteProxy(target: string, options: { dropHeaders?: string[] } = {}): Promise<SiteProxy> {
  const upstream = new URL(target);
  let hook: ProxyHook | null = null;
  const requests: string[] = [];
  let server: Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const created = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const method = req.method ?? 'GET';
          const path = req.url ?? '/';
          requests.push(`${method} ${path}`);
          const headers: IncomingHttpHeaders = { ...req.headers, host: upstream.host };
          // As a misconfigured proxy in front of a site does.
          for (const name of options.dropHeaders ?? []) delete headers[name.toLowerCase()];
          const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method, path, headers }, (answer) => {
            const body: Buffer[] = [];
            answer.on('data', (chunk: Buffer) => body.push(chunk));
            answer.on('end', async () => {
              const decision = hook ? await hook({ method, path, status: answer.statusCode ?? 0 }) : 'pass';
              if (decision === 'drop') {
                res.destroy();
                return;
              }
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(body));
            });
          });
          forward.on('error', () => res.destroy());
          forward.end(Buffer.concat(chunks));
        });
      });
      created.once('error', reject);
      created.listen(port, '127.0.0.1', () => {
        port = (created.address() as AddressInfo).port;
        server = created;
        resolve();
      });
    });

  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    requests,
    setHook: (next) => (hook = next),
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
        server = null;
      }),
    start: () => (server ? Promise.resolve() : listen()),
  };
}
