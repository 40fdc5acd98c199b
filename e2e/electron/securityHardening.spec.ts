import { expect, test } from '@playwright/test';
import { createElectronWorkspace, electronBinary } from './electronApp';

test.skip(!electronBinary.available, electronBinary.available ? '' : electronBinary.reason);

// What e2e/electron/firstJourney.spec.ts does not cover already (no Node, no navigation, no new windows).

test('the bridge cannot be rewired by page scripts, and a middle-click on a link opens nothing', async () => {
  const workspace = await createElectronWorkspace();
  try {
    const { app, window: page } = await workspace.launch();
    const bridge = await page.evaluate(() => {
      const hallnotes = window.hallnotes!;
      const original = hallnotes.api['notes:save'];
      try {
        (hallnotes.api as unknown as Record<string, unknown>)['notes:save'] = () => 'hijacked';
      } catch {
        // A frozen object throws in strict mode; either way the method must stay.
      }
      return { frozen: Object.isFrozen(hallnotes) && Object.isFrozen(hallnotes.api), kept: hallnotes.api['notes:save'] === original };
    });
    expect(bridge).toEqual({ frozen: true, kept: true });

    // Whatever asks main for a new window ends in the system browser, replaced here by a recorder.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { openedExternally?: string[] }).openedExternally = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
    });
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.id = 'middle-click-target';
      link.href = 'https://example.org/';
      link.textContent = 'a link';
      document.body.append(link);
    });
    await page.click('#middle-click-target', { button: 'middle' });
    // The evidence that the click has been dealt with: a window.open after it takes the same way
    // to main's window-open handler, so once that one is recorded, the click would have been too.
    await page.evaluate(() => window.open('https://example.org/after-the-click'));
    await expect.poll(() => app.evaluate(() => (globalThis as { openedExternally?: string[] }).openedExternally)).toContain('https://example.org/after-the-click');
    expect(await app.evaluate(() => (globalThis as { openedExternally?: string[] }).openedExternally)).toEqual(['https://example.org/after-the-click']);
    expect(app.windows()).toHaveLength(1);
    expect(new URL(page.url()).protocol).toBe('app:');
    await app.close();
  } finally {
    await workspace.cleanup();
  }
});

test('no request leaves the app: the session cancels it, and the page cannot fetch or load from the network', async () => {
  const workspace = await createElectronWorkspace();
  try {
    const { app, window: page } = await workspace.launch();
    const fromSession = await app.evaluate(async ({ session }) =>
      session.defaultSession.fetch('https://example.org/').then(
        () => 'loaded',
        (error: Error) => `blocked: ${error.message}`,
      ),
    );
    expect(fromSession).toMatch(/^blocked/);
    const fromPage = await page.evaluate(async () => {
      const fetched = await fetch('https://example.org/').then(
        () => 'loaded',
        () => 'blocked',
      );
      const image = await new Promise<string>((resolve) => {
        const element = document.createElement('img');
        element.onload = () => resolve('loaded');
        element.onerror = () => resolve('blocked');
        element.src = 'https://example.org/favicon.ico';
      });
      return { fetched, image };
    });
    expect(fromPage).toEqual({ fetched: 'blocked', image: 'blocked' });
    await app.close();
  } finally {
    await workspace.cleanup();
  }
});

test('every permission is denied', async () => {
  const workspace = await createElectronWorkspace();
  try {
    const { app, window: page } = await workspace.launch();
    const outcome = await page.evaluate(async () => ({
      notifications: await Notification.requestPermission(),
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
      microphone: await navigator.mediaDevices.getUserMedia({ audio: true }).then(
        () => 'granted',
        (error: Error) => error.name,
      ),
    }));
    expect(outcome).toEqual({ notifications: 'denied', geolocation: 'denied', microphone: 'NotAllowedError' });
    await app.close();
  } finally {
    await workspace.cleanup();
  }
});

test('an inline script injected into the page does not run (the CSP has no unsafe-inline)', async () => {
  const workspace = await createElectronWorkspace();
  try {
    const { app, window: page } = await workspace.launch();
    const outcome = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true }));
      const script = document.createElement('script');
      script.textContent = 'window.__hallnotesInlineRan = true;';
      document.head.append(script);
      return { ran: (window as unknown as { __hallnotesInlineRan?: boolean }).__hallnotesInlineRan === true, directive: await violation };
    });
    expect(outcome).toEqual({ ran: false, directive: expect.stringMatching(/^script-src/) });
    await app.close();
  } finally {
    await workspace.cleanup();
  }
});

test('window.open hands only http(s) addresses to the system browser', async () => {
  const workspace = await createElectronWorkspace();
  try {
    const { app, window: page } = await workspace.launch();
    // The system browser is replaced by a recorder, so nothing is really opened.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { openedExternally?: string[] }).openedExternally = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
    });
    await page.evaluate(() => {
      for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'app://hallnotes/index.html', 'https://example.org/talk']) window.open(url);
    });
    await expect.poll(() => app.evaluate(() => (globalThis as { openedExternally?: string[] }).openedExternally)).toEqual(['https://example.org/talk']);
    expect(app.windows()).toHaveLength(1);
    await app.close();
  } finally {
    await workspace.cleanup();
  }
});
