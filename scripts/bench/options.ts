import { parseArgs } from 'node:util';
import { MEASURE_IDS, type MeasureId } from './measure';

export type BenchOptions = {
  only: MeasureId[];
  reps: number;
  /** Add the run to BENCHMARKS.md. */
  record: boolean;
  /** Trace a round of typing into this folder and add the main thread's work per keystroke to the table. */
  traceFolder: string | null;
  help: boolean;
};

export const DEFAULT_REPS = 3;

export const BENCH_USAGE = `Usage: npm run bench -- [--only ${MEASURE_IDS.join(',')}] [--reps N] [--quick] [--no-record]

Measures Hallnotes against baselines taken in the same run and adds the results to BENCHMARKS.md.
  --only LIST   run only these measures (comma-separated): ${MEASURE_IDS.join(', ')}
  --reps N      repetitions of every measure's round (default ${DEFAULT_REPS}); more gives steadier figures
  --quick       one repetition (same as --reps 1): a smoke test, too few samples to quote
  --no-record   print the table but leave BENCHMARKS.md alone
  --trace DIR   one more traced round, its Chrome trace written to DIR (open it in DevTools'
                Performance panel), and rows of the main thread's work by phase: typing types at
                the end of the 3,000-word note in the app and in bare Lexical (work per keystroke);
                switch switches between the 5,000-word notes and between the empty ones (work per
                switch, and the time the main thread waited)`;

/** Parses the command line; throws with a one-line message on a usage error. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      reps: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-record': { type: 'boolean', default: false },
      trace: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const only = values.only === undefined ? [...MEASURE_IDS] : values.only.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = only.filter((name) => !(MEASURE_IDS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown measure ${unknown.map((name) => `"${name}"`).join(', ')}; the measures are ${MEASURE_IDS.join(', ')}`);
  if (only.length === 0) throw new Error('--only needs at least one measure');
  if (values.quick && values.reps !== undefined) throw new Error('--quick and --reps together: choose one');
  const reps = values.quick ? 1 : values.reps === undefined ? DEFAULT_REPS : Number(values.reps);
  if (!Number.isInteger(reps) || reps < 1 || reps > 100) throw new Error(`--reps must be a whole number from 1 to 100, not "${values.reps}"`);
  return {
    only: MEASURE_IDS.filter((id) => only.includes(id)),
    reps,
    record: !values['no-record'],
    traceFolder: values.trace === undefined ? null : values.trace,
    help: values.help,
  };
}
