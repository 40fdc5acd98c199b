import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { stop, waitForAddress } from './hostFixture';
import { SafetyViews } from './safetyViews';

/** The Team panel, the bundle import dialog and the banner of a note with a teammate's version. */
export class TeamViews {
  constructor(readonly page: Page) {}

  get teamDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Working as a team on/ });
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import event bundle' });
  }

  get mergePreview(): Locator {
    return this.importDialog.getByRole('list', { name: 'Merge preview' });
  }

  get incomingBanner(): Locator {
    return this.page.getByRole('region', { name: 'A teammate’s version of this note' });
  }

  async openTeamPanel(): Promise<void> {
    await this.page.getByRole('button', { name: /^Team/ }).click();
    await expect(this.teamDialog).toBeVisible();
  }

  /** Exports the open event from the Team panel; returns where the host wrote the bundle. */
  async exportBundle(): Promise<string> {
    await this.openTeamPanel();
    await this.teamDialog.getByRole('button', { name: 'Export bundle…' }).click();
    const written = this.teamDialog.locator('.bundle-written');
    await expect(written).toHaveText(/^Saved \S+\.hallnotes: /);
    const path = /^Saved (\S+\.hallnotes):/.exec((await written.textContent())!)![1];
    await this.teamDialog.getByRole('button', { name: 'Done' }).click();
    await expect(this.teamDialog).toBeHidden();
    return path;
  }

  /** Chooses a bundle with the library pane's "Import a bundle…" and waits for the preview. */
  async chooseBundle(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('navigation', { name: 'Events' }).getByRole('button', { name: 'Import a bundle…' }).click();
    await (await chooser).setFiles(path);
    await expect(this.importDialog).toBeVisible();
    await expect(this.mergePreview).toBeVisible();
  }
}

/** A second host with its own library: the colleague's laptop. */
export async function startColleagueHost(browser: Browser): Promise<{ page: Page; libraryPath: string; close(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'hallnotes-e2e-colleague-'));
  const libraryPath = join(root, 'library');
  const child: ChildProcess = spawn(process.execPath, [join(process.cwd(), 'build', 'host', 'host.mjs'), '--library', libraryPath, '--config', join(root, 'config'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForAddress(child, () => undefined);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  return {
    page,
    libraryPath,
    close: async () => {
      await context.close();
      await stop(child);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The default author in the settings, as the preferences would hold it (setup, not what the test is about). */
export async function setDefaultAuthor(page: Page, name: string): Promise<void> {
  expect(await new SafetyViews(page).callHost('preferences:set', { defaultAuthor: name })).toMatchObject({ ok: true });
}
