import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BenchSession } from '../appLibrary';
import { openSession, signedInContext, watchForErrors } from '../browserPages';
import { row, type Measure, type Row } from '../measure';
import { WORK_PHASES, WORK_TRACE_CATEGORIES, workPerClick } from '../traceWork';

const SWITCHES_PER_REP = 8;

/**
 * Click on a session in the sidebar → its editor ready to type (the note's last words shown,
 * focus and caret in the editor, one frame later). Between the two 5,000-word notes, against
 * the same click between two empty notes (the app's fixed cost of a switch) in the same page.
 */
export const switchMeasure: Measure = {
  id: 'switch',
  usesBrowser: true,
  async run({ rig, reps, traceFolder, log }) {
    const { browser, host, app } = rig!;
    const context = await signedInContext(browser, host);
    try {
      const page = await context.newPage();
      const problems = watchForErrors(page);
      await page.goto(`${host.base}/`);
      await page.getByRole('list', { name: 'Sessions' }).waitFor();
      await openSession(page, app.switchA);
      const big: number[] = [];
      const empty: number[] = [];
      const rounds = Math.ceil((SWITCHES_PER_REP * reps) / 2);
      for (let round = 0; round < rounds; round++) {
        big.push(await openSession(page, app.switchB));
        big.push(await openSession(page, app.switchA));
        await openSession(page, app.emptyA);
        empty.push(await openSession(page, app.emptyB));
        empty.push(await openSession(page, app.emptyA));
        await openSession(page, app.switchA);
      }
      log(`switch: ${big.length} switches between 5,000-word notes`);
      const workRows = traceFolder ? await traceWork(page, { big: [app.switchB, app.switchA], empty: [app.emptyB, app.emptyA] }, SWITCHES_PER_REP * reps, traceFolder, log) : [];
      const found = problems();
      return [
        row({
          measure: 'Session switch',
          label: '5,000-word note: click → ready to type',
          unit: 'ms',
          samples: big,
          baseline: { label: 'same click, empty note', samples: empty },
          target: { text: 'median < 50 ms', met: ({ result }) => result.median < 50 },
          note: found.length > 0 ? `page errors: ${found.slice(0, 3).join('; ')}` : undefined,
        }),
        ...workRows,
      ];
    } finally {
      await context.close();
    }
  },
};

/** Switches traced into `tracePath`, back and forth between the two sessions; their latencies (slowed by the tracing: not figures). */
async function tracedSwitches(page: Page, [there, back]: [BenchSession, BenchSession], switches: number, tracePath: string): Promise<number[]> {
  const browser = page.context().browser()!;
  await openSession(page, back);
  await browser.startTracing(page, { path: tracePath, categories: WORK_TRACE_CATEGORIES });
  const latencies: number[] = [];
  try {
    for (let pair = 0; pair < switches / 2; pair++) latencies.push(await openSession(page, there), await openSession(page, back));
  } finally {
    await browser.stopTracing();
  }
  return latencies;
}

/**
 * As many switches again between the 5,000-word notes and between the empty notes, each set
 * traced, and rows of the main thread's work per switch by phase (and its waiting), the
 * big notes against the empty ones: what a note's size adds, and where the fixed cost goes.
 */
async function traceWork(page: Page, pairs: Record<'big' | 'empty', [BenchSession, BenchSession]>, switches: number, folder: string, log: (message: string) => void): Promise<Row[]> {
  await mkdir(folder, { recursive: true });
  const work = new Map<'big' | 'empty', ReturnType<typeof workPerClick>>();
  for (const kind of ['big', 'empty'] as const) {
    const path = join(folder, `switch-${kind === 'big' ? '5000-words' : 'empty'}.json`);
    const latencies = await tracedSwitches(page, pairs[kind], switches, path);
    work.set(kind, workPerClick(await readFile(path, 'utf8'), latencies));
    log(`switch: trace written to ${path}`);
  }
  return [...WORK_PHASES, 'waiting' as const].map((phase) =>
    row({
      measure: 'Switch work',
      label: `5,000-word note: ${phase}`,
      unit: 'ms',
      samples: work.get('big')![phase],
      baseline: { label: 'empty note', samples: work.get('empty')![phase] },
      note: phase === 'all' ? 'main-thread time from click to ready in a traced round, not latency' : phase === 'waiting' ? 'main thread idle between click and ready: the host, timers, the compositor' : undefined,
    }),
  );
}
