import { expect, test } from '@playwright/test';
import { createSummitWithNotes, expectSummitIntact } from '../journeys/summitJourney';
import { createElectronWorkspace, electronBinary } from './electronApp';

test.skip(!electronBinary.available, electronBinary.available ? '' : electronBinary.reason);

test('an event, its sessions and notes survive quitting and relaunching the app', async () => {
  const workspace = await createElectronWorkspace();
  try {
    const first = await workspace.launch();
    await createSummitWithNotes(first.window);
    await first.app.close();

    const second = await workspace.launch();
    await expectSummitIntact(second.window);
    await second.app.close();
  } finally {
    await workspace.cleanup();
  }
});

test('the renderer is sandboxed: no Node, only the channel methods, no navigation or new windows', async () => {
  const workspace = await createElectronWorkspace();
  try {
    const { app, window: page } = await workspace.launch();
    expect(new URL(page.url()).protocol).toBe('app:');
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      transport: window.hallnotes?.transport,
      methods: Object.keys(window.hallnotes?.api ?? {}).sort(),
    }));
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.transport).toBe('electron');
    expect(exposed.methods).toContain('notes:save');

    const opened = await page.evaluate(() => window.open('https://example.org') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);

    // Wait for the evidence instead of a while: main sees the navigation (and blocks it), then the page is still the app's.
    await app.evaluate(({ BrowserWindow }) => {
      const [window] = BrowserWindow.getAllWindows();
      (globalThis as { navigationSeen?: Promise<string> }).navigationSeen = new Promise((resolve) => window.webContents.once('will-navigate', (_event, url) => resolve(url)));
    });
    await page.evaluate(() => {
      (window as { stillTheApp?: boolean }).stillTheApp = true;
      window.location.href = 'https://example.org/';
    });
    expect(await app.evaluate(() => (globalThis as { navigationSeen?: Promise<string> }).navigationSeen)).toBe('https://example.org/');
    expect(await page.evaluate(() => (window as { stillTheApp?: boolean }).stillTheApp)).toBe(true);
    expect(new URL(page.url()).protocol).toBe('app:');
    await app.close();
  } finally {
    await workspace.cleanup();
  }
});
