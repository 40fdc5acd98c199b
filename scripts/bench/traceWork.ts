/**
 * The page's main-thread work per keystroke or per click, by phase, read from a Chrome trace
 * (Trace Event Format, as Playwright's browser.startTracing writes it) of a round of typing or
 * of switching. A latency figure says how long a key or a switch took; this says where the
 * time went, so a regression can be pinned on layout, paint, script or waiting instead of
 * guessed at.
 */

export const WORK_PHASES = ['script', 'input and editing', 'style and layout', 'paint and compositing', 'other', 'all'] as const;
export type WorkPhase = (typeof WORK_PHASES)[number];

/** The trace categories the breakdown needs (the DevTools performance panel's own). */
export const WORK_TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { type?: string } } };
type Timed = TraceEvent & { dur: number; self: number };

const PHASE_OF: [RegExp, WorkPhase][] = [
  [/^(FunctionCall|EvaluateScript|RunMicrotasks|TimerFire|FireAnimationFrame|FireIdleCallback|MinorGC|MajorGC|V8\.|v8\.)/, 'script'],
  [/^(EventDispatch|HitTest)$/, 'input and editing'],
  [/^(Layout|UpdateLayoutTree|RecalculateStyles|IntersectionObserverController::computeIntersections)$/, 'style and layout'],
  [/^(PrePaint|Paint|Layerize|Commit|UpdateLayer|CompositeLayers)$/, 'paint and compositing'],
];

function phaseOf(name: string): WorkPhase {
  return PHASE_OF.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}

/**
 * Milliseconds of main-thread work in each phase for every keystroke of the trace: from one
 * keydown to the next (the last to the end of the trace). Time is counted where it is spent
 * (an event's own time, less that of the events inside it).
 */
export function workPerKeystroke(traceJson: string): Record<WorkPhase, number[]> {
  const { timed, inputs } = mainThreadOf(traceJson, 'keydown');
  return workIn(timed, inputs.map((start, index) => [start, inputs[index + 1] ?? Infinity]));
}

/**
 * Milliseconds of main-thread work in each phase after each click of the trace, from the click
 * for as long as it took (`latenciesMs`, one per click), and the time in between when the main
 * thread had nothing to do (waiting for the host, a timer or the compositor).
 */
export function workPerClick(traceJson: string, latenciesMs: number[]): Record<WorkPhase | 'waiting', number[]> {
  const { timed, inputs } = mainThreadOf(traceJson, 'click');
  if (inputs.length !== latenciesMs.length) throw new Error(`The trace has ${inputs.length} clicks for ${latenciesMs.length} timed ones.`);
  const work = workIn(timed, inputs.map((start, index) => [start, start + latenciesMs[index] * 1000]));
  return { ...work, waiting: latenciesMs.map((latency, index) => Math.max(0, latency - work.all[index])) };
}

/**
 * The main thread of the renderer that saw the most `inputType` events (the page acted on),
 * its complete events each with its own time (less that of the events inside it), and the
 * times of those inputs, in order.
 */
function mainThreadOf(traceJson: string, inputType: string): { timed: Timed[]; inputs: number[] } {
  const parsed = JSON.parse(traceJson) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mainThreads = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const byThread = new Map<string, Timed[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || event.dur === undefined || !mainThreads.has(thread)) continue;
    const list = byThread.get(thread) ?? [];
    list.push({ ...event, dur: event.dur, self: event.dur });
    byThread.set(thread, list);
  }
  const inputsOf = (timed: Timed[]) => timed.filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === inputType);
  let timed: Timed[] = [];
  let inputs: Timed[] = [];
  for (const candidate of byThread.values()) {
    const candidateInputs = inputsOf(candidate);
    if (candidateInputs.length > inputs.length) [timed, inputs] = [candidate, candidateInputs];
  }
  timed.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const open: Timed[] = [];
  for (const event of timed) {
    while (open.length > 0 && open.at(-1)!.ts + open.at(-1)!.dur <= event.ts) open.pop();
    if (open.length > 0) open.at(-1)!.self -= event.dur;
    open.push(event);
  }
  return { timed, inputs: inputs.map((event) => event.ts).sort((a, b) => a - b) };
}

/** Each event's own time, in milliseconds, summed by phase for the window (trace microseconds, in order, not overlapping) its start falls in. */
function workIn(timed: Timed[], windows: [number, number][]): Record<WorkPhase, number[]> {
  const work = Object.fromEntries(WORK_PHASES.map((phase) => [phase, windows.map(() => 0)])) as Record<WorkPhase, number[]>;
  let index = 0;
  for (const event of timed) {
    while (index < windows.length && event.ts >= windows[index][1]) index += 1;
    if (index === windows.length) break;
    if (event.ts < windows[index][0]) continue;
    const milliseconds = event.self / 1000;
    work[phaseOf(event.name)][index] += milliseconds;
    work.all[index] += milliseconds;
  }
  return work;
}
