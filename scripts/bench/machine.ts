import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type } from 'node:os';

export type Machine = { cpu: string; cores: number; memoryGb: number; os: string; node: string; chromium: string; commit: string };

function quietly(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function describeMachine(): Machine {
  const chromium = quietly('/usr/bin/chromium', ['--version']).split('\n').find((line) => line.startsWith('Chromium')) ?? 'unknown';
  const commit = quietly('git', ['rev-parse', '--short', 'HEAD']);
  // BENCHMARKS.md is where runs are recorded: a run written there just before is no change to what is measured.
  const dirty = quietly('git', ['status', '--porcelain', '--', '.', ':!BENCHMARKS.md']) !== '';
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: totalmem() / 1024 ** 3,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium,
    commit: commit ? `${commit}${dirty ? ' with uncommitted changes' : ''}` : 'not a git checkout',
  };
}

/** The one-minute load average: how busy the machine was besides the benchmark. */
export function currentLoad(): number {
  return loadavg()[0];
}
