import { describe, expect, it } from 'vitest';
import { median, percentile, ratio, summarise } from '../../scripts/bench/statistics';

describe('benchmark statistics', () => {
  it('takes the middle sample as the median, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
  });

  it('averages the two middle samples for an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('takes the p95 by nearest rank: always a measured sample', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile([...hundred].reverse(), 95)).toBe(95);
    // 20 samples: the 19th smallest; 10 samples: the largest.
    expect(percentile(Array.from({ length: 20 }, (_, index) => index + 1), 95)).toBe(19);
    expect(percentile([3, 1, 2, 10, 4, 5, 6, 7, 8, 9], 95)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
  });

  it('lets slow samples above 5% of the count move the p95, but not the median', () => {
    const steady = Array.from({ length: 40 }, () => 5);
    expect(percentile([...steady.slice(2), 80, 90], 95)).toBe(5);
    const withSpikes = [...steady.slice(3), 80, 90, 100];
    expect(median(withSpikes)).toBe(5);
    expect(percentile(withSpikes, 95)).toBe(80);
  });

  it('summarises count, median, p95, min and max without changing the samples', () => {
    const samples = [9, 2, 7, 4];
    expect(summarise(samples)).toEqual({ count: 4, median: 5.5, p95: 9, min: 2, max: 9 });
    expect(samples).toEqual([9, 2, 7, 4]);
  });

  it('refuses to summarise nothing or a sample that is not a number', () => {
    expect(() => median([])).toThrow('No samples');
    expect(() => summarise([1, Number.NaN])).toThrow('not a finite number');
    expect(() => percentile([1, 2], 0)).toThrow('percentile');
    expect(() => percentile([1, 2], 101)).toThrow('percentile');
  });

  it('gives ratios against the baseline, and none against a zero baseline', () => {
    expect(ratio(13, 10)).toBeCloseTo(1.3);
    expect(ratio(5, 10)).toBe(0.5);
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(Number.POSITIVE_INFINITY, 3)).toBeNull();
  });
});
