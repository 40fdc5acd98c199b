import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { row } from '../../scripts/bench/measure';
import { recordRun, type RunRecord } from '../../scripts/bench/record';

const machine = { cpu: 'Test CPU', cores: 2, memoryGb: 8, os: 'Linux 6', node: 'v20.20.2', chromium: 'Chromium 156', commit: 'abc1234' };

function run(startedAt: string, typingRatio: number): RunRecord {
  const typing = row({
    measure: 'Typing',
    label: '20,000 words: app',
    unit: 'ms',
    samples: [typingRatio * 10, typingRatio * 10, typingRatio * 10],
    baseline: { label: 'bare contenteditable', samples: [10, 10, 10] },
    target: { text: 'median ≤ 1.5×', met: ({ ratio }) => (ratio?.median ?? Infinity) <= 1.5 },
  });
  return { startedAt: new Date(startedAt), command: 'npm run bench -- --only typing', machine, loadAtStart: 1, loadAtEnd: 2, wallSeconds: 75, reps: 3, rows: [typing] };
}

describe('BENCHMARKS.md', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'hallnotes-bench-record-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('records a run with its command, machine and a plain MISSED for a missed target', async () => {
    const file = join(folder, 'BENCHMARKS.md');
    await recordRun(file, run('2026-11-02T10:00:00Z', 2));
    const text = await readFile(file, 'utf8');
    expect(text).toContain('## Method');
    expect(text).toContain('- Command: `npm run bench -- --only typing` (3 rounds)');
    expect(text).toContain('Test CPU, 2 cores, 8.0 GB RAM');
    expect(text).toContain('wall time 1 min 15 s');
    expect(text).toContain('Targets: 0 of 1 met.');
    expect(text).toContain('Typing, 20,000 words: app: MISSED — target median ≤ 1.5×; measured median 20.0 ms (2.00×)');
    expect(text).toContain('| Typing | 20,000 words: app | 3 | 20.0 ms | 20.0 ms | bare contenteditable | 10.0 ms | 10.0 ms | 2.00× | 2.00× | median ≤ 1.5× | **MISSED** |');
  });

  it('puts a new run above the earlier ones and keeps one method header', async () => {
    const file = join(folder, 'BENCHMARKS.md');
    await recordRun(file, run('2026-11-02T10:00:00Z', 2));
    await recordRun(file, run('2026-11-03T09:30:00Z', 1.2));
    const text = await readFile(file, 'utf8');
    expect(text.match(/## Method/g)).toHaveLength(1);
    expect(text.indexOf('## Run of 2026-11-03 09:30 UTC')).toBeLessThan(text.indexOf('## Run of 2026-11-02 10:00 UTC'));
    expect(text).toContain('Targets: all 1 measured target met.');
    expect(text).toContain('Targets: 0 of 1 met.');
  });
});
