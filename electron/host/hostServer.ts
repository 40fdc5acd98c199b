import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HOST_PUSH_PATH, HOST_TOKEN_HEADER, HOST_TOKEN_PARAMETER } from '../../shared/ipc/hostAccess';
import { megabytes } from '../../shared/model/byteSize';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { parseAssetRoute } from '../services/assets/assetRoute';
import type { AssetFile } from '../services/assets/assetStore';
import type { ChannelHandlers } from '../services/ipc/channelHandlers';
import { dispatchChannel } from '../services/ipc/dispatchChannel';
import type { PushChannel } from '../services/ipc/pushEvents';
import { readStaticFile } from './staticFiles';

/** Large enough for a 50,000-word note with room to spare; larger bodies are refused. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const TEXT = 'text/plain; charset=utf-8';
const OPEN_THE_PRINTED_ADDRESS = 'Open the address printed by `npm run host`: it carries this run’s access keys.';

export type RunningHost = {
  /** The address to open: http://127.0.0.1:PORT/<pathKey>/#token=<token>. */
  url: string;
  port: number;
  /** Sent by the page in the X-Hallnotes-Token header of every API call and of the push stream. */
  token: string;
  /** The first path segment of everything the host serves: the page, its scripts and photos. */
  pathKey: string;
  server: Server;
  /** The pages connected right now, each a channel for typed pushes (sendPush). */
  openPages(): PushChannel[];
  close(): Promise<void>;
};

export type ReadAsset = (eventId: string, fileName: string) => Promise<AssetFile | null>;

/**
 * The loopback browser host: the production renderer build plus the channel table over HTTP.
 * It listens on 127.0.0.1 only, answers only requests naming it in their Host header, and sets
 * no cookie: browsers send a cookie for 127.0.0.1 to every port, so any other local server the
 * browser visited would get it. Instead (shared/ipc/hostAccess.ts):
 * - everything lives under a per-run random path, `/<pathKey>/`, so the page's own relative
 *   URLs (scripts, photos in <img>, which cannot send headers) carry it and nothing else does;
 * - API calls and the push stream also need the per-run token in a header, which the page
 *   reads from the printed address's fragment (never sent to any server) and keeps to itself;
 *   a header also means another origin's page cannot make the call without a CORS preflight,
 *   which this host never grants. API calls must come from this origin.
 */
export async function startHostServer(options: { handlers: ChannelHandlers; rendererFolder: string; port: number; readAsset?: ReadAsset }): Promise<RunningHost> {
  const token = randomBytes(24).toString('hex');
  const pathKey = randomBytes(16).toString('hex');
  const pages = new Set<ServerResponse>();
  let origin = '';
  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('[hallnotes host]', error);
      if (!response.headersSent) send(response, 500, TEXT, 'Internal error in the Hallnotes host.');
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = URL.parse(request.url ?? '/', origin);
    if (!url) return send(response, 400, TEXT, 'Bad request target.');
    if (request.headers.host !== new URL(origin).host) return send(response, 403, TEXT, 'Wrong Host header.');
    const [, firstSegment = '', ...rest] = url.pathname.split('/');
    if (!sameSecret(firstSegment, pathKey)) return send(response, 401, TEXT, OPEN_THE_PRINTED_ADDRESS);
    // The page's relative URLs need the trailing slash; a redirect keeps the address's fragment.
    if (rest.length === 0) return redirect(response, `/${pathKey}/`);
    const path = `/${rest.join('/')}`;

    if (path.startsWith('/api/')) return handleApi(request, response, decodeOrKeep(path.slice(5)));
    if (path === `/${HOST_PUSH_PATH}`) return openPushStream(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, TEXT, 'Method not allowed.');
    const asset = parseAssetRoute(path);
    if (asset) {
      const image = await options.readAsset?.(asset.eventId, asset.fileName);
      return image ? send(response, 200, image.mediaType, image.body) : send(response, 404, TEXT, 'Not found.');
    }
    const file = await readStaticFile(options.rendererFolder, path);
    if (!file) return send(response, 404, TEXT, 'Not found.');
    send(response, 200, file.contentType, file.body);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, channelName: string): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, TEXT, 'API calls are POST requests.');
    if (!hasToken(request)) return send(response, 401, TEXT, OPEN_THE_PRINTED_ADDRESS);
    if (request.headers.origin !== origin) return send(response, 403, TEXT, 'API calls must come from the Hallnotes page.');
    if (!request.headers['content-type']?.startsWith('application/json')) return send(response, 415, TEXT, 'API calls carry JSON.');
    const body = await readBody(request);
    if (body === null) {
      return sendJson(response, { ok: false, error: { code: 'invalid-argument', message: `The request is larger than ${megabytes(MAX_BODY_BYTES)}.` } });
    }
    let argument: unknown;
    try {
      argument = JSON.parse(body);
    } catch {
      return sendJson(response, { ok: false, error: { code: 'invalid-argument', message: 'The request body is not valid JSON.' } });
    }
    sendJson(response, await dispatchChannel(options.handlers, channelName, argument));
  }

  /** One JSON object per line, for as long as the page keeps the request open. */
  function openPushStream(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET') return send(response, 405, TEXT, 'The push stream is a GET request.');
    if (!hasToken(request)) return send(response, 401, TEXT, OPEN_THE_PRINTED_ADDRESS);
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/x-ndjson; charset=utf-8' });
    response.flushHeaders();
    pages.add(response);
    response.on('close', () => pages.delete(response));
  }

  function hasToken(request: IncomingMessage): boolean {
    const given = request.headers[HOST_TOKEN_HEADER.toLowerCase()];
    return typeof given === 'string' && sameSecret(given, token);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/${pathKey}/#${HOST_TOKEN_PARAMETER}=${token}`,
    port,
    token,
    pathKey,
    server,
    openPages: () =>
      [...pages].map((page) => ({
        send: (name, payload) => {
          if (page.writableEnded || page.destroyed) throw new Error('The page has gone.');
          page.write(`${JSON.stringify({ name, payload })}\n`);
        },
      })),
    close: () =>
      new Promise((resolve) => {
        // Push streams never end by themselves; without this, close() would wait for every tab.
        for (const page of pages) page.end();
        server.close(() => resolve());
      }),
  };
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType });
  response.end(body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(308, { ...SECURITY_HEADERS, 'Content-Type': TEXT, Location: location });
  response.end('Moved.');
}

function sendJson(response: ServerResponse, value: unknown): void {
  send(response, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A malformed escape is left as typed, so it reaches the dispatcher as an unknown channel name. */
function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
