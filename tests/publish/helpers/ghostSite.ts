import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { siteAnswers } from './realSite';

export type GhostSite = { url: string; adminApiKey: string };

const STATE_FILE = fileURLToPath(new URL('../../../.ci-state/ghost.json', import.meta.url));

/** The real Ghost that scripts/ci/ghost.sh runs (its Admin API key in .ci-state/ghost.json), or why it is not there. */
export async function findGhost(): Promise<{ site: GhostSite; reason: null } | { site: null; reason: string }> {
  let site: GhostSite;
  try {
    site = JSON.parse(await readFile(STATE_FILE, 'utf8')) as GhostSite;
  } catch {
    return { site: null, reason: 'no Ghost is set up here (run `bash scripts/ci/ghost.sh`)' };
  }
  const down = await siteAnswers(`${site.url}/ghost/api/admin/site/`);
  return down ? { site: null, reason: `${down}; start it with \`bash scripts/ci/ghost.sh\`` } : { site, reason: null };
}
