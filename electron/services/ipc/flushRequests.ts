import { randomUUID } from 'node:crypto';
import { sendPush, type PushChannel } from './pushEvents';

/** How long quitting waits for a renderer to hand over unsaved edits before giving up. */
const FLUSH_TIMEOUT_MS = 3000;

/**
 * Asks a renderer to save every pending edit ('app:flush-requested') and resolves when it
 * reports back through the 'app:flush-complete' channel, or after a timeout, so a hung
 * renderer cannot block quitting. Electron main asks its window before the window closes; the
 * host asks every open page before it stops.
 */
export class FlushRequests {
  private readonly waiting = new Map<string, () => void>();

  constructor(private readonly timeoutMs = FLUSH_TIMEOUT_MS) {}

  request(channel: PushChannel): Promise<void> {
    const requestId = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.complete(requestId), this.timeoutMs);
      this.waiting.set(requestId, () => {
        clearTimeout(timer);
        resolve();
      });
      try {
        sendPush(channel, 'app:flush-requested', { requestId });
      } catch {
        // The renderer is already gone: there is nothing left to wait for.
        this.complete(requestId);
      }
    });
  }

  complete(requestId: string): void {
    const done = this.waiting.get(requestId);
    this.waiting.delete(requestId);
    done?.();
  }
}
