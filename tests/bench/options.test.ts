import { describe, expect, it } from 'vitest';
import { DEFAULT_REPS, parseBenchOptions } from '../../scripts/bench/options';

describe('npm run bench options', () => {
  it('runs every measure, three rounds, and records by default', () => {
    expect(parseBenchOptions([])).toEqual({
      only: ['typing', 'switch', 'agenda', 'save', 'export', 'import', 'search', 'start', 'memory'],
      reps: DEFAULT_REPS,
      record: true,
      traceFolder: null,
      help: false,
    });
  });

  it('takes a folder for typing traces with --trace', () => {
    expect(parseBenchOptions(['--only', 'typing', '--trace', '/tmp/traces']).traceFolder).toBe('/tmp/traces');
  });

  it('picks measures with --only, in the benchmark order', () => {
    expect(parseBenchOptions(['--only', 'switch,typing']).only).toEqual(['typing', 'switch']);
    expect(parseBenchOptions(['--only', ' export ']).only).toEqual(['export']);
  });

  it('takes --reps, or one round for --quick', () => {
    expect(parseBenchOptions(['--reps', '7']).reps).toBe(7);
    expect(parseBenchOptions(['--quick']).reps).toBe(1);
    expect(parseBenchOptions(['--no-record']).record).toBe(false);
  });

  it('names what is wrong with a bad command line', () => {
    expect(() => parseBenchOptions(['--only', 'typing,speed'])).toThrow('unknown measure "speed"; the measures are typing, switch');
    expect(() => parseBenchOptions(['--only', ','])).toThrow('--only needs at least one measure');
    expect(() => parseBenchOptions(['--reps', '0'])).toThrow('--reps must be a whole number from 1 to 100, not "0"');
    expect(() => parseBenchOptions(['--reps', '2.5'])).toThrow('--reps must be a whole number');
    expect(() => parseBenchOptions(['--quick', '--reps', '4'])).toThrow('--quick and --reps together');
    expect(() => parseBenchOptions(['--fast'])).toThrow("Unknown option '--fast'");
  });
});
