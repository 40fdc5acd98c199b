/** Milliseconds one call takes. */
export async function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Times several pieces of work in turn, `count` rounds, so noise on a shared machine falls on
 * all of them alike rather than on whichever ran during a busy moment. Each is first run
 * `warmUp` times unmeasured, so the JIT has compiled it. Returns the samples by name.
 */
export async function interleaved<Name extends string>(count: number, work: Record<Name, () => unknown>, warmUp = 2): Promise<Record<Name, number[]>> {
  const names = Object.keys(work) as Name[];
  for (let round = 0; round < warmUp; round++) for (const name of names) await work[name]();
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = 0; round < count; round++) {
    for (const name of names) samples[name].push(await timed(work[name]));
  }
  return samples;
}
