import type { Browser } from '@playwright/test';
import type { AppLibrary } from './appLibrary';
import type { BenchHost } from './hostProcess';
import { ratio, summarise, type Summary } from './statistics';

export const MEASURE_IDS = ['typing', 'switch', 'agenda', 'save', 'export', 'import', 'search', 'start', 'memory'] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export type Unit = 'ms' | 'bytes' | 'MB';

/** One line of the results table. */
export type Row = {
  measure: string;
  label: string;
  unit: Unit;
  /** Null when the thing measured does not exist yet; `note` says why. */
  result: Summary | null;
  baseline: { label: string; summary: Summary } | null;
  ratio: { median: number | null; p95: number | null } | null;
  target: { text: string; met: boolean } | null;
  note: string | null;
};

export type Target = { text: string; met(figures: { result: Summary; ratio: { median: number | null; p95: number | null } | null }): boolean };

/** Builds a row from raw samples: the summary, the baseline's, their ratio and the verdict. */
export function row(fields: {
  measure: string;
  label: string;
  unit: Unit;
  samples: readonly number[];
  baseline?: { label: string; samples: readonly number[] };
  target?: Target;
  note?: string;
}): Row {
  const result = summarise(fields.samples);
  const baseline = fields.baseline ? { label: fields.baseline.label, summary: summarise(fields.baseline.samples) } : null;
  const ratios = baseline ? { median: ratio(result.median, baseline.summary.median), p95: ratio(result.p95, baseline.summary.p95) } : null;
  return {
    measure: fields.measure,
    label: fields.label,
    unit: fields.unit,
    result,
    baseline,
    ratio: ratios,
    target: fields.target ? { text: fields.target.text, met: fields.target.met({ result, ratio: ratios }) } : null,
    note: fields.note ?? null,
  };
}

export function unavailableRow(measure: string, label: string, note: string): Row {
  return { measure, label, unit: 'ms', result: null, baseline: null, ratio: null, target: null, note };
}

/** What the browser measures share: one host on the generated library, one Chromium. */
export type BrowserRig = { host: BenchHost; browser: Browser; app: AppLibrary; libraryPath: string; rendererFolder: string };

export type MeasureContext = {
  reps: number;
  /** Where typing writes its Chrome traces (--trace), or null for no tracing. */
  traceFolder: string | null;
  /** A folder for this measure's own temporary libraries; removed after the run. */
  scratch: string;
  log(message: string): void;
  /** Present for measures that use the browser. */
  rig: BrowserRig | null;
};

export type Measure = { id: MeasureId; usesBrowser: boolean; run(context: MeasureContext): Promise<Row[]> };
