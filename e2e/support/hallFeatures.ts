import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { HallnotesApp } from './hallnotesApp';
import { typeIntoField } from './typeIntoField';

/** Page object for programme import, the command palette, search and appearance: the reporter's keyboard-first layer. */
export class HallFeatures extends HallnotesApp {
  constructor(page: Page) {
    super(page);
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import programme' });
  }

  get importSummary(): Locator {
    return this.importDialog.getByLabel('What the import will do');
  }

  /** Drops a file on the window the way a file manager does, with a DataTransfer holding it. */
  async dropFile(fileName: string, content: string, type = 'text/plain'): Promise<void> {
    await this.page.evaluate(
      ({ fileName, content, type }) => {
        const data = new DataTransfer();
        data.items.add(new File([content], fileName, { type }));
        const target = document.querySelector('.workspace') ?? document.body;
        for (const kind of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: data }));
        }
      },
      { fileName, content, type },
    );
    await expect(this.importDialog).toBeVisible();
  }

  /** Opens the file picker with `open` (a shortcut, a button) and chooses a file from disk. */
  async chooseFile(open: () => Promise<void>, filePath: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await open();
    await (await chooser).setFiles({ name: filePath.split('/').pop()!, mimeType: 'text/plain', buffer: await readFile(filePath) });
    await expect(this.importDialog).toBeVisible();
  }

  /** The count on one line of the preview, e.g. "Sessions to add". */
  importCount(label: string): Locator {
    return this.importSummary.locator('.import-count').filter({ has: this.page.locator('dt', { hasText: label }) }).locator('dd');
  }

  async confirmImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: /^(Create event and import|Import)$/ }).click();
    await expect(this.importDialog).toBeHidden();
  }

  get palette(): Locator {
    return this.page.getByRole('dialog', { name: 'Commands' });
  }

  async runFromPalette(filter: string): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+K');
    await expect(this.palette).toBeVisible();
    await typeIntoField(this.palette.getByRole('combobox', { name: 'Command' }), filter);
    await this.page.keyboard.press('Enter');
    await expect(this.palette).toBeHidden();
  }

  get searchDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Search all notes' });
  }

  searchResult(title: string): Locator {
    return this.searchDialog.getByRole('option').filter({ has: this.page.locator('.search-hit-title', { hasText: title }) });
  }

  /** The session marked as running now in the agenda. */
  get onNowRow(): Locator {
    return this.sessionList.locator('.session-row.row-on-now');
  }

  get statusSelect(): Locator {
    return this.page.getByRole('combobox', { name: 'Status' });
  }

  /** The text selected in the page (the note's selection once the editor has it). */
  selectedText(): Promise<string> {
    return this.page.evaluate(() => window.getSelection()?.toString() ?? '');
  }
}
