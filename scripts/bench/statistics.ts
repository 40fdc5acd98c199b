/** A set of timings (or sizes) summarised the way the benchmark reports every figure. */
export type Summary = { count: number; median: number; p95: number; min: number; max: number };

function sortedCopy(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new Error('No samples to summarise.');
  if (samples.some((sample) => !Number.isFinite(sample))) throw new Error('A sample is not a finite number.');
  return [...samples].sort((a, b) => a - b);
}

/** The middle sample; the mean of the two middle ones for an even count. */
export function median(samples: readonly number[]): number {
  const sorted = sortedCopy(samples);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Nearest-rank percentile: the smallest sample with at least `percent`% of the samples at or
 * below it. Always a value that was measured, never an interpolation between two.
 */
export function percentile(samples: readonly number[], percent: number): number {
  if (!(percent > 0 && percent <= 100)) throw new Error(`A percentile must be above 0 and at most 100, not ${percent}.`);
  const sorted = sortedCopy(samples);
  return sorted[Math.ceil((percent / 100) * sorted.length) - 1];
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = sortedCopy(samples);
  return { count: sorted.length, median: median(sorted), p95: percentile(sorted, 95), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** How many times the baseline a figure is; null when the baseline is zero and a ratio means nothing. */
export function ratio(value: number, baseline: number): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return null;
  return value / baseline;
}
