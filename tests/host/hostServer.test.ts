import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type RunningHost } from '../../electron/host/hostServer';
import { createChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { createTempLibrary, eventDraft, type TempLibrary } from '../helpers/tempLibrary';

const INDEX_HTML = '<!doctype html><title>Hallnotes</title><script type="module" src="./assets/app.js"></script>';
const SECRET = 'secret outside the renderer build';

let folder: string;
let library: TempLibrary;
let host: RunningHost;
let cookie: string;
let origin: string;

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

const signedIn = (path: string, headers: Record<string, string> = {}) => send({ path, headers: { cookie, ...headers } });
const callApi = (channel: string, argument: unknown, headers: Record<string, string> = {}) =>
  send({
    method: 'POST',
    path: `/api/${channel}`,
    headers: { cookie, origin, 'content-type': 'application/json', ...headers },
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
  const signIn = await send({ path: `/?token=${host.token}` });
  cookie = (signIn.headers['set-cookie'] ?? [])[0].split(';')[0];
});

afterAll(async () => {
  await host?.close();
  await library?.cleanup();
  await rm(folder, { recursive: true, force: true });
});

describe('signing in', () => {
  it('listens on the loopback address only and prints a token URL', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1', port: host.port });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('refuses a request without the token', async () => {
    const reply = await send({ path: '/' });
    expect(reply.status).toBe(401);
    expect(reply.body).toContain('npm run host');
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a wrong token and sets no cookie', async () => {
    for (const token of ['WRONG', host.token.slice(0, -1), `${host.token}0`, host.token.toUpperCase()]) {
      const reply = await send({ path: `/?token=${token}` });
      expect(reply.status, token).toBe(401);
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
  });

  it('turns the right token into an HttpOnly, SameSite=Strict cookie and redirects to the page', async () => {
    const reply = await send({ path: `/?token=${host.token}` });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const [setCookie] = reply.headers['set-cookie'] ?? [];
    expect(setCookie).toMatch(new RegExp(`=${host.token};`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
  });

  it('does not sign in through a POST carrying the token', async () => {
    const reply = await send({ method: 'POST', path: `/?token=${host.token}` });
    expect(reply.status).toBe(401);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a cookie with the wrong token', async () => {
    const reply = await send({ path: '/', headers: { cookie: cookie.replace(/=.*/, '=0123') } });
    expect(reply.status).toBe(401);
  });

  it('uses a cookie name of its own, so a second host on another port does not sign this one out', async () => {
    const other = await startHostServer({ handlers: createChannelHandlers(library.services, { onFlushComplete: () => undefined }), rendererFolder: join(folder, 'renderer'), port: 0 });
    try {
      const otherSignIn = await send({ port: other.port, path: `/?token=${other.token}` });
      const otherCookie = (otherSignIn.headers['set-cookie'] ?? [''])[0].split(';')[0];
      expect(otherCookie.split('=')[0]).not.toBe(cookie.split('=')[0]);
      // Browsers do not separate cookies by port: both hosts' cookies reach both hosts.
      const bothCookies = `${otherCookie}; ${cookie}`;
      expect((await send({ path: '/', headers: { cookie: bothCookies } })).status).toBe(200);
      expect((await send({ port: other.port, path: '/', headers: { cookie: bothCookies } })).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('serving the renderer', () => {
  it('serves index.html with the content security policy', async () => {
    const reply = await signedIn('/', { cookie: `theme=dark; ${cookie}` });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the build assets with their content type', async () => {
    const reply = await signedIn('/assets/app.js');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file or a folder', async () => {
    expect((await signedIn('/missing.js')).status).toBe(404);
    expect((await signedIn('/assets')).status).toBe(404);
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
    const reply = await signedIn(path);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(SECRET);
  });

  it('refuses a request whose target is not a path instead of failing', async () => {
    const reply = await signedIn('//');
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
  });

  it('refuses a request naming another host (DNS rebinding), even with the cookie', async () => {
    for (const hostHeader of ['evil.example:80', `localhost:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`]) {
      const reply = await signedIn('/', { host: hostHeader });
      expect(reply.status, hostHeader).toBe(403);
      expect(reply.body).not.toContain(INDEX_HTML);
    }
    const signIn = await send({ path: `/?token=${host.token}`, headers: { host: 'evil.example' } });
    expect(signIn.status).toBe(403);
    expect(signIn.headers['set-cookie']).toBeUndefined();
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
    const withoutOrigin = await send({ method: 'POST', path: '/api/events:list', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(withoutOrigin.status).toBe(403);
  });

  it('refuses API calls without the cookie', async () => {
    const reply = await send({ method: 'POST', path: '/api/events:list', headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(401);
  });

  it('refuses a body that is not declared as JSON (a cross-site form post)', async () => {
    expect((await callApi('events:list', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await callApi('events:list', {}, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const untyped = await send({ method: 'POST', path: '/api/events:list', headers: { cookie, origin }, body: '{}' });
    expect(untyped.status).toBe(415);
  });

  it('answers 405 to anything but POST', async () => {
    expect((await signedIn('/api/events:list')).status).toBe(405);
    expect((await send({ method: 'PUT', path: '/api/events:list', headers: { cookie, origin, 'content-type': 'application/json' }, body: '{}' })).status).toBe(405);
    expect((await send({ method: 'DELETE', path: '/', headers: { cookie } })).status).toBe(405);
  });
});
