import type { Locator, Page } from '@playwright/test';
import { HOST_TOKEN_HEADER, HOST_TOKEN_STORAGE_KEY } from '../../shared/ipc/hostAccess';

/** Page object for what keeps notes safe: the saving banner, the damaged-note choice, history and trash. */
export class SafetyViews {
  constructor(readonly page: Page) {}

  /** The app-wide banner shown while any note cannot be saved. */
  get savingBanner(): Locator {
    return this.page.getByRole('status', { name: 'Notes are not being saved' });
  }

  get damagedNote(): Locator {
    return this.page.getByRole('alert', { name: 'Damaged note' });
  }

  get historyDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^History of/ });
  }

  get snapshots(): Locator {
    return this.historyDialog.getByRole('list', { name: 'Snapshots' }).getByRole('button');
  }

  get snapshotPreview(): Locator {
    return this.historyDialog.getByRole('textbox', { name: 'Snapshot preview' });
  }

  async openHistory(): Promise<void> {
    await this.page.getByRole('button', { name: 'History', exact: true }).click();
    await this.historyDialog.waitFor();
  }

  get trashDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Trash' });
  }

  get trashEntries(): Locator {
    return this.trashDialog.getByRole('list', { name: 'Deleted items' }).getByRole('listitem');
  }

  async openTrash(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Events' }).getByRole('button', { name: 'Trash', exact: true }).click();
    await this.trashDialog.waitFor();
  }

  /** Calls a channel of the host the way the renderer does (as another front, e.g. the CLI, would change the library). */
  async callHost(channel: string, argument: unknown): Promise<unknown> {
    return this.page.evaluate(
      async ([name, body, header, key]) => {
        const headers = { 'Content-Type': 'application/json', [header]: sessionStorage.getItem(key) ?? '' };
        const response = await fetch(`api/${encodeURIComponent(name)}`, { method: 'POST', headers, body: JSON.stringify(body) });
        return response.json();
      },
      [channel, argument, HOST_TOKEN_HEADER, HOST_TOKEN_STORAGE_KEY] as const,
    );
  }
}
