import { expect, type Locator, type Page } from '@playwright/test';
import { pasteInto, type ClipboardContent } from './noteCapture';

export type ExportChoice = { format: 'HTML' | 'Markdown' | 'WordPress blocks' | 'Plain text (email)'; fragment?: boolean; frontMatter?: boolean };

/** Page object for the post view: composing the day's post, previewing and exporting it. */
export class PostPage {
  constructor(readonly page: Page) {}

  get view(): Locator {
    return this.page.getByRole('region', { name: 'Post' });
  }

  get preview(): Locator {
    return this.view.getByTestId('post-preview');
  }

  get attention(): Locator {
    return this.view.getByRole('list', { name: 'Needs attention' });
  }

  get exportOutcome(): Locator {
    return this.view.locator('.post-export-outcome');
  }

  private get includedList(): Locator {
    return this.view.getByRole('list', { name: 'Sessions in the post' });
  }

  /** Opens the post for the day shown in the agenda. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /^Write the (Day \d+ )?post$/ }).click();
    await expect(this.preview).toBeVisible();
  }

  /** The included sessions' titles, in post order. */
  get includedTitles(): Locator {
    return this.includedList.locator('.post-session-title');
  }

  async moveSession(title: string, direction: 'up' | 'down'): Promise<void> {
    await this.includedList.getByRole('button', { name: `Move “${title}” ${direction}` }).click();
  }

  /** Drags an included session onto another, as with the mouse. */
  async dragSession(title: string, ontoTitle: string): Promise<void> {
    const row = (name: string) => this.includedList.getByRole('listitem').filter({ has: this.page.locator('.post-session-title', { hasText: name }) });
    await row(title).dragTo(row(ontoTitle));
  }

  /** Types the tags as a reporter does, replacing what the field held. */
  async setTags(tags: string): Promise<void> {
    await this.view.getByLabel('Tags').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(tags);
  }

  /** The export or copy refused because TK markers are left, with its "… anyway" button. */
  get tkBlock(): Locator {
    return this.view.locator('.post-export-blocked');
  }

  /** The needs-attention entry of a photo without alt text, with its field. */
  photoWithoutAltText(sessionTitle: string): Locator {
    return this.attention.getByRole('listitem').filter({ hasText: `“${sessionTitle}” has a photo with no description or caption` });
  }

  async chooseStyle(label: 'A heading per session' | 'Flowing paragraphs'): Promise<void> {
    await this.view.getByRole('radio', { name: new RegExp(`^${label}`) }).check();
  }

  /** Types into the intro or the closing, with the same editor as the notes. */
  async typeText(part: 'Intro' | 'Closing', text: string): Promise<void> {
    const editor = this.view.getByRole('region', { name: part }).getByRole('textbox', { name: 'Note' });
    await editor.click();
    await this.page.keyboard.type(text);
  }

  /** Pastes into the intro or the closing as a clipboard would (a photo copied from elsewhere, say). */
  async pasteIntoText(part: 'Intro' | 'Closing', content: ClipboardContent): Promise<void> {
    await pasteInto(this.view.getByRole('region', { name: part }).getByRole('textbox', { name: 'Note' }), content);
  }

  /** Waits until the intro or closing has been saved to disk. */
  async waitUntilTextSaved(part: 'Intro' | 'Closing'): Promise<void> {
    await expect(this.view.getByRole('region', { name: part }).locator('.save-indicator')).toHaveAttribute('data-state', 'saved');
  }

  /**
   * Exports through the app (the host writes into the library's exports folder) and returns the
   * path it reports. `anyway`: the export is refused for TK markers first, then confirmed.
   */
  async exportAs(choice: ExportChoice & { anyway?: boolean }): Promise<string> {
    await this.view.getByLabel('Format', { exact: true }).selectOption({ label: choice.format });
    if (choice.fragment !== undefined) await this.view.getByRole('checkbox', { name: /^Fragment for pasting/ }).setChecked(choice.fragment);
    if (choice.frontMatter !== undefined) await this.view.getByRole('checkbox', { name: /^YAML front matter/ }).setChecked(choice.frontMatter);
    await this.view.getByRole('button', { name: 'Export…' }).click();
    if (choice.anyway) await this.tkBlock.getByRole('button', { name: 'Export anyway' }).click();
    await expect(this.exportOutcome).toContainText(/^(Saved|Replaced) “/);
    const text = (await this.exportOutcome.locator('p').first().textContent()) ?? '';
    const [, fileName, folder] = /^(?:Saved|Replaced) “(.+)” in (.+) \(\d/.exec(text)!;
    return `${folder}/${fileName}`;
  }

  async backToAgenda(): Promise<void> {
    await this.view.getByRole('button', { name: '← Agenda' }).click();
    await expect(this.view).toBeHidden();
  }
}
