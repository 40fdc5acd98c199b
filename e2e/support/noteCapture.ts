import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { SerializedNoteNode, SerializedNoteState } from '../../shared/note/noteFile';
import { HallnotesApp } from './hallnotesApp';
import { readEvents } from './libraryFiles';

export type ClipboardFile = { name: string; type: string; base64: string };
/** `lexical`: what a copy from a Lexical editor (another note, another Hallnotes) carries. */
export type ClipboardContent = { html?: string; text?: string; lexical?: string; files?: ClipboardFile[] };

/** Pastes into an editor as the system clipboard would: a paste event whose clipboardData carries these types and files. */
export async function pasteInto(editor: Locator, content: ClipboardContent): Promise<void> {
  await editor.evaluate((element, { html, text, lexical, files }) => {
    const data = new DataTransfer();
    if (lexical !== undefined) data.setData('application/x-lexical-editor', lexical);
    if (html !== undefined) data.setData('text/html', html);
    if (text !== undefined) data.setData('text/plain', text);
    for (const file of files ?? []) {
      const bytes = Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0));
      data.items.add(new File([bytes], file.name, { type: file.type }));
    }
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, content);
}

/** A 4×3 red PNG and a 1×1 GIF, small enough to write out here. */
export const RED_PNG: ClipboardFile = {
  name: 'slide.png',
  type: 'image/png',
  base64: 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4oaEBRww4OQAHpg0hlLAT/AAAAABJRU5ErkJggg==',
};
export const DOT_GIF: ClipboardFile = { name: 'dot.gif', type: 'image/gif', base64: 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7' };

/** Page object for the note editor's capture tools: quotes, timestamps, photos, private notes, markers, paste. */
export class NoteCapture extends HallnotesApp {
  constructor(page: Page) {
    super(page);
  }

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Formatting' });
  }

  /** Runs a toolbar command as a person would: its button when it is in the row, else from the More menu. */
  async runToolbarCommand(name: string): Promise<void> {
    const button = this.rowButton(name);
    if ((await button.count()) > 0) return button.click();
    await this.toolbar.getByRole('button', { name: 'More formatting' }).click();
    await this.moreMenuItem(name).click();
  }

  /** Whether a toolbar toggle is on, read from its button or, when it is in the More menu, from there. */
  async toolbarToggleIsOn(name: string): Promise<boolean> {
    const button = this.rowButton(name);
    if ((await button.count()) > 0) return (await button.getAttribute('aria-pressed')) === 'true';
    await this.toolbar.getByRole('button', { name: 'More formatting' }).click();
    const checked = await this.moreMenuItem(name).getAttribute('aria-checked');
    await this.page.keyboard.press('Escape');
    return checked === 'true';
  }

  /** A toolbar button in the row; one that did not fit is inert, and offered in the More menu instead. */
  private rowButton(name: string): Locator {
    return this.toolbar.locator(`.toolbar-button:not([inert])[aria-label="${name}"]`);
  }

  private moreMenuItem(name: string): Locator {
    return this.page
      .getByRole('menu', { name: 'More formatting' })
      .locator('[role^="menuitem"]')
      .filter({ has: this.page.locator('.toolbar-menu-label', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  }

  get notice(): Locator {
    return this.page.locator('.editor-notice');
  }

  get stats(): Locator {
    return this.page.locator('.note-stats');
  }

  get speakerDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Quote with speaker' });
  }

  /** The text ranges the editor highlights as TK markers, hashtags or handles (CSS Custom Highlight API). */
  highlighted(kind: 'tk' | 'hashtag' | 'handle'): Promise<string[]> {
    return this.page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((range) => range.toString()), `note-${kind}`);
  }

  /** Pastes as the system clipboard would: a paste event whose clipboardData carries these types and files. */
  async paste(content: ClipboardContent): Promise<void> {
    await pasteInto(this.editor, content);
  }

  /** Drops files onto the note at the end of its text, the way a file manager does. */
  async dropFiles(files: ClipboardFile[]): Promise<void> {
    await this.editor.evaluate((editor, files) => {
      const data = new DataTransfer();
      for (const file of files) {
        const bytes = Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0));
        data.items.add(new File([bytes], file.name, { type: file.type }));
      }
      const box = editor.getBoundingClientRect();
      const point = { clientX: box.left + 40, clientY: box.bottom - 20 };
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        editor.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: data, ...point }));
      }
    }, files);
  }
}

/** The stored note of a session, read straight from the library on disk. */
export async function readStoredNote(libraryPath: string, sessionTitle: string): Promise<SerializedNoteState> {
  for (const event of await readEvents(libraryPath)) {
    const session = event.sessions.find((candidate) => candidate.title === sessionTitle);
    if (!session) continue;
    const note = JSON.parse(await readFile(join(libraryPath, 'events', event.id, 'notes', `${session.id}.json`), 'utf8')) as { editorState: SerializedNoteState };
    return note.editorState;
  }
  throw new Error(`No stored note for "${sessionTitle}"`);
}

/** Every node of a stored note, depth first. */
export function storedNodes(state: SerializedNoteState): SerializedNoteNode[] {
  const nodes: SerializedNoteNode[] = [];
  const visit = (node: SerializedNoteNode) => {
    nodes.push(node);
    node.children?.forEach(visit);
  };
  visit(state.root);
  return nodes;
}

/** The files in an event's assets folder. */
export async function assetFiles(libraryPath: string): Promise<string[]> {
  const [event] = await readEvents(libraryPath);
  try {
    return await readdir(join(libraryPath, 'events', event.id, 'assets'));
  } catch {
    return [];
  }
}

/** The time on a clock in `timeZone` now, and a minute later: an action in between shows one of them. */
export function clockTimes(timeZone: string): string[] {
  const format = (date: Date) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  const now = new Date();
  return [format(now), format(new Date(now.getTime() + 60_000))];
}

export async function expectStoredType(libraryPath: string, sessionTitle: string, type: string): Promise<SerializedNoteNode> {
  const node = storedNodes(await readStoredNote(libraryPath, sessionTitle)).find((candidate) => candidate.type === type);
  expect(node, `a ${type} node in the stored note of "${sessionTitle}"`).toBeDefined();
  return node!;
}
