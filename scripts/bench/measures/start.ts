import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import type { BenchSession } from '../appLibrary';
import { BARE_CONTENTEDITABLE_PATH, rememberSession, signedInContext, watchForErrors } from '../browserPages';
import { armReadyProbe, readyLatency, type ReadySpec } from '../inPage';
import { row, type Measure, type Row } from '../measure';
import type { BenchHost } from '../hostProcess';

const LOADS_PER_REP = 2;

/**
 * Page load (navigation start, cold cache, fresh context) → the session on now ready to type
 * (its last words shown, focus and caret in the editor, one frame later), against loading the
 * bare contenteditable page until it has the focus. And the renderer's JavaScript, raw and gzip.
 */
export const startMeasure: Measure = {
  id: 'start',
  usesBrowser: true,
  async run({ rig, reps, log }) {
    const { browser, host, app, rendererFolder } = rig!;
    const appLoads: number[] = [];
    const bareLoads: number[] = [];
    const problems: string[] = [];
    for (let run = 0; run < LOADS_PER_REP * reps; run++) {
      appLoads.push(await timeLoad(browser, host, '/', app.onNow, problems, app.eventId));
      bareLoads.push(await timeLoad(browser, host, BARE_CONTENTEDITABLE_PATH, null, problems, app.eventId));
    }
    log(`start: ${appLoads.length} loads`);
    const rows: Row[] = [
      row({
        measure: 'Start',
        label: 'page load → ready to type in the session on now',
        unit: 'ms',
        samples: appLoads,
        baseline: { label: 'bare contenteditable page load', samples: bareLoads },
        note: problems.length > 0 ? `page errors: ${problems.slice(0, 3).join('; ')}` : undefined,
      }),
    ];
    const scripts = await rendererScripts(rendererFolder);
    const raw = scripts.reduce((sum, script) => sum + script.length, 0);
    const gzip = scripts.reduce((sum, script) => sum + gzipSync(script).length, 0);
    rows.push(row({ measure: 'Start', label: `renderer JavaScript, raw (${scripts.length} files)`, unit: 'bytes', samples: [raw] }));
    rows.push(row({ measure: 'Start', label: 'renderer JavaScript, gzip', unit: 'bytes', samples: [gzip] }));
    return rows;
  },
};

async function timeLoad(browser: Browser, host: BenchHost, path: string, session: BenchSession | null, problems: string[], eventId: string): Promise<number> {
  const context = await signedInContext(browser, host);
  try {
    if (session) {
      // Whether the app reopens the remembered session or picks the one on now, it lands on this one.
      const setup = await context.newPage();
      await setup.goto(`${host.base}${BARE_CONTENTEDITABLE_PATH}`);
      await rememberSession(setup, eventId, session);
      await setup.close();
    }
    const page = await context.newPage();
    const found = watchForErrors(page);
    const spec: ReadySpec = { sessionId: session?.id ?? null, closingText: session?.closingText ?? '', from: 'navigation', timeoutMs: 30_000 };
    await page.addInitScript(armReadyProbe, spec);
    await page.goto(`${host.base}${path}`);
    const took = await page.evaluate(readyLatency);
    problems.push(...found());
    return took;
  } finally {
    await context.close();
  }
}

async function rendererScripts(rendererFolder: string): Promise<Buffer[]> {
  const assets = join(rendererFolder, 'assets');
  const names = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  return Promise.all(names.map((name) => readFile(join(assets, name))));
}
