import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryChange, LibraryChangeListener } from '../../electron/services/library/libraryChange';
import { startSyncScheduler } from '../../electron/services/sync/syncScheduler';
import type { SyncService } from '../../electron/services/sync/syncService';
import { noteState } from '../helpers/noteStates';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function fakeSync() {
  const calls: string[] = [];
  let release: () => void = () => undefined;
  const sync = {
    commitLocal: vi.fn(async (eventId: string) => {
      calls.push(`commit ${eventId}`);
      return { committed: true };
    }),
    sync: vi.fn(async (eventId: string) => {
      calls.push(`sync ${eventId}`);
      await new Promise<void>((resolve) => (release = resolve));
    }),
    configuredEvents: vi.fn(async () => ['summit']),
  };
  let listener: LibraryChangeListener = () => undefined;
  const subscribe = (added: LibraryChangeListener) => {
    listener = added;
    return () => (listener = () => undefined);
  };
  return { sync, calls, subscribe, change: (change: LibraryChange) => listener(change), release: () => release() };
}

const noteSaved = (eventId: string): LibraryChange => ({ kind: 'note-saved', eventId, sessionId: 's1', editorState: noteState('x') });

describe('the background sync', () => {
  it('commits once after a quiet period, not once per save while the reporter types', async () => {
    const fake = fakeSync();
    const schedule = startSyncScheduler(fake.sync as unknown as SyncService, fake.subscribe, { quietMs: 20_000, intervalMs: 600_000 });
    for (let second = 0; second < 30; second++) {
      fake.change(noteSaved('summit'));
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(fake.sync.commitLocal).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(fake.calls).toEqual(['commit summit']);
    schedule.stop();
  });

  it('syncs events with a remote on an interval, never two syncs of one event at a time', async () => {
    const fake = fakeSync();
    const schedule = startSyncScheduler(fake.sync as unknown as SyncService, fake.subscribe, { quietMs: 20_000, intervalMs: 60_000 });
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.calls).toEqual(['sync summit']);
    fake.release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.calls).toEqual(['sync summit', 'sync summit']);
    schedule.stop();
    fake.release();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fake.calls).toHaveLength(2);
  });
});
