import type { Result } from '../../../shared/ipc/result';
import type { PostChanges, SavedPost } from '../../../shared/model/post';

export type SavePostChanges = (changes: PostChanges) => Promise<Result<SavedPost>>;
export type QueueListener = { onSaved(saved: SavedPost): void; onError(message: string | null): void };

/**
 * Saves the post's settings: changes are merged while they wait (typing in the title sends
 * one save, not one per key), at most one save is in flight so they land in the order they
 * were made, and a failed save is kept and sent again with the next change or flush.
 */
export class PostChangeQueue {
  private pending: PostChanges = {};
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly save: SavePostChanges,
    private readonly listener: QueueListener,
    private readonly debounceMs = 400,
  ) {}

  /** Queues changes; `immediately` for clicks (a checkbox, a move), debounced for typing. */
  change(changes: PostChanges, immediately: boolean): void {
    this.pending = { ...this.pending, ...changes };
    clearTimeout(this.timer);
    if (immediately) void this.flush();
    else this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Sends whatever is waiting; resolves once it is on disk (or has failed). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (Object.keys(this.pending).length === 0) return;
    const sending = this.pending;
    this.pending = {};
    this.inFlight = this.send(sending);
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  /** Changes wait for their save, or one is on its way. */
  hasUnsaved(): boolean {
    return this.inFlight !== null || Object.keys(this.pending).length > 0;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private async send(changes: PostChanges): Promise<void> {
    const result = await this.save(changes).catch((error: unknown) => ({ ok: false as const, error: { code: 'internal' as const, message: String(error) } }));
    if (result.ok) {
      this.listener.onError(null);
      this.listener.onSaved(result.value);
    } else {
      // Newer changes made meanwhile win over the failed ones.
      this.pending = { ...changes, ...this.pending };
      this.listener.onError(result.error.message);
    }
  }
}
