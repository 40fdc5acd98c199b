import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { HOST_TOKEN_HEADER, HOST_TOKEN_STORAGE_KEY } from '../../shared/ipc/hostAccess';
import type { BenchSession } from './appLibrary';
import type { BenchHost } from './hostProcess';
import { armReadyProbe, installProbes, readyLatency, revealAgendaRow, type ReadySpec } from './inPage';

/** The same Chromium and flags as the host e2e suite (playwright.config.ts). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export const BARE_CONTENTEDITABLE_PATH = '/bench/contenteditable.html';
export const BARE_TEXTAREA_PATH = '/bench/textarea.html';
export const BARE_LEXICAL_PATH = '/bench/lexical.html';

/** A fresh context (cold cache) already holding the host's token (as a page opened from the printed address does), with the probes installed in every page. */
export async function signedInContext(browser: Browser, host: BenchHost): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(([key, token]) => sessionStorage.setItem(key, token), [HOST_TOKEN_STORAGE_KEY, host.token] as const);
  await context.addInitScript(installProbes);
  return context;
}

/** Records what goes wrong in a page, so a figure measured on a broken page says so. */
export function watchForErrors(page: Page): () => string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => void dialog.accept());
  return () => problems;
}

/** What a ready editor shows: a session's note in the app, or (sessionId null) the bare page's text. */
export type ReadyTarget = { sessionId: string | null; closingText: string };

function readySpec(target: ReadyTarget, from: ReadySpec['from']): ReadySpec {
  return { sessionId: target.sessionId, closingText: target.closingText, from, timeoutMs: 30_000 };
}

/** Waits until the editor is ready to type: focused, caret inside, showing the text down to its end. */
export async function waitUntilReady(page: Page, target: ReadyTarget): Promise<void> {
  await page.evaluate(armReadyProbe, readySpec(target, 'navigation'));
  await page.evaluate(readyLatency);
}

/** Clicks a session in the sidebar; resolves with the milliseconds from the click to the editor ready to type. */
export async function openSession(page: Page, session: BenchSession): Promise<number> {
  await selectDay(page, session.day);
  // Scrolling the row into the list is the reporter's own time, before the click being timed.
  if (!(await page.evaluate(revealAgendaRow, session.id))) throw new Error(`The agenda does not show session "${session.title}".`);
  await page.evaluate(armReadyProbe, readySpec({ sessionId: session.id, closingText: session.closingText }, 'click'));
  await page.getByRole('list', { name: 'Sessions' }).locator(`[data-session-id="${session.id}"]`).getByRole('button').first().click();
  return page.evaluate(readyLatency);
}

async function selectDay(page: Page, day: number): Promise<void> {
  const tab = page.getByRole('tab', { name: new RegExp(`^Day ${day}\\b`) });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

/** Asks the host to remember `session` as the open one, as the app does when a session is opened. */
export async function rememberSession(page: Page, eventId: string, session: BenchSession): Promise<void> {
  const result = await page.evaluate(
    async ({ argument, header, key }) => {
      const headers = { 'content-type': 'application/json', [header]: sessionStorage.getItem(key) ?? '' };
      // From the app's own base, whichever page of the host this is (the bare pages sit under bench/).
      const base = location.pathname.replace(/\/bench\/[^/]*$|\/[^/]*$/, '');
      const response = await fetch(`${base}/api/preferences%3Aset`, { method: 'POST', headers, body: JSON.stringify(argument) });
      return (await response.json()) as { ok: boolean };
    },
    { argument: { lastEventId: eventId, lastSessionId: session.id }, header: HOST_TOKEN_HEADER, key: HOST_TOKEN_STORAGE_KEY },
  );
  if (!result.ok) throw new Error('The host refused to remember the session to open.');
}
