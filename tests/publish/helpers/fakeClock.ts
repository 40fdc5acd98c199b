import type { Clock } from '../../../electron/services/publish/outbox/outbox';

/** A clock the test moves by hand; timers fire when it passes their time. */
export class FakeClock implements Clock {
  private timers: { at: number; run: () => void; cancelled: boolean }[] = [];

  constructor(private time = Date.parse('2026-09-14T18:00:00Z')) {}

  now(): number {
    return this.time;
  }

  /** A timer already due (set just after the clock moved past its time) runs soon, as a real one would. */
  setTimeout(run: () => void, ms: number): { cancel(): void } {
    const timer = { at: this.time + ms, run, cancelled: false };
    if (ms <= 0) {
      setImmediate(() => {
        if (!timer.cancelled) run();
      });
      return { cancel: () => (timer.cancelled = true) };
    }
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((timer) => !timer.cancelled && timer.at <= this.time);
    this.timers = this.timers.filter((timer) => !due.includes(timer));
    for (const timer of due) timer.run();
  }
}
