import type { OutboxJob } from '../../../../shared/model/publish';

export type OutboxListener = (jobs: OutboxJob[]) => void;

/**
 * Tells whoever listens (the app's window, the host's pages) the outbox as it stands after
 * each change, so "Waiting for a connection" turns into "Sent" without the renderer asking.
 * One read at a time; changes made during a read cause one more read after it, so the last
 * list a listener hears is the latest.
 */
export class OutboxChanges {
  private readonly listeners = new Set<OutboxListener>();
  private reading = false;
  private changedWhileReading = false;

  constructor(
    private readonly read: () => Promise<OutboxJob[]>,
    private readonly report: (error: unknown) => void,
  ) {}

  subscribe(listener: OutboxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called by the outbox store after every write or removal of a job. */
  changed(): void {
    if (this.listeners.size === 0) return;
    if (this.reading) {
      this.changedWhileReading = true;
      return;
    }
    this.reading = true;
    void this.readAndTell();
  }

  private async readAndTell(): Promise<void> {
    try {
      do {
        this.changedWhileReading = false;
        const jobs = await this.read();
        for (const listener of this.listeners) listener(jobs);
      } while (this.changedWhileReading);
    } catch (error) {
      this.report(error);
    } finally {
      this.reading = false;
    }
  }
}
