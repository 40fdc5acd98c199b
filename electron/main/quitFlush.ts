import { randomUUID } from 'node:crypto';
import type { BrowserWindow } from 'electron';

/** How long quitting waits for the renderer to hand over unsaved edits before giving up. */
const FLUSH_TIMEOUT_MS = 3000;

/**
 * Asks the renderer to save every pending note and resolves when it reports back (through
 * the 'app:flush-complete' channel) or after a timeout, so a hung renderer cannot block quit.
 */
export class QuitFlush {
  private readonly waiting = new Map<string, () => void>();

  request(window: BrowserWindow): Promise<void> {
    if (window.isDestroyed() || window.webContents.isCrashed()) return Promise.resolve();
    const requestId = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.complete(requestId), FLUSH_TIMEOUT_MS);
      this.waiting.set(requestId, () => {
        clearTimeout(timer);
        resolve();
      });
      window.webContents.send('app:flush-requested', { requestId });
    });
  }

  complete(requestId: string): void {
    const done = this.waiting.get(requestId);
    this.waiting.delete(requestId);
    done?.();
  }
}
