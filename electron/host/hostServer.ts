import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { parseAssetRoute } from '../services/assets/assetRoute';
import type { AssetFile } from '../services/assets/assetStore';
import type { ChannelHandlers } from '../services/ipc/channelHandlers';
import { dispatchChannel } from '../services/ipc/dispatchChannel';
import { readStaticFile } from './staticFiles';

/** Browsers share cookies across ports, so each host's cookie is named after its port: a second host must not sign out the first. */
export function tokenCookieName(port: number): string {
  return `hallnotes_token_${port}`;
}
/** Large enough for a 50,000-word note with room to spare; larger bodies are refused. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type RunningHost = { url: string; port: number; token: string; server: Server; close(): Promise<void> };

/**
 * The loopback browser host: the production renderer build plus the channel table over HTTP.
 * It listens on 127.0.0.1 only. Every request must carry the per-run token (in the URL the
 * host prints, then in an HttpOnly cookie) and name this host in its Host header; API calls
 * must also come from this origin.
 */
export type ReadAsset = (eventId: string, fileName: string) => Promise<AssetFile | null>;

export async function startHostServer(options: { handlers: ChannelHandlers; rendererFolder: string; port: number; readAsset?: ReadAsset }): Promise<RunningHost> {
  const token = randomBytes(24).toString('hex');
  let origin = '';
  let port = 0;
  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('[hallnotes host]', error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error in the Hallnotes host.');
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = URL.parse(request.url ?? '/', origin);
    if (!url) return send(response, 400, 'text/plain; charset=utf-8', 'Bad request target.');
    if (request.headers.host !== new URL(origin).host) return send(response, 403, 'text/plain; charset=utf-8', 'Wrong Host header.');
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && sameSecret(queryToken, token) && request.method === 'GET') {
      response.setHeader('Set-Cookie', `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      response.setHeader('Location', url.pathname);
      return send(response, 303, 'text/plain; charset=utf-8', 'Signed in.');
    }
    if (!sameSecret(readCookie(request, tokenCookieName(port)) ?? '', token)) {
      return send(response, 401, 'text/plain; charset=utf-8', 'Open the address printed by `npm run host` (it carries this run\'s access token).');
    }
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, decodeOrKeep(url.pathname.slice(5)));
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    const asset = parseAssetRoute(url.pathname);
    if (asset) {
      const image = await options.readAsset?.(asset.eventId, asset.fileName);
      return image ? send(response, 200, image.mediaType, image.body) : send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    }
    const file = await readStaticFile(options.rendererFolder, url.pathname);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    send(response, 200, file.contentType, file.body);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, channelName: string): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'API calls are POST requests.');
    if (request.headers.origin !== origin) return send(response, 403, 'text/plain; charset=utf-8', 'API calls must come from the Hallnotes page.');
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return send(response, 415, 'text/plain; charset=utf-8', 'API calls carry JSON.');
    }
    const body = await readBody(request);
    if (body === null) {
      return sendJson(response, { ok: false, error: { code: 'invalid-argument', message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` } });
    }
    let argument: unknown;
    try {
      argument = JSON.parse(body);
    } catch {
      return sendJson(response, { ok: false, error: { code: 'invalid-argument', message: 'The request body is not valid JSON.' } });
    }
    sendJson(response, await dispatchChannel(options.handlers, channelName, argument));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(body);
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

function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
