import { expect, type Locator, type Page } from '@playwright/test';

export type SiteInput = { kind?: 'WordPress' | 'Ghost'; name: string; url: string; user?: string; secret: string };

/** Page object for "Publish as a draft" in the post view, its sites dialog and the outbox. */
export class PublishPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Publish', exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Sites to publish to' });
  }

  /** The job the last "Publish as draft" started, as it stands now. */
  get job(): Locator {
    return this.panel.locator('.publish-job').first();
  }

  get outbox(): Locator {
    return this.panel.getByRole('region', { name: 'Outbox' });
  }

  get drafts(): Locator {
    return this.panel.getByRole('list', { name: 'Published drafts' });
  }

  /** Adds a site through the dialog, typing every field, and tests the connection first; returns what the test said. */
  async addSite(site: SiteInput): Promise<string> {
    await this.panel.getByRole('button', { name: /^(Add a site…|Sites…)$/ }).click();
    if (await this.dialog.getByRole('button', { name: 'Add a site…' }).isVisible()) await this.dialog.getByRole('button', { name: 'Add a site…' }).click();
    const form = this.dialog.getByRole('form', { name: 'Add a site' });
    await form.getByRole('radio', { name: site.kind ?? 'WordPress' }).check();
    await this.typeInto(form.getByLabel('Name', { exact: true }), site.name);
    await this.typeInto(form.getByLabel('Site address'), site.url);
    if (site.user !== undefined) await this.typeInto(form.getByLabel('WordPress user name'), site.user);
    await this.typeInto(form.getByLabel(site.kind === 'Ghost' ? 'Admin API key' : 'Application Password'), site.secret);
    await form.getByRole('button', { name: 'Test connection' }).click();
    const report = form.locator('.publish-report');
    await expect(report).toBeVisible({ timeout: 30_000 });
    const said = (await report.textContent()) ?? '';
    await form.getByRole('button', { name: 'Add site' }).click();
    await expect(this.dialog.getByRole('list', { name: 'Sites' })).toContainText(site.name);
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(this.dialog).toBeHidden();
    return said;
  }

  async publish(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Publish as draft' }).click();
    await expect(this.panel.getByRole('button', { name: 'Publish as draft' })).toBeEnabled({ timeout: 60_000 });
  }

  private async typeInto(field: Locator, text: string): Promise<void> {
    await field.click();
    await this.page.keyboard.type(text);
  }
}
