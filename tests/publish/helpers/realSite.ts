import { it } from 'vitest';

/**
 * Where a real site the suite needs is not running (a developer's laptop) the suite skips and
 * says why; where .ci/run set `requireVariable` to 1 it fails instead, so CI cannot go green
 * without having published anything.
 */
export function announceMissingSite(name: string, reason: string | null, requireVariable: string): void {
  if (reason === null) return;
  if (process.env[requireVariable] === '1') {
    it(`has the real ${name} that .ci/run sets up`, () => {
      throw new Error(`${requireVariable}=1 but ${reason}`);
    });
  } else console.log(`Real-${name} suite skipped: ${reason}.`);
}

/** GETs `url` within a few seconds; the reason it failed, or null. */
export async function siteAnswers(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return response.ok ? null : `${url} answered HTTP ${response.status}`;
  } catch (error) {
    return `${url} does not answer (${(error as Error).message})`;
  }
}
