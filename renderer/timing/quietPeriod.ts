export type Timers = {
  set(callback: () => void, milliseconds: number): unknown;
  clear(handle: unknown): void;
  now(): number;
  /** Runs `callback` when the browser is idle, within IDLE_TIMEOUT_MS; at once where there is no idle callback (Node). */
  whenIdle(callback: () => void): void;
};

const IDLE_TIMEOUT_MS = 150;

export const browserTimers: Timers = {
  set: (callback, milliseconds) => setTimeout(callback, milliseconds),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  // Monotonic, unlike Date.now(): a clock change must not stretch or cut a wait.
  now: () => performance.now(),
  whenIdle: (callback) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    else callback();
  },
};

/**
 * Calls `callback` once `quietMs` have passed since the last `touch()`. A touch only notes the
 * time; the one pending timer checks it when it fires and waits out the rest. Clearing and
 * setting a browser timer on every keystroke costs the typing path more than that.
 */
export class QuietPeriod {
  private timer: unknown;
  private lastTouch = 0;

  constructor(
    private readonly quietMs: number,
    private readonly callback: () => void,
    private readonly timers: Timers = browserTimers,
  ) {}

  touch(): void {
    this.lastTouch = this.timers.now();
    this.timer ??= this.timers.set(() => this.elapsed(), this.quietMs);
  }

  cancel(): void {
    this.timers.clear(this.timer);
    this.timer = undefined;
  }

  private elapsed(): void {
    this.timer = undefined;
    const remaining = this.quietMs - (this.timers.now() - this.lastTouch);
    if (remaining > 0) this.timer = this.timers.set(() => this.elapsed(), remaining);
    else this.callback();
  }
}
