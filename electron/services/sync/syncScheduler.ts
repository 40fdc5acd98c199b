import type { LibraryChange, LibraryChangeListener } from '../library/libraryChange';
import type { SyncService } from './syncService';

export type SyncScheduleOptions = {
  /** A local commit waits for this long without changes: a stretch of typing is one commit, not one per keystroke. */
  quietMs: number;
  /** How often events with a remote are synced while the app runs (offline: the attempt just fails and waits for the next). */
  intervalMs: number;
};

export const DEFAULT_SYNC_SCHEDULE: SyncScheduleOptions = { quietMs: 20_000, intervalMs: 2 * 60_000 };

/**
 * The app's and the host's background sync: events with a remote are committed after a quiet
 * period and synced on an interval. Not started by the CLI, whose `sync` does it on demand.
 * Failures are recorded in the event's sync status (the Team panel shows them), never thrown.
 */
export function startSyncScheduler(
  sync: SyncService,
  onLibraryChange: (listener: LibraryChangeListener) => () => void,
  options: SyncScheduleOptions = DEFAULT_SYNC_SCHEDULE,
): { stop(): void } {
  const quietTimers = new Map<string, NodeJS.Timeout>();
  const running = new Set<string>();

  const once = async (eventId: string, work: () => Promise<unknown>) => {
    if (running.has(eventId)) return;
    running.add(eventId);
    try {
      await work();
    } catch {
      // Recorded in the sync status by the sync itself, or retried at the next quiet period.
    } finally {
      running.delete(eventId);
    }
  };

  const unsubscribe = onLibraryChange((change: LibraryChange) => {
    const eventId = change.kind === 'event-saved' ? change.event.id : change.eventId;
    clearTimeout(quietTimers.get(eventId));
    const timer = setTimeout(() => {
      quietTimers.delete(eventId);
      void once(eventId, () => sync.commitLocal(eventId));
    }, options.quietMs);
    timer.unref();
    quietTimers.set(eventId, timer);
  });

  const interval = setInterval(() => {
    void sync
      .configuredEvents()
      .then((eventIds) => Promise.all(eventIds.map((eventId) => once(eventId, () => sync.sync(eventId)))))
      .catch(() => undefined);
  }, options.intervalMs);
  interval.unref();

  return {
    stop() {
      unsubscribe();
      clearInterval(interval);
      for (const timer of quietTimers.values()) clearTimeout(timer);
      quietTimers.clear();
    },
  };
}
