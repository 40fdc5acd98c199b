import type { Page } from '@playwright/test';
import { openSession, rememberSession, signedInContext, waitUntilReady, watchForErrors } from '../browserPages';
import { row, type Measure } from '../measure';

const VISITS = 50;

/**
 * The renderer's JavaScript heap (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage)
 * once the 200-session event is open, and again after visiting 50 of its sessions across its
 * four days, each until ready to type. One fresh page per repetition.
 */
export const memoryMeasure: Measure = {
  id: 'memory',
  usesBrowser: true,
  async run({ rig, reps, log }) {
    const { browser, host, app } = rig!;
    const afterLoad: number[] = [];
    const afterVisits: number[] = [];
    const problems: string[] = [];
    const step = Math.floor(app.ordinary.length / VISITS);
    const visits = Array.from({ length: VISITS }, (_, index) => app.ordinary[index * step]);
    for (let rep = 0; rep < reps; rep++) {
      const context = await signedInContext(browser, host);
      try {
        const page = await context.newPage();
        const found = watchForErrors(page);
        await page.goto(`${host.base}/`);
        await rememberSession(page, app.eventId, app.onNow);
        await page.reload();
        await waitUntilReady(page, { sessionId: app.onNow.id, closingText: app.onNow.closingText });
        afterLoad.push(await heapAfterGc(page));
        for (const session of visits) await openSession(page, session);
        afterVisits.push(await heapAfterGc(page));
        problems.push(...found());
      } finally {
        await context.close();
      }
      log(`memory: repetition ${rep + 1}/${reps} done`);
    }
    return [
      row({
        measure: 'Memory',
        label: `JS heap after visiting ${VISITS} of ${app.sessionCount} sessions`,
        unit: 'MB',
        samples: afterVisits,
        baseline: { label: 'JS heap right after load', samples: afterLoad },
        note: problems.length > 0 ? `page errors: ${problems.slice(0, 3).join('; ')}` : undefined,
      }),
    ];
  },
};

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / (1024 * 1024);
  } finally {
    await cdp.detach();
  }
}
