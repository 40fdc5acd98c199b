import type { BrowserContext, Page } from '@playwright/test';
import { SMALL_AGENDA_ROOMS, type BenchSession } from '../appLibrary';
import { openServices } from '../benchLibrary';
import { createBigAgenda } from '../bigAgenda';
import { openSession, signedInContext, waitUntilReady, watchForErrors } from '../browserPages';
import type { BenchHost } from '../hostProcess';
import { setKeyRecording, takeKeyLatencies, timeRoomFilterChanges } from '../inPage';
import { row, type Measure, type Row } from '../measure';
import { waitForNoteOnDisk } from '../noteOnDisk';
import { summarise } from '../statistics';
import { openBarePage, typeOneRound, type TypingCondition } from './typing';

const FRAME_MS = 16.7;
const SWITCHES_PER_REP = 8;
const FILTER_WORDS = ['kernel', 'rust', 'room', 'data'];
const ROOM_CHANGES_PER_REP = 12;

type Agenda = { label: string; eventTitle: string; onNow: BenchSession; switchA: BenchSession; switchB: BenchSession; emptyA: BenchSession; emptyB: BenchSession; rooms: string[] };
type AppPage = { agenda: Agenda; page: Page; problems: () => string[]; typing: TypingCondition; switches: number[]; emptySwitches: number[]; filterKeys: number[]; roomChanges: number[] };

/**
 * The agenda at congress size (issue 14): a 1,351-session event shaped by FOSDEM 2021 with
 * "All sessions" showing, beside the 200-session event every other measure opens, in the same
 * run. Typing at the end of a 3,000-word note (against bare Lexical and a bare contenteditable
 * showing the same note), a click switch between two 5,000-word notes, a key typed in the
 * agenda's filter and a room chosen in its room filter (each: the event → the next frame).
 */
export const agendaMeasure: Measure = {
  id: 'agenda',
  usesBrowser: true,
  async run({ rig, reps, log }) {
    const { browser, host, app, libraryPath } = rig!;
    const big = await createBigAgenda(openServices(libraryPath), Date.now());
    log(`agenda: event of ${big.sessionCount} sessions ready`);
    const context = await signedInContext(browser, host);
    try {
      const small: Agenda = { label: '200 sessions', ...app, rooms: SMALL_AGENDA_ROOMS };
      const pages = [await openAppPage(context, host, { label: '1,351 sessions', ...big }), await openAppPage(context, host, small)];
      const bare = [];
      for (const kind of ['lexical', 'contenteditable'] as const) bare.push(await openBarePage(context, host, kind, '1,351 sessions', big.onNow, big.noteStates.get(big.onNow.id)!));

      for (let round = 0; round < reps; round++) {
        const typing = [...pages.map((page) => page.typing), ...bare];
        for (const condition of round % 2 === 0 ? typing : [...typing].reverse()) await typeOneRound(condition);
        for (const page of pages) await measureAgenda(page, round);
        log(`agenda: round ${round + 1}/${reps} done`);
      }
      // Leave the typed notes saved, so measures after this one open them as they now are.
      await waitForNoteOnDisk(libraryPath, big.eventId, big.onNow.id, big.onNow.closingText);
      await waitForNoteOnDisk(libraryPath, app.eventId, app.onNow.id, app.onNow.closingText);
      return rowsFor(pages, bare);
    } finally {
      await context.close();
    }
  },
};

/** The app on an event, All sessions showing, the note on now open and ready to type. */
async function openAppPage(context: BrowserContext, host: BenchHost, agenda: Agenda): Promise<AppPage> {
  const page = await context.newPage();
  const problems = watchForErrors(page);
  await page.goto(`${host.base}/`);
  await page.getByRole('navigation', { name: 'Events' }).getByRole('button', { name: new RegExp(`^${agenda.eventTitle.replace(/[()]/g, '\\$&')}`) }).click();
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: /^All sessions/ }).click();
  await openSession(page, agenda.onNow);
  await waitUntilReady(page, { sessionId: agenda.onNow.id, closingText: agenda.onNow.closingText });
  const typing: TypingCondition = { kind: 'app', size: agenda.label, page, session: agenda.onNow, problems, latencies: [] };
  return { agenda, page, problems, typing, switches: [], emptySwitches: [], filterKeys: [], roomChanges: [] };
}

async function measureAgenda(app: AppPage, round: number): Promise<void> {
  const { page, agenda } = app;
  await page.bringToFront();
  for (let switches = 0; switches < SWITCHES_PER_REP / 2; switches++) {
    app.switches.push(await openSession(page, agenda.switchB), await openSession(page, agenda.switchA));
    await openSession(page, agenda.emptyA);
    app.emptySwitches.push(await openSession(page, agenda.emptyB), await openSession(page, agenda.emptyA));
  }

  // A word typed into the filter and taken back, as a reporter looking for a talk does.
  const word = FILTER_WORDS[round % FILTER_WORDS.length];
  const filter = page.getByRole('searchbox', { name: 'Filter sessions' });
  await filter.click();
  await page.evaluate(setKeyRecording, true);
  await page.keyboard.type(word, { delay: 40 });
  for (let index = 0; index < word.length; index++) await page.keyboard.press('Backspace', { delay: 40 });
  await page.waitForTimeout(200);
  await page.evaluate(setKeyRecording, false);
  app.filterKeys.push(...(await page.evaluate(takeKeyLatencies)).latencies);

  const rooms = Array.from({ length: ROOM_CHANGES_PER_REP }, (_, index) => (index % 2 === 0 ? agenda.rooms[(round * ROOM_CHANGES_PER_REP + index) % agenda.rooms.length] : ''));
  app.roomChanges.push(...(await page.evaluate(timeRoomFilterChanges, rooms)));
  // Back in the note for the next round of typing.
  await openSession(page, agenda.onNow);
}

function rowsFor(pages: AppPage[], bare: TypingCondition[]): Row[] {
  const [lexical, contenteditable] = bare;
  const contenteditableP95 = summarise(contenteditable.latencies).p95;
  const [big, small] = pages;
  const problems = [...pages.flatMap((page) => page.problems()), ...bare.flatMap((condition) => condition.problems())];
  const note = problems.length > 0 ? `page errors: ${problems.slice(0, 3).join('; ')}` : undefined;
  const rows: Row[] = [];
  for (const page of pages) {
    const label = page.agenda.label;
    const p95Ratio = summarise(page.typing.latencies).p95 / contenteditableP95;
    rows.push(
      row({
        measure: 'Big agenda',
        label: `typing at 3,000 words, ${label}: app`,
        unit: 'ms',
        samples: page.typing.latencies,
        baseline: { label: 'bare Lexical', samples: lexical.latencies },
        target: { text: 'median ≤ 1.15× bare Lexical, p95 ≤ 1.1× contenteditable', met: ({ ratio }) => (ratio?.median ?? Infinity) <= 1.15 && p95Ratio <= 1.1 },
        note: [`p95 ${p95Ratio.toFixed(2)}× bare contenteditable`, note].filter(Boolean).join('; '),
      }),
      row({
        measure: 'Big agenda',
        label: `switch between 5,000-word notes, ${label}, All sessions`,
        unit: 'ms',
        samples: page.switches,
        baseline: { label: 'same click, empty note', samples: page.emptySwitches },
        target: { text: 'median < 50 ms', met: ({ result }) => result.median < 50 },
      }),
    );
  }
  rows.push(row({ measure: 'Big agenda', label: 'typing at 3,000 words: bare contenteditable', unit: 'ms', samples: contenteditable.latencies, baseline: { label: 'bare Lexical', samples: lexical.latencies } }));
  for (const [kind, samples] of [
    ['a key typed in the filter', (page: AppPage) => page.filterKeys],
    ['a room chosen in the room filter', (page: AppPage) => page.roomChanges],
  ] as const) {
    rows.push(
      row({
        measure: 'Big agenda',
        label: `${kind} → next frame, ${big.agenda.label}`,
        unit: 'ms',
        samples: samples(big),
        baseline: { label: `the same, ${small.agenda.label}`, samples: samples(small) },
        target: { text: 'median < 16.7 ms (one frame)', met: ({ result }) => result.median < FRAME_MS },
      }),
      row({ measure: 'Big agenda', label: `${kind} → next frame, ${small.agenda.label}`, unit: 'ms', samples: samples(small) }),
    );
  }
  return rows;
}
