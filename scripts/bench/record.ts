import { readFile, writeFile } from 'node:fs/promises';
import type { Machine } from './machine';
import type { Row } from './measure';
import { markdownTable, missedTargets } from './report';

const RUNS_MARKER = '<!-- Runs below, newest first. Everything above this line is rewritten by npm run bench. -->';

const HEADER = `# Benchmarks

Written by \`npm run bench\` (scripts/bench/). Speed claims are only worth what a repeatable run shows, so each run is kept below with the command that produced it, newest first.

## Method

- Every figure is a **median** and a **95th percentile** (nearest rank) over many samples, next to a **baseline measured in the same run** on the same machine, and their ratio. The machines this runs on are shared and noisy (2 cores): compare ratios between runs; absolute numbers only within a run.
- Nothing here is a pass/fail test. A missed target is marked **MISSED** in the table and listed above it. Absolute targets are judged on the median unless the target says p95.
- Data is generated and deterministic (seeded): English-like notes with headings, paragraphs, bullet and numbered lists and bold phrases, written through the services (Markdown → the services' headless Lexical import → \`NoteStore.save\`), so the files are what the app itself stores.
- Browser measures: the production renderer is built (\`vite build\` with the project's config, into the run's own folder, plus the bare pages of \`renderer/bench/\`), then the host (bundled like \`build/host/host.mjs\`, run with \`--library … --config … --renderer … --port 0\`) serves it on a temporary library holding one event of 200 sessions over four days starting today. Day 1 has the session on now (the 3,000-word typing note), a 20,000-word note, two 5,000-word notes and two empty notes; the other 194 sessions have 200–1,500 words each. Playwright drives Debian Chromium (\`/usr/bin/chromium\`, the e2e suite's flags).
- Services measures (export, import, search) run in the benchmark's own Node process before the browser starts.

| Measure | What is timed | Baseline (same run) | Target |
| --- | --- | --- | --- |
| Typing | keydown (a capture listener's \`event.timeStamp\`) → next frame (\`requestAnimationFrame\`, then a \`MessageChannel\` message), 110 keys per round at 20 ms spacing after 7 unrecorded keys, at the end of a 3,000- and a 20,000-word note, with the pointer resting over the note on every page (Chromium hit-tests at the pointer after each keystroke's layout) | a bare contenteditable showing the same text, typed in turn in the same browser (order reversed every other round); a bare textarea, and bare Lexical (rich text only: no React, no plugins) to show Lexical's own share, for reference | 3k: median ≤ 1.3×, p95 ≤ 1.2×; 20k: median ≤ 1.5×, p95 ≤ 1.3× (issue 4) |
| Session switch | Playwright's click on a session in the sidebar (pointer down, up, click) → its editor ready to type (last words shown, focus and caret in it, one frame later), timed from the click event, between two 5,000-word notes; the app starts reading the note at pointer down | the same click between two empty notes | median < 50 ms (issue 4) |
| Typing work (\`--trace DIR\` only) | one more round at the end of the 3,000-word note, traced (Chrome's DevTools timeline categories, the trace files left in DIR): the renderer's main-thread time from each keydown to the next, by phase — script, input and editing (event dispatch, the browser's own text insertion), style and layout, paint and compositing, other — each event counted for its own time only (\`scripts/bench/traceWork.ts\`). Where a keystroke's time goes, not a latency: tracing slows the round, so its keys are not in the Typing figures | the same in bare Lexical, traced the same way | — |
| Switch work (\`--trace DIR\` only) | as many switches again as Session switch timed, between the two 5,000-word notes and between the two empty notes, each set traced (the trace files left in DIR): the renderer's main-thread time from each click for as long as that switch took, by the same phases as Typing work, and the rest of that time as waiting (the main thread idle: the host's reply, a timer, the next frame). Where a switch's time goes, not a latency: tracing slows the round, so its switches are not in the Session switch figures | the same for the switches between the empty notes | — |
| Big agenda | in a second event of 1,351 sessions over five days, each day an even sample of a FOSDEM 2021 day (its rooms, times, titles, speakers; \`scripts/bench/bigAgenda.ts\`), with All sessions showing, and beside it in the same run the 200-session event: typing at the end of a 3,000-word note (as Typing), a click switch between two 5,000-word notes (as Session switch; the row is scrolled into the list first), a key typed in the agenda's filter (keydown → next frame), a room chosen in its room filter (change event → next frame) | typing: bare Lexical and a bare contenteditable showing the same note; switch: the same click between two empty notes; filters: the same in the 200-session event | typing median ≤ 1.15× bare Lexical, p95 ≤ 1.1× contenteditable; switch median < 50 ms; filters median < 16.7 ms (issue 14) |
| Save | bytes of library files that changed (fs stats of the whole library before and after: inode, mtime, size) for a few typed words in one note of the 200-session event, for the first save after opening a session and for a later one; last keystroke → the typed words in the file on disk (polled every 5 ms) | the note's own file size; a durable write (temp file, fsync, rename) of the same bytes from Node | only that session's files, never the event's; p95 ≤ 1 s (PRODUCT.md) |
| Export | 60 sessions / 120,000 words over three days as one post: \`composePost\` + each format on notes in memory; and, where it exists, the \`export:write\` channel end to end from disk to file | \`JSON.stringify\` of the same notes; reading + \`JSON.parse\` of their files | all four formats < 200 ms (issue 5) |
| Import | \`parseProgrammeFile\`, and \`importProgramme\` into a fresh library, for each programme in tests/fixtures/schedules | the format's plain syntax parser (JSON.parse, fast-xml-parser, ical.js) on the same bytes | FOSDEM 2021 < 1 s (issue 3) |
| Search | the \`search:query\` channel over 5 events / 500 sessions / 1,000,000 words, 7 kinds of query; the first query, which builds the index | a naive \`String.includes\` scan of the same texts in memory; reading every note file and taking its text | — (issue 3: "keep it fast") |
| Start | page load (navigation start, fresh browser context, cold cache) → the session on now ready to type; the renderer's JavaScript, raw and gzip | loading the bare contenteditable page until it has the focus | — |
| Memory | JS heap after a forced GC (CDP) once 50 of the 200 sessions have been visited | the heap right after load | — |

Per round (\`--reps N\`, default 3): typing 110 keys per page, 8 switches each way, in the big agenda a word typed into the filter and taken back and 12 room changes per event, 4 sessions saved twice, 10 exports per format, 5 parses and 2 imports per programme, 5 runs of each search query and one index build, 2 loads of each page, one memory run.

Run it: \`npm run bench\` (everything: each run below gives its wall time, 2½ to 6½ minutes on 2 cores so far), \`npm run bench -- --only typing,switch\`, \`--reps N\`, \`--quick\` (one round: a smoke test, not a figure to quote), \`--no-record\`, \`--trace DIR\` (typing's work per keystroke and the switch's work per switch, by phase, and the traces to open in DevTools).
`;

export type RunRecord = { startedAt: Date; command: string; machine: Machine; loadAtStart: number; loadAtEnd: number; wallSeconds: number; reps: number; rows: Row[] };

export function runSection(run: RunRecord): string {
  const missed = missedTargets(run.rows);
  const judged = run.rows.filter((row) => row.result && row.target).length;
  const { machine } = run;
  return [
    `## Run of ${run.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    '',
    `- Command: \`${run.command}\` (${run.reps} round${run.reps === 1 ? '' : 's'})`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb.toFixed(1)} GB RAM, ${machine.os}`,
    `- ${machine.chromium}; Node ${machine.node}; commit ${machine.commit}`,
    `- Load average (1 min) at start and end: ${run.loadAtStart.toFixed(2)} / ${run.loadAtEnd.toFixed(2)}; wall time ${formatDuration(run.wallSeconds)}`,
    missed.length === 0 ? `- Targets: all ${judged} measured target${judged === 1 ? '' : 's'} met.` : `- Targets: ${judged - missed.length} of ${judged} met.\n${missed.map((line) => `  - ${line}`).join('\n')}`,
    '',
    markdownTable(run.rows),
    '',
  ].join('\n');
}

export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.round(seconds)} s`;
}

/** Rewrites the method header and puts `run` above the runs already recorded. */
export async function recordRun(file: string, run: RunRecord): Promise<void> {
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const markerAt = existing.indexOf(RUNS_MARKER);
  const earlier = markerAt === -1 ? '' : existing.slice(markerAt + RUNS_MARKER.length).trim();
  await writeFile(file, `${HEADER}\n${RUNS_MARKER}\n\n${runSection(run)}${earlier ? `\n${earlier}\n` : ''}`);
}
