import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type RunningHost } from '../../electron/host/hostServer';
import { createChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { FlushRequests } from '../../electron/services/ipc/flushRequests';
import { sendPush } from '../../electron/services/ipc/pushEvents';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { createTempLibrary, eventDraft, type TempLibrary } from '../helpers/tempLibrary';

const INDEX_HTML = '<!doctype html><title>Hallnotes</title><script type="module" src="./assets/app.js"></script>';
const SECRET = 'secret outside the renderer build';

let folder: string;
let library: TempLibrary;
let host: RunningHost;
let origin: string;
/** Where the page lives: every path the host serves starts with this run's key. */
let base: string;

type Reply = { status: number; headers: IncomingHttpHeaders; body: string };

/** node:http rather than fetch: fetch will not send a forged Host header or an unnormalised path. */
function send(options: { port?: number; method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: options.port ?? host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers, setHost: !options.headers?.host },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** A page request, as the browser makes it from the printed address: the path key, no token. */
const page = (path: string, headers: Record<string, string> = {}) => send({ path: `${base}${path}`, headers });
const callApi = (channel: string, argument: unknown, headers: Record<string, string> = {}) =>
  send({
    method: 'POST',
    path: `${base}/api/${channel}`,
    headers: { 'x-hallnotes-token': host.token, origin, 'content-type': 'application/json', ...headers },
    body: typeof argument === 'string' ? argument : JSON.stringify(argument),
  });

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hallnotes-host-'));
  const rendererFolder = join(folder, 'renderer');
  await mkdir(join(rendererFolder, 'assets'), { recursive: true });
  await writeFile(join(rendererFolder, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererFolder, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(folder, 'secret.txt'), SECRET);
  await writeFile(join(folder, 'package.json'), SECRET);
  library = await createTempLibrary();
  host = await startHostServer({ handlers: createChannelHandlers(library.services, { onFlushComplete: () => undefined }), rendererFolder, port: 0 });
  origin = `http://127.0.0.1:${host.port}`;
  base = `/${host.pathKey}`;
});

afterAll(async () => {
  await host?.close();
  await library?.cleanup();
  await rm(folder, { recursive: true, force: true });
});

describe('access', () => {
  it('listens on the loopback address only and prints the page address with the token in its fragment', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1', port: host.port });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/${host.pathKey}/#token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{48}$/);
    expect(host.pathKey).toMatch(/^[0-9a-f]{32}$/);
    expect(host.pathKey).not.toBe(host.token.slice(0, 32));
  });

  it('sets no cookie, whatever is asked, since browsers would send it to every port of 127.0.0.1', async () => {
    const replies = [await send({ path: '/' }), await send({ path: `/?token=${host.token}` }), await page('/'), await callApi('events:list', {}), await page('/missing.js')];
    for (const reply of replies) expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('refuses anything outside this run’s path key, and says which address to open', async () => {
    for (const path of ['/', '/index.html', `/?token=${host.token}`, `/${host.token}/`, `/${host.pathKey.slice(0, -1)}/`, `/${host.pathKey.toUpperCase()}/`, `/x/${host.pathKey}/`]) {
      const reply = await send({ path });
      expect(reply.status, path).toBe(401);
      expect(reply.body).toContain('npm run host');
      expect(reply.body).not.toContain(INDEX_HTML);
    }
  });

  it('sends the bare path key on to the page, keeping the fragment the browser holds', async () => {
    const reply = await send({ path: base });
    expect(reply.status).toBe(308);
    expect(reply.headers.location).toBe(`${base}/`);
  });

  it('answers API calls only with the token in the header: not without it, not with a wrong one, not from a cookie', async () => {
    expect((await callApi('events:list', {})).status).toBe(200);
    for (const headers of [{ 'x-hallnotes-token': '' }, { 'x-hallnotes-token': 'WRONG' }, { 'x-hallnotes-token': `${host.token}0` }, { 'x-hallnotes-token': host.token.toUpperCase() }]) {
      expect((await callApi('events:list', {}, headers)).status, JSON.stringify(headers)).toBe(401);
    }
    const cookieOnly = await send({ method: 'POST', path: `${base}/api/events:list`, headers: { cookie: `hallnotes_token_${host.port}=${host.token}`, origin, 'content-type': 'application/json' }, body: '{}' });
    expect(cookieOnly.status).toBe(401);
    const tokenInQuery = await send({ method: 'POST', path: `${base}/api/events:list?token=${host.token}`, headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    expect(tokenInQuery.status).toBe(401);
  });

  it('gives every run its own keys, so one host’s page cannot use another’s', async () => {
    const other = await startHostServer({ handlers: createChannelHandlers(library.services, { onFlushComplete: () => undefined }), rendererFolder: join(folder, 'renderer'), port: 0 });
    try {
      expect(other.token).not.toBe(host.token);
      expect(other.pathKey).not.toBe(host.pathKey);
      expect((await send({ port: other.port, path: `${base}/` })).status).toBe(401);
      const crossed = await send({
        port: other.port,
        method: 'POST',
        path: `/${other.pathKey}/api/events:list`,
        headers: { 'x-hallnotes-token': host.token, origin: `http://127.0.0.1:${other.port}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(crossed.status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('serving the renderer', () => {
  it('serves index.html with the content security policy', async () => {
    const reply = await page('/', { cookie: 'theme=dark' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the build assets with their content type', async () => {
    const reply = await page('/assets/app.js');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file or a folder', async () => {
    expect((await page('/missing.js')).status).toBe(404);
    expect((await page('/assets')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('never serves a file outside the build for %s', async (path) => {
    const reply = await page(path);
    // 401 where the URL parser resolves the dots away (and with them the path key), else 404.
    expect([401, 404]).toContain(reply.status);
    expect(reply.body).not.toContain(SECRET);
  });

  it('refuses a request whose target is not a path instead of failing', async () => {
    const reply = await page('//');
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
  });

  it('refuses a request naming another host (DNS rebinding), even with the path key', async () => {
    for (const hostHeader of ['evil.example:80', `localhost:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`]) {
      const reply = await page('/', { host: hostHeader });
      expect(reply.status, hostHeader).toBe(403);
      expect(reply.body).not.toContain(INDEX_HTML);
    }
    const api = await callApi('events:list', {}, { host: 'evil.example' });
    expect(api.status).toBe(403);
  });
});

describe('the API', () => {
  it('answers a channel call with a Result', async () => {
    const created = await callApi('events:create', eventDraft({ title: 'Host test' }));
    expect(created.status).toBe(200);
    expect(created.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { title: 'Host test' } });
    const listed = await callApi('events:list', {});
    expect(JSON.parse(listed.body)).toMatchObject({ ok: true, value: { events: [{ title: 'Host test' }], problems: [] } });
  });

  it('accepts a percent-encoded channel name, as the browser sends it', async () => {
    const reply = await callApi('events%3Alist', {});
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  });

  it('returns validation and unknown-channel failures as data', async () => {
    expect(JSON.parse((await callApi('events:get', { eventId: '../x' })).body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(JSON.parse((await callApi('events:nuke', {})).body)).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'Unknown channel "events:nuke".' } });
    expect(JSON.parse((await callApi('%E0%A4%A', {})).body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(JSON.parse((await callApi('events:list', '{"oops"')).body)).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'The request body is not valid JSON.' },
    });
  });

  it('refuses API calls from another origin or with no origin', async () => {
    expect((await callApi('events:list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await callApi('events:list', {}, { origin: `http://localhost:${host.port}` })).status).toBe(403);
    expect((await callApi('events:list', {}, { origin: 'null' })).status).toBe(403);
    const withoutOrigin = await send({ method: 'POST', path: `${base}/api/events:list`, headers: { 'x-hallnotes-token': host.token, 'content-type': 'application/json' }, body: '{}' });
    expect(withoutOrigin.status).toBe(403);
  });

  it('refuses a body that is not declared as JSON (a cross-site form post)', async () => {
    expect((await callApi('events:list', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await callApi('events:list', {}, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const untyped = await send({ method: 'POST', path: `${base}/api/events:list`, headers: { 'x-hallnotes-token': host.token, origin }, body: '{}' });
    expect(untyped.status).toBe(415);
  });

  it('answers 405 to anything but POST', async () => {
    expect((await page('/api/events:list')).status).toBe(405);
    expect((await send({ method: 'PUT', path: `${base}/api/events:list`, headers: { 'x-hallnotes-token': host.token, origin, 'content-type': 'application/json' }, body: '{}' })).status).toBe(405);
    expect((await send({ method: 'DELETE', path: `${base}/` })).status).toBe(405);
  });
});

describe('pushes to the page', () => {
  /** Opens the push stream and resolves with its status and a reader of the lines that arrive. */
  function openStream(headers: Record<string, string>): Promise<{ status: number; nextLine: () => Promise<string>; close: () => void }> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest({ host: '127.0.0.1', port: host.port, path: `${base}/push`, headers }, (response) => {
        let buffered = '';
        const waiting: ((line: string) => void)[] = [];
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffered += chunk;
          let end = buffered.indexOf('\n');
          while (end >= 0 && waiting.length > 0) {
            waiting.shift()!(buffered.slice(0, end));
            buffered = buffered.slice(end + 1);
            end = buffered.indexOf('\n');
          }
        });
        resolve({ status: response.statusCode ?? 0, nextLine: () => new Promise((next) => waiting.push(next)), close: () => outgoing.destroy() });
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  it('streams typed pushes, one JSON object per line, only to a page holding the token', async () => {
    const refused = await openStream({});
    expect(refused.status).toBe(401);
    refused.close();

    const stream = await openStream({ 'x-hallnotes-token': host.token });
    expect(stream.status).toBe(200);
    await expect.poll(() => host.openPages().length).toBe(1);
    const line = stream.nextLine();
    sendPush(host.openPages()[0], 'app:flush-requested', { requestId: 'r-1' });
    expect(JSON.parse(await line)).toEqual({ name: 'app:flush-requested', payload: { requestId: 'r-1' } });

    stream.close();
    await expect.poll(() => host.openPages().length).toBe(0);
  });

  it('lets a flush request wait for the page’s answer through the API', async () => {
    const flushes = new FlushRequests(60_000);
    const other = await startHostServer({
      handlers: createChannelHandlers(library.services, { onFlushComplete: (requestId) => flushes.complete(requestId) }),
      rendererFolder: join(folder, 'renderer'),
      port: 0,
    });
    const stream = await new Promise<{ nextLine: () => Promise<string>; close: () => void }>((resolve) => {
      const outgoing = httpRequest({ host: '127.0.0.1', port: other.port, path: `/${other.pathKey}/push`, headers: { 'x-hallnotes-token': other.token } }, (response) => {
        response.setEncoding('utf8');
        const lines: Promise<string> = new Promise((next) => response.once('data', (chunk: string) => next(chunk.trim())));
        resolve({ nextLine: () => lines, close: () => outgoing.destroy() });
      });
      outgoing.end();
    });
    try {
      await expect.poll(() => other.openPages().length).toBe(1);
      let flushed = false;
      const flush = flushes.request(other.openPages()[0]).then(() => (flushed = true));
      const { payload } = JSON.parse(await stream.nextLine()) as { payload: { requestId: string } };
      expect(flushed).toBe(false);
      const answer = await send({
        port: other.port,
        method: 'POST',
        path: `/${other.pathKey}/api/app:flush-complete`,
        headers: { 'x-hallnotes-token': other.token, origin: `http://127.0.0.1:${other.port}`, 'content-type': 'application/json' },
        body: JSON.stringify({ requestId: payload.requestId }),
      });
      expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { acknowledged: true } });
      await flush;
      expect(flushed).toBe(true);
    } finally {
      stream.close();
      await other.close();
    }
  });
});
