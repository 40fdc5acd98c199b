import { readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { LibraryPaths } from '../../../electron/services/library/libraryPaths';
import { writeFileAtomic } from '../../../electron/services/storage/atomicWrite';
import type { BenchSession } from '../appLibrary';
import { openSession, signedInContext, watchForErrors } from '../browserPages';
import { setKeyRecording, takeKeyLatencies } from '../inPage';
import { changedBytes, snapshotLibrary, totalBytes } from '../librarySnapshot';
import { row, type Measure, type Target } from '../measure';
import { recordTyping, waitForNoteOnDisk } from '../noteOnDisk';

const SESSIONS_PER_REP = 4;
/** Long enough for every write a save causes to land before the library is looked at again. */
const SETTLE_MS = 600;

type SaveSample = { bytes: number; noteBytes: number; latency: number; directWrite: number; files: string[] };

/**
 * Typing a few words into one note of the 200-session event, twice per opened session (the
 * first save after opening it, then a later one), and each time: which files changed on disk
 * (sizes of the files whose inode, mtime or size changed, from fs stats of the whole library
 * before and after — the host is a separate process, so its services cannot be wrapped),
 * against the size of that note's file; and the time from the last keystroke (its keydown
 * timeStamp) to the typed words being in the file on disk (polled every 5 ms from Node),
 * against a durable write of the same bytes (temp file, fsync, rename) done from Node.
 */
export const saveMeasure: Measure = {
  id: 'save',
  usesBrowser: true,
  async run({ rig, reps, scratch, log }) {
    const { browser, host, app, libraryPath } = rig!;
    const targets = app.ordinary.filter((session) => session.day === 1);
    const context = await signedInContext(browser, host);
    const first: SaveSample[] = [];
    const later: SaveSample[] = [];
    try {
      const page = await context.newPage();
      const problems = watchForErrors(page);
      await page.goto(`${host.base}/`);
      await page.getByRole('list', { name: 'Sessions' }).waitFor();
      const save = (session: BenchSession, mark: string) => typeAndSave({ page, libraryPath, eventId: app.eventId, session, mark, scratch });
      for (let index = 0; index < SESSIONS_PER_REP * reps; index++) {
        const session = targets[index % targets.length];
        await openSession(page, session);
        await page.keyboard.press('Control+End');
        await page.waitForTimeout(SETTLE_MS);
        first.push(await save(session, `${index}a`));
        later.push(await save(session, `${index}b`));
      }
      log(`save: ${first.length + later.length} saves`);
      const paths = new LibraryPaths(libraryPath);
      const eventBytes = totalBytes(await snapshotLibrary(libraryPath), paths.eventFolder(app.eventId));
      const found = problems();
      const onlyThisSession: Target = {
        text: "only that session's files (never the event's)",
        met: () => [...first, ...later].every((sample) => sample.files.every((file) => file.includes('<session>'))),
      };
      const filesNote = (samples: SaveSample[]) => `files changed: ${[...new Set(samples.flatMap((sample) => sample.files))].sort().join(', ')}`;
      const all = [...first, ...later];
      return [
        row({
          measure: 'Save',
          label: 'bytes changed by the first save after opening',
          unit: 'bytes',
          samples: first.map((sample) => sample.bytes),
          baseline: { label: "that note's file", samples: first.map((sample) => sample.noteBytes) },
          target: onlyThisSession,
          note: `${filesNote(first)}; the whole event is ${(eventBytes / 1024).toFixed(0)} kB on disk (${app.sessionCount} sessions)`,
        }),
        row({
          measure: 'Save',
          label: 'bytes changed by a later save',
          unit: 'bytes',
          samples: later.map((sample) => sample.bytes),
          baseline: { label: "that note's file", samples: later.map((sample) => sample.noteBytes) },
          target: onlyThisSession,
          note: filesNote(later),
        }),
        row({
          measure: 'Save',
          label: 'last keystroke → note on disk',
          unit: 'ms',
          samples: all.map((sample) => sample.latency),
          baseline: { label: 'durable write of the same bytes', samples: all.map((sample) => sample.directWrite) },
          target: { text: 'p95 ≤ 1,000 ms', met: ({ result }) => result.p95 <= 1000 },
          note: found.length > 0 ? `page errors: ${found.slice(0, 3).join('; ')}` : undefined,
        }),
      ];
    } finally {
      await context.close();
    }
  },
};

async function typeAndSave(options: { page: Page; libraryPath: string; eventId: string; session: BenchSession; mark: string; scratch: string }): Promise<SaveSample> {
  const { page, libraryPath, eventId, session } = options;
  const before = await snapshotLibrary(libraryPath);
  // Letters only: digits next to words are fine, but this keeps the text a plain sentence.
  const typed = ` checked at the door ${options.mark.replace(/\d/g, (digit) => 'klmnopqrst'[Number(digit)])}`;
  await page.evaluate(setKeyRecording, true);
  await page.keyboard.type(typed, { delay: 20 });
  const { lastKeyAt } = await page.evaluate(takeKeyLatencies);
  await page.evaluate(setKeyRecording, false);
  recordTyping(session, typed);
  const onDisk = await waitForNoteOnDisk(libraryPath, eventId, session.id, session.closingText);
  await page.waitForTimeout(SETTLE_MS);
  const after = await snapshotLibrary(libraryPath);
  const changed = changedBytes(before, after);
  const noteFile = new LibraryPaths(libraryPath).noteFile(eventId, session.id);

  const content = await readFile(noteFile, 'utf8');
  const started = performance.now();
  await writeFileAtomic(join(options.scratch, 'direct-write.json'), content, 'the benchmark copy of a note');
  const directWrite = performance.now() - started;
  return {
    bytes: changed.bytes,
    noteBytes: after.get(noteFile)!.size,
    latency: onDisk - lastKeyAt,
    directWrite,
    files: changed.files.map((file) => fileKind(relative(libraryPath, file), eventId, session.id)),
  };
}

/** A changed file's path with this run's ids in words and generated file names as *, so the same kind of file reads the same every time. */
function fileKind(path: string, eventId: string, sessionId: string): string {
  const general = path.split(eventId).join('<event>').split(sessionId).join('<session>');
  const name = basename(general);
  const kind = name.includes('<session>') || name === 'event.json' ? general : `${general.slice(0, -name.length)}*${name.slice(name.lastIndexOf('.'))}`;
  return kind.split(sep).join('/');
}
