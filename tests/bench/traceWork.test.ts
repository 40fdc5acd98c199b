import { describe, expect, it } from 'vitest';
import { workPerClick, workPerKeystroke } from '../../scripts/bench/traceWork';

const MAIN = { pid: 7, tid: 1 };
const OTHER_PAGE = { pid: 9, tid: 1 };
const threadName = (thread: { pid: number; tid: number }) => ({ ...thread, ph: 'M', ts: 0, name: 'thread_name', args: { name: 'CrRendererMain' } });
const task = (thread: { pid: number; tid: number }, name: string, ts: number, dur: number, type?: string) => ({ ...thread, ph: 'X', name, ts, dur, args: type ? { data: { type } } : {} });

describe('workPerKeystroke', () => {
  it('splits the typed page’s main-thread time into keystrokes and phases, each event counted for its own time only', () => {
    const trace = {
      traceEvents: [
        threadName(MAIN),
        threadName(OTHER_PAGE),
        task(MAIN, 'RunTask', 0, 500),
        // Before the first key: not counted.
        task(MAIN, 'Layout', 100, 300),
        // Key 1: a keydown whose handler runs 2 ms of script, which forces 1 ms of layout.
        task(MAIN, 'RunTask', 1_000, 4_000),
        task(MAIN, 'EventDispatch', 1_000, 3_000, 'keydown'),
        task(MAIN, 'FunctionCall', 1_100, 2_000),
        task(MAIN, 'Layout', 1_500, 1_000),
        task(MAIN, 'Paint', 4_100, 500),
        // Key 2.
        task(MAIN, 'RunTask', 10_000, 1_000),
        task(MAIN, 'EventDispatch', 10_000, 800, 'keydown'),
        // Another page's renderer, with no keys: ignored.
        task(OTHER_PAGE, 'Layout', 1_000, 9_000),
      ],
    };
    const work = workPerKeystroke(JSON.stringify(trace));
    expect(work.script).toEqual([1, 0]);
    expect(work['style and layout']).toEqual([1, 0]);
    expect(work['input and editing']).toEqual([1, 0.8]);
    expect(work['paint and compositing']).toEqual([0.5, 0]);
    expect(work.other).toEqual([0.5, 0.2]);
    expect(work.all).toEqual([4, 1]);
  });

  it('counts a switch’s work from its click for as long as the switch took, and the rest of that time as waiting', () => {
    const trace = {
      traceEvents: [
        threadName(MAIN),
        // Switch 1 takes 10 ms: 3 ms of script and 1 ms of layout; the bench's own work after it is not counted.
        task(MAIN, 'EventDispatch', 1_000, 500, 'click'),
        task(MAIN, 'FunctionCall', 2_000, 3_000),
        task(MAIN, 'Layout', 6_000, 1_000),
        task(MAIN, 'FunctionCall', 20_000, 5_000),
        // Switch 2 takes 4 ms, all of it waiting but the click's dispatch.
        task(MAIN, 'EventDispatch', 30_000, 1_000, 'click'),
        task(MAIN, 'Paint', 40_000, 2_000),
      ],
    };
    const work = workPerClick(JSON.stringify(trace), [10, 4]);
    expect(work.script).toEqual([3, 0]);
    expect(work['style and layout']).toEqual([1, 0]);
    expect(work['paint and compositing']).toEqual([0, 0]);
    expect(work.all).toEqual([4.5, 1]);
    expect(work.waiting).toEqual([5.5, 3]);
  });

  it('refuses a trace whose clicks are not the timed switches', () => {
    const trace = { traceEvents: [threadName(MAIN), task(MAIN, 'EventDispatch', 1_000, 500, 'click')] };
    expect(() => workPerClick(JSON.stringify(trace), [10, 4])).toThrow('The trace has 1 clicks for 2 timed ones.');
  });
});
