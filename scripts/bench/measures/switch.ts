import { openSession, signedInContext, watchForErrors } from '../browserPages';
import { row, type Measure } from '../measure';

const SWITCHES_PER_REP = 8;

/**
 * Click on a session in the sidebar → its editor ready to type (the note's last words shown,
 * focus and caret in the editor, one frame later). Between the two 5,000-word notes, against
 * the same click between two empty notes (the app's fixed cost of a switch) in the same page.
 */
export const switchMeasure: Measure = {
  id: 'switch',
  usesBrowser: true,
  async run({ rig, reps, log }) {
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
      ];
    } finally {
      await context.close();
    }
  },
};
