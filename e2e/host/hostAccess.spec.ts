import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '../support/hostFixture';
import { NoteCapture } from '../support/noteCapture';

type Received = { url: string; headers: IncomingHttpHeaders };

/** Another local web app (a dev server, a Jupyter, anything) the reporter opens in the same browser. */
async function startOtherLocalServer(): Promise<{ origin: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    received.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Another local app</title><h1>Another local app</h1><img src="/pixel.png" alt="">');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The secrets in the address the host printed: every long random-looking run of characters in it. */
function secretsIn(url: string): string[] {
  return url.match(/[A-Za-z0-9_-]{20,}/g) ?? [];
}

/**
 * A channel call made with whatever the other server was handed, from outside any browser, at
 * the page's own API address (as if its path were known too).
 */
function callHostWith(hostUrl: string, headers: IncomingHttpHeaders): Promise<number> {
  const api = new URL('api/events%3Alist', hostUrl.split('#')[0]);
  const { origin, port } = api;
  const replay: Record<string, string> = { origin, 'content-type': 'application/json' };
  for (const name of ['cookie', 'authorization', 'x-hallnotes-token']) {
    const value = headers[name];
    if (typeof value === 'string') replay[name] = value;
  }
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port: Number(port), method: 'POST', path: api.pathname, headers: replay }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end('{}');
  });
}

test('another server on 127.0.0.1 opened in the same browser receives nothing that opens the library', async ({ page, host, context }) => {
  const app = new NoteCapture(page);
  await app.createEvent({ title: 'Private Briefing', startDate: '2026-06-02' });
  await app.addSession({ title: 'Off the record', start: '09:00', end: '10:00' });
  await app.typeInNote('Nothing here may leave this library.');
  await app.waitUntilSaved();

  const other = await startOtherLocalServer();
  try {
    const otherPage = await context.newPage();
    await otherPage.goto(`${other.origin}/`);
    await expect(otherPage.getByRole('heading', { name: 'Another local app' })).toBeVisible();
    await expect.poll(() => other.received.map((request) => request.url)).toContain('/pixel.png');
    await otherPage.close();

    const secrets = secretsIn(host.url);
    expect(secrets.length).toBeGreaterThan(0);
    const handedOver = JSON.stringify(other.received);
    for (const secret of secrets) expect(handedOver).not.toContain(secret);
    for (const request of other.received) expect(await callHostWith(host.url, request.headers)).toBe(401);
    // The browser holds no cookie for 127.0.0.1 at all: there is nothing to hand to any port.
    expect(await context.cookies('http://127.0.0.1/')).toEqual([]);
  } finally {
    await other.close();
  }

  // The app itself still works in that browser: after a reload, the note is read back.
  await app.reload();
  await app.page.getByRole('navigation', { name: 'Events' }).getByRole('button', { name: /^Private Briefing/ }).click();
  await app.openSession('Off the record');
  await expect(app.editor).toContainText('Nothing here may leave this library.');
});

test('the printed address keeps its token out of the address bar, and a tab opened without it is refused', async ({ page, host, browser }) => {
  await expect(page.getByRole('navigation', { name: 'Events' })).toBeVisible();
  const shown = new URL(page.url());
  expect(shown.hash).toBe('');
  for (const secret of secretsIn(new URL(host.url).hash)) expect(page.url()).not.toContain(secret);

  // The address bar's copy (without the token) opens the page, but the page can do nothing with the library.
  const stranger = await browser.newContext();
  try {
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(page.url());
    await expect(strangerPage.getByText(/open the address `npm run host` printed/i).first()).toBeVisible();
    const bare = await stranger.request.get(new URL(host.url).origin + '/');
    expect(bare.status()).toBe(401);
  } finally {
    await stranger.close();
  }
});
