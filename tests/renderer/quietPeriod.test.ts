import { describe, expect, it, vi } from 'vitest';
import { QuietPeriod, type Timers } from '../../renderer/timing/quietPeriod';

/** Timers and a clock the test moves by hand, counting how often a timer is set. */
function manualTimers() {
  let now = 0;
  let pending: { at: number; callback: () => void; id: number }[] = [];
  let sets = 0;
  let nextId = 1;
  const timers: Timers = {
    set: (callback, milliseconds) => {
      sets += 1;
      const id = nextId++;
      pending.push({ at: now + milliseconds, callback, id });
      return id;
    },
    clear: (handle) => {
      pending = pending.filter((timer) => timer.id !== handle);
    },
    now: () => now,
    whenIdle: (callback) => callback(),
  };
  const advanceTo = (time: number) => {
    for (;;) {
      const due = pending.filter((timer) => timer.at <= time).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      pending = pending.filter((timer) => timer !== due);
      now = due.at;
      due.callback();
    }
    now = time;
  };
  return { timers, advanceTo, sets: () => sets };
}

describe('QuietPeriod', () => {
  it('calls back once, 300 ms after the last of 100 keystrokes, setting about one timer per 300 ms rather than one per key', () => {
    const clock = manualTimers();
    const settled = vi.fn();
    const quiet = new QuietPeriod(300, settled, clock.timers);
    for (let key = 0; key < 100; key++) {
      clock.advanceTo(key * 20);
      quiet.touch();
    }
    clock.advanceTo(1980 + 299);
    expect(settled).not.toHaveBeenCalled();
    clock.advanceTo(1980 + 300);
    expect(settled).toHaveBeenCalledTimes(1);
    // Each timer is re-armed once, for what is left of the wait: 2.3 s of typing and waiting needs about 9.
    expect(clock.sets()).toBeLessThanOrEqual(10);
  });

  it('does not call back after cancel, and starts afresh on the next touch', () => {
    const clock = manualTimers();
    const settled = vi.fn();
    const quiet = new QuietPeriod(300, settled, clock.timers);
    quiet.touch();
    quiet.cancel();
    clock.advanceTo(1000);
    expect(settled).not.toHaveBeenCalled();
    quiet.touch();
    clock.advanceTo(1300);
    expect(settled).toHaveBeenCalledTimes(1);
  });
});
