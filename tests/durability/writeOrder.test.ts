import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** strace must exist and be allowed to trace (some containers forbid ptrace); otherwise the test is skipped and says why. */
const strace = spawnSync('strace', ['-qq', '-e', 'trace=none', 'true'], { encoding: 'utf8' });
const straceWorks = !strace.error && strace.status === 0;
const skipReason = straceWorks ? '' : ` (skipped: ${strace.error ? 'strace is not installed' : `strace cannot trace here: ${strace.stderr.trim()}`})`;

describe('the order of system calls in a note save (scripts/check-write-order.mjs)', () => {
  it.skipIf(!straceWorks)(`is write(temp) → fsync(temp) → rename → fsync(folder) for every file, and only the note is written${skipReason}`, () => {
    const run = spawnSync(process.execPath, ['scripts/check-write-order.mjs'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('check-write-order: OK');
    expect(run.status).toBe(0);
  });
});
