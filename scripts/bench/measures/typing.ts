import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import type { BenchHost } from '../hostProcess';
import type { BenchSession } from '../appLibrary';
import { bareContent } from '../bareContent';
import { BARE_CONTENTEDITABLE_PATH, BARE_LEXICAL_PATH, BARE_TEXTAREA_PATH, openSession, signedInContext, waitUntilReady, watchForErrors } from '../browserPages';
import { editorText, fillBarePage, setKeyRecording, showNoteInBareLexical, takeKeyLatencies } from '../inPage';
import { row, type Measure, type Row, type Target } from '../measure';
import { recordTyping, waitForNoteOnDisk } from '../noteOnDisk';
import { WORK_PHASES, WORK_TRACE_CATEGORIES, workPerKeystroke } from '../traceWork';

const KEYS_PER_ROUND = 110;
const WARM_UP = ' and so';
const SPACING_MS = 20;
const PHRASE = ' the speaker said that latency matters more than raw throughput and the whole room nodded along';

type Kind = 'app' | 'contenteditable' | 'textarea' | 'lexical';

const BARE_PATHS: Record<Exclude<Kind, 'app'>, string> = {
  contenteditable: BARE_CONTENTEDITABLE_PATH,
  textarea: BARE_TEXTAREA_PATH,
  lexical: BARE_LEXICAL_PATH,
};
/** One page typed into: the app on a session, or a bare page showing the same note. */
export type TypingCondition = { kind: Kind; size: string; page: Page; session: BenchSession; problems: () => string[]; latencies: number[] };
type Condition = TypingCondition;

const TARGETS: Record<string, Target> = {
  '3,000 words': { text: 'median ≤ 1.3×, p95 ≤ 1.2× contenteditable', met: ({ ratio }) => (ratio?.median ?? Infinity) <= 1.3 && (ratio?.p95 ?? Infinity) <= 1.2 },
  '20,000 words': { text: 'median ≤ 1.5×, p95 ≤ 1.3× contenteditable', met: ({ ratio }) => (ratio?.median ?? Infinity) <= 1.5 && (ratio?.p95 ?? Infinity) <= 1.3 },
};

/**
 * Keydown → next frame while typing at the end of a 3,000- and a 20,000-word note: the app,
 * a bare contenteditable, a bare textarea and bare Lexical (rich text only, no React) showing
 * the same text, one page each in one browser, typed into in turn (order reversed every other
 * round) so noise falls on all alike. Bare Lexical shows how much of the app's cost is Lexical's own.
 */
export const typingMeasure: Measure = {
  id: 'typing',
  usesBrowser: true,
  async run({ rig, reps, traceFolder, log }) {
    const { browser, host, app } = rig!;
    const context = await signedInContext(browser, host);
    try {
      const conditions: Condition[] = [];
      for (const [size, session] of [['3,000 words', app.onNow], ['20,000 words', app.typing20k]] as const) {
        for (const kind of ['app', 'contenteditable', 'textarea', 'lexical'] as const) {
          if (kind !== 'app') {
            conditions.push(await openBarePage(context, host, kind, size, session, app.noteStates.get(session.id)!));
            continue;
          }
          const page = await context.newPage();
          const problems = watchForErrors(page);
          await page.goto(`${host.base}/`);
          await page.getByRole('list', { name: 'Sessions' }).waitFor();
          await openSession(page, session);
          conditions.push({ kind, size, page, session, problems, latencies: [] });
        }
      }

      for (let round = 0; round < reps; round++) {
        const order = round % 2 === 0 ? conditions : [...conditions].reverse();
        for (const condition of order) {
          await typeOneRound(condition);
        }
        log(`typing: round ${round + 1}/${reps} done`);
      }
      const workRows = traceFolder ? await traceWork(conditions, traceFolder, log) : [];
      // Leave the app's notes saved, so measures after this one open them as they now are.
      for (const condition of conditions.filter((candidate) => candidate.kind === 'app')) {
        await waitForNoteOnDisk(rig!.libraryPath, app.eventId, condition.session.id, condition.session.closingText);
      }
      return [...rowsFor(conditions), ...workRows];
    } finally {
      await context.close();
    }
  },
};

/** A bare page showing the note's text with the caret at its end; it tracks the end of its own copy of the text. */
export async function openBarePage(context: BrowserContext, host: BenchHost, kind: Exclude<Kind, 'app'>, size: string, session: BenchSession, state: SerializedNoteState): Promise<TypingCondition> {
  const page = await context.newPage();
  const problems = watchForErrors(page);
  await page.goto(`${host.base}${BARE_PATHS[kind]}`);
  if (kind === 'lexical') await page.evaluate(showNoteInBareLexical, state);
  else await page.evaluate(fillBarePage, bareContent(state));
  await page.locator(kind === 'textarea' ? 'textarea' : '[contenteditable="true"]').focus();
  await page.keyboard.press('Control+End');
  await waitUntilReady(page, { sessionId: null, closingText: session.closingText });
  return { kind, size, page, session: { ...session }, problems, latencies: [] };
}

/** One round of typing at the end of the note: 110 keys at 20 ms after a few unrecorded ones; traced into `tracePath` instead of timed when given. */
export async function typeOneRound(condition: Condition, tracePath?: string): Promise<void> {
  const { page, kind } = condition;
  await page.bringToFront();
  const editor = kind === 'app' ? page.getByRole('textbox', { name: 'Note' }) : page.locator(kind === 'textarea' ? 'textarea' : '[contenteditable="true"]');
  await restPointerOver(page, editor);
  await editor.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(WARM_UP, { delay: SPACING_MS });
  const typed = PHRASE.repeat(Math.ceil(KEYS_PER_ROUND / PHRASE.length)).slice(0, KEYS_PER_ROUND);
  await page.evaluate(setKeyRecording, true);
  const browser = page.context().browser()!;
  if (tracePath) await browser.startTracing(page, { path: tracePath, categories: WORK_TRACE_CATEGORIES });
  await page.keyboard.type(typed, { delay: SPACING_MS });
  if (tracePath) await browser.stopTracing();
  await page.waitForTimeout(200);
  await page.evaluate(setKeyRecording, false);
  const { latencies } = await page.evaluate(takeKeyLatencies);
  if (latencies.length !== typed.length) throw new Error(`typing (${kind}, ${condition.size}): ${latencies.length} frames for ${typed.length} keys.`);
  recordTyping(condition.session, WARM_UP + typed);
  const text = (await page.evaluate(editorText, kind === 'app' ? condition.session.id : null)).replace(/\u00a0/g, ' ');
  // textContent joins blocks without breaks, so compare the tail: it must be what was just typed.
  if (!text.endsWith(condition.session.closingText)) throw new Error(`typing (${kind}, ${condition.size}): the typed text is not at the end of the note.`);
  // A traced round is slowed by the tracing: its latencies are not figures.
  if (!tracePath) condition.latencies.push(...latencies);
}

/**
 * One more round at the end of the 3,000-word note in the app and in bare Lexical, each traced,
 * and rows of the main thread's work per keystroke by phase, the app against bare Lexical.
 */
async function traceWork(conditions: Condition[], folder: string, log: (message: string) => void): Promise<Row[]> {
  await mkdir(folder, { recursive: true });
  const work = new Map<Kind, ReturnType<typeof workPerKeystroke>>();
  for (const kind of ['app', 'lexical'] as const) {
    const condition = conditions.find((candidate) => candidate.size === '3,000 words' && candidate.kind === kind)!;
    const path = join(folder, `typing-3000-words-${kind}.json`);
    await typeOneRound(condition, path);
    work.set(kind, workPerKeystroke(await readFile(path, 'utf8')));
    log(`typing: trace written to ${path}`);
  }
  return WORK_PHASES.map((phase) =>
    row({
      measure: 'Typing work',
      label: `3,000 words: app, ${phase}`,
      unit: 'ms',
      samples: work.get('app')![phase],
      baseline: { label: 'bare Lexical', samples: work.get('lexical')![phase] },
      note: phase === 'all' ? 'main-thread time per keystroke (keydown to next keydown) in a traced round, not latency' : undefined,
    }),
  );
}

/**
 * Every page is typed into with the pointer resting over the middle of the note's visible part,
 * as after clicking into it. Where the pointer rests matters: after each keystroke's layout,
 * Chromium hit-tests at the pointer to update hover, which costs a page whose pointer position
 * is unknown nothing; left where the app's last click put it, only the app would pay.
 */
async function restPointerOver(page: Page, editor: Locator): Promise<void> {
  const box = await editor.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('typing: the note is not on screen to rest the pointer over.');
  const top = Math.max(box.y, 0);
  const bottom = Math.min(box.y + box.height, viewport.height);
  await page.mouse.move(box.x + box.width / 2, (top + bottom) / 2);
}

function rowsFor(conditions: Condition[]): Row[] {
  const rows: Row[] = [];
  for (const size of ['3,000 words', '20,000 words']) {
    const of = (kind: Kind) => conditions.find((condition) => condition.size === size && condition.kind === kind)!;
    const baseline = { label: 'bare contenteditable', samples: of('contenteditable').latencies };
    const problems = conditions.filter((condition) => condition.size === size).flatMap((condition) => condition.problems());
    const note = problems.length > 0 ? `page errors: ${problems.slice(0, 3).join('; ')}` : undefined;
    rows.push(row({ measure: 'Typing', label: `${size}: app`, unit: 'ms', samples: of('app').latencies, baseline, target: TARGETS[size], note }));
    rows.push(row({ measure: 'Typing', label: `${size}: bare Lexical`, unit: 'ms', samples: of('lexical').latencies, baseline }));
    rows.push(row({ measure: 'Typing', label: `${size}: bare textarea`, unit: 'ms', samples: of('textarea').latencies, baseline }));
  }
  return rows;
}
