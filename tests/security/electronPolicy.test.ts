import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The Electron binary is not needed to check the policy: main's hardening runs against fakes of what it is given. */
const shell = vi.hoisted(() => ({ openExternal: vi.fn(async (_url: string) => undefined) }));
vi.mock('electron', () => ({ shell, protocol: {} }));

const { hardenSession, hardenWebContents, isTrustedSender } = await import('../../electron/main/security');

type Handler = (...args: unknown[]) => unknown;

function fakeContents() {
  const events = new EventEmitter();
  let openHandler: Handler = () => undefined;
  const contents = {
    on: (name: string, listener: Handler) => events.on(name, listener),
    setWindowOpenHandler: (handler: Handler) => (openHandler = handler),
  };
  hardenWebContents(contents as unknown as Electron.WebContents);
  const navigate = (name: string, url: string) => {
    const event = { preventDefault: vi.fn() };
    events.emit(name, event, url);
    return event.preventDefault.mock.calls.length > 0 ? 'blocked' : 'allowed';
  };
  return { navigate, open: (url: string) => openHandler({ url }) };
}

function fakeSession() {
  const handlers: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (handler: Handler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: Handler) => (handlers.check = handler),
    webRequest: { onBeforeRequest: (handler: Handler) => (handlers.beforeRequest = handler) },
  };
  hardenSession(session as unknown as Electron.Session);
  return handlers;
}

beforeEach(() => shell.openExternal.mockClear());

describe('the Electron main process policy (electron/main/security.ts)', () => {
  it('keeps the window on the app: navigation and redirects elsewhere are blocked, webviews refused', () => {
    const contents = fakeContents();
    expect(contents.navigate('will-navigate', 'app://hallnotes/index.html')).toBe('allowed');
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://hallnotes.evil.example/', 'app://evil/index.html', 'javascript:alert(1)', 'http://127.0.0.1:9/']) {
      expect(contents.navigate('will-navigate', url), url).toBe('blocked');
      expect(contents.navigate('will-redirect', url), url).toBe('blocked');
    }
    expect(contents.navigate('will-attach-webview', 'app://hallnotes/index.html')).toBe('blocked');
  });

  it('never opens a window; only http(s) links go to the system browser', () => {
    const contents = fakeContents();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'app://hallnotes/index.html', 'data:text/html,<script>alert(1)</script>', 'mailto:a@example.org', 'https://example.org/talk', 'https://evil.example/?next=app://x']) {
      expect(contents.open(url), url).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.org/talk', 'https://evil.example/?next=app://x']);
  });

  it('denies every permission and cancels every request that is not for the app itself', () => {
    const handlers = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handlers.request(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check(null, permission)).toBe(false);
    }
    const cancelled = (url: string) => {
      const callback = vi.fn();
      handlers.beforeRequest({ url }, callback);
      return (callback.mock.calls[0][0] as { cancel: boolean }).cancel;
    };
    expect(cancelled('app://hallnotes/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    for (const url of ['https://example.org/', 'http://127.0.0.1:8080/api', 'ws://example.org/', 'file:///etc/passwd', 'ftp://example.org/']) expect(cancelled(url), url).toBe(true);
  });

  it('answers IPC only from the app’s own top frame', () => {
    const frame = (url: string, parent: unknown = null) => ({ url, parent }) as unknown as Electron.WebFrameMain;
    expect(isTrustedSender(frame('app://hallnotes/index.html'))).toBe(true);
    expect(isTrustedSender(frame('app://hallnotes/index.html', frame('app://hallnotes/index.html')))).toBe(false);
    for (const url of ['https://evil.example/', 'app://hallnotes.evil/', 'app://someone@hallnotes/index.html', 'app://evil/index.html', 'file:///index.html', 'not a url']) expect(isTrustedSender(frame(url)), url).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
