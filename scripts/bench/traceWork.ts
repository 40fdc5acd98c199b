/**
 * The page's main-thread work per keystroke, by phase, read from a Chrome trace (Trace Event
 * Format, as Playwright's browser.startTracing writes it) of a round of typing. A latency
 * figure says how long a key took; this says where the time went, so a regression can be
 * pinned on layout, paint or script instead of guessed at.
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
  const keydownsOf = (timed: Timed[]) => timed.filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'keydown');
  // The page typed into is the renderer whose main thread saw the most keys.
  let timed: Timed[] = [];
  let keydowns: Timed[] = [];
  for (const candidate of byThread.values()) {
    const candidateKeydowns = keydownsOf(candidate);
    if (candidateKeydowns.length > keydowns.length) [timed, keydowns] = [candidate, candidateKeydowns];
  }
  timed.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const open: Timed[] = [];
  for (const event of timed) {
    while (open.length > 0 && open.at(-1)!.ts + open.at(-1)!.dur <= event.ts) open.pop();
    if (open.length > 0) open.at(-1)!.self -= event.dur;
    open.push(event);
  }
  const starts = keydowns.map((event) => event.ts).sort((a, b) => a - b);
  const work = Object.fromEntries(WORK_PHASES.map((phase) => [phase, starts.map(() => 0)])) as Record<WorkPhase, number[]>;
  let key = -1;
  for (const event of timed) {
    while (key + 1 < starts.length && event.ts >= starts[key + 1]) key += 1;
    if (key < 0) continue;
    const milliseconds = event.self / 1000;
    work[phaseOf(event.name)][key] += milliseconds;
    work.all[key] += milliseconds;
  }
  return work;
}
