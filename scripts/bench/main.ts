import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConfPreferences } from '../../electron/services/preferences/openConfPreferences';
import { createAppLibrary } from './appLibrary';
import { openServices } from './benchLibrary';
import { launchChromium } from './browserPages';
import { startHost } from './hostProcess';
import { currentLoad, describeMachine } from './machine';
import { unavailableRow, type BrowserRig, type Measure, type MeasureContext, type Row } from './measure';
import { agendaMeasure } from './measures/agenda';
import { exportMeasure } from './measures/export';
import { importMeasure } from './measures/import';
import { memoryMeasure } from './measures/memory';
import { saveMeasure } from './measures/save';
import { searchMeasure } from './measures/search';
import { startMeasure } from './measures/start';
import { switchMeasure } from './measures/switch';
import { typingMeasure } from './measures/typing';
import { BENCH_USAGE, parseBenchOptions, type BenchOptions } from './options';
import { formatDuration, recordRun } from './record';
import { consoleTable } from './report';

/** Services measures first, while no browser competes for the two cores; then the browser ones. */
const MEASURES: Measure[] = [exportMeasure, importMeasure, searchMeasure, startMeasure, switchMeasure, typingMeasure, agendaMeasure, saveMeasure, memoryMeasure];

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    console.error(`npm run bench: ${(error as Error).message}\n\n${BENCH_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(BENCH_USAGE);
    return 0;
  }
  const startedAt = new Date();
  const loadAtStart = currentLoad();
  const machine = describeMachine();
  const selected = MEASURES.filter((measure) => options.only.includes(measure.id));
  log(`measuring ${selected.map((measure) => measure.id).join(', ')} with ${options.reps} round(s) on ${machine.cpu} (${machine.cores} cores)`);

  const scratch = await mkdtemp(join(tmpdir(), 'hallnotes-bench-'));
  const rows: Row[] = [];
  let rig: (BrowserRig & { close(): Promise<void> }) | null = null;
  let browserProblem: string | null = null;
  let broken = false;
  try {
    for (const measure of selected) {
      if (measure.usesBrowser && !rig && !browserProblem) {
        try {
          rig = await prepareBrowser(scratch);
        } catch (error) {
          browserProblem = (error as Error).message;
          log(`could not prepare the browser measures: ${browserProblem}`);
        }
      }
      if (measure.usesBrowser && browserProblem) {
        rows.push(unavailableRow(measure.id, 'the whole measure', `not run: ${browserProblem.split('\n')[0]}`));
        broken = true;
        continue;
      }
      const context: MeasureContext = { reps: options.reps, traceFolder: options.traceFolder, scratch: await measureFolder(scratch, measure.id), log, rig };
      log(`${measure.id}: started`);
      try {
        rows.push(...(await measure.run(context)));
      } catch (error) {
        log(`${measure.id}: FAILED: ${(error as Error).stack ?? error}`);
        rows.push(unavailableRow(measure.id, 'the whole measure', `failed: ${(error as Error).message.split('\n')[0]}`));
        broken = true;
      }
    }
  } finally {
    await rig?.close();
    await rm(scratch, { recursive: true, force: true });
  }

  const wallSeconds = (Date.now() - startedAt.getTime()) / 1000;
  console.log(`\n${consoleTable(rows)}\n`);
  log(`wall time ${formatDuration(wallSeconds)}`);
  if (options.record) {
    const command = process.env.npm_lifecycle_event === 'bench' ? `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}` : `node scripts/bench/bench.mjs ${argv.join(' ')}`.trim();
    await recordRun(join(process.cwd(), 'BENCHMARKS.md'), { startedAt, command, machine, loadAtStart, loadAtEnd: currentLoad(), wallSeconds, reps: options.reps, rows });
    log('recorded in BENCHMARKS.md');
  }
  // A missed target is a finding, not an error; a measure that could not run is.
  return broken ? 1 : 0;
}

async function measureFolder(scratch: string, id: string): Promise<string> {
  const folder = join(scratch, id);
  await mkdir(folder, { recursive: true });
  return folder;
}

/**
 * Builds the production renderer (the project's vite.config.ts, plus the bare pages) into this
 * run's own folder, so a `npm run build` elsewhere in the tree cannot swap files under a run;
 * fills the app's library; starts the host (bundled by bench.mjs) and Chromium.
 */
async function prepareBrowser(scratch: string): Promise<BrowserRig & { close(): Promise<void> }> {
  const rendererFolder = join(scratch, 'renderer');
  log('building the production renderer with the bare pages (vite build)');
  const build = spawnSync('npx', ['vite', 'build', '--outDir', rendererFolder, '--emptyOutDir', '--logLevel', 'error'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HALLNOTES_BENCH_PAGES: '1' },
  });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
  const hostBundle = join('build', 'bench', 'host.mjs');

  const libraryPath = join(scratch, 'app-library');
  const configPath = join(scratch, 'app-config');
  const preferences = openConfPreferences(configPath, log);
  const app = await createAppLibrary(openServices(libraryPath, preferences), Date.now());
  preferences.set({ lastEventId: app.eventId, lastSessionId: app.onNow.id });
  log(`app library ready: ${app.sessionCount} sessions, ${app.wordCount.toLocaleString('en')} words`);

  const host = await startHost({ hostBundle, libraryPath, configPath, rendererFolder });
  const browser = await launchChromium();
  return {
    host,
    browser,
    app,
    libraryPath,
    rendererFolder,
    close: async () => {
      await browser.close();
      await host.stop();
    },
  };
}

process.exitCode = await main(process.argv.slice(2));
