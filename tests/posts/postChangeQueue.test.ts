import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PostChangeQueue } from '../../renderer/features/post/postChangeQueue';
import type { Result } from '../../shared/ipc/result';
import type { PostChanges, SavedPost } from '../../shared/model/post';

type Call = { changes: PostChanges; finish: (result: Result<SavedPost>) => void };

function setup() {
  const calls: Call[] = [];
  const errors: (string | null)[] = [];
  const saved: SavedPost[] = [];
  const queue = new PostChangeQueue(
    (changes) => new Promise((resolve) => calls.push({ changes, finish: resolve })),
    { onSaved: (value) => saved.push(value), onError: (message) => errors.push(message) },
    400,
  );
  return { queue, calls, errors, saved };
}

const ok = { ok: true, value: { savedAt: '2026-11-02T18:00:00.000Z', bytesWritten: 10 } as SavedPost } as const;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('saving post settings', () => {
  it('sends one save for a burst of typing, with the last value', async () => {
    const { queue, calls } = setup();
    queue.change({ title: 'D' }, false);
    queue.change({ title: 'Da' }, false);
    queue.change({ title: 'Day' }, false);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(calls.map((call) => call.changes)).toEqual([{ title: 'Day' }]);
  });

  it('keeps one save in flight, so saves land in the order they were made', async () => {
    const { queue, calls } = setup();
    queue.change({ sessionIds: ['a', 'b'] }, true);
    await vi.advanceTimersByTimeAsync(0);
    queue.change({ sessionIds: ['b', 'a'] }, true);
    queue.change({ style: 'flowing' }, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    calls[0].finish(ok);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((call) => call.changes)).toEqual([{ sessionIds: ['a', 'b'] }, { sessionIds: ['b', 'a'], style: 'flowing' }]);
  });

  it('keeps a failed change, says why, and sends it again with the next one (newer values win)', async () => {
    const { queue, calls, errors, saved } = setup();
    queue.change({ title: 'One', tags: ['x'] }, true);
    await vi.advanceTimersByTimeAsync(0);
    calls[0].finish({ ok: false, error: { code: 'disk-full', message: 'Could not save: the disk is full.' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual(['Could not save: the disk is full.']);
    queue.change({ title: 'Two' }, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[1].changes).toEqual({ title: 'Two', tags: ['x'] });
    calls[1].finish(ok);
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual(['Could not save: the disk is full.', null]);
    expect(saved).toHaveLength(1);
  });

  it('flush sends what is waiting at once and resolves when it is on disk', async () => {
    const { queue, calls } = setup();
    queue.change({ byline: 'By me' }, false);
    let flushed = false;
    const flushing = queue.flush().then(() => (flushed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(flushed).toBe(false);
    calls[0].finish(ok);
    await flushing;
    expect(flushed).toBe(true);
  });
});
