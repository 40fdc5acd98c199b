import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { siteAnswers } from './realSite';

export type WordPressSite = { url: string; strippingUrl: string; user: string; applicationPassword: string };

const STATE_FILE = fileURLToPath(new URL('../../../.ci-state/wordpress.json', import.meta.url));

/**
 * The real WordPress that scripts/ci/wordpress.sh sets up (its credentials are in
 * .ci-state/wordpress.json), or null with the reason it is not there. HALLNOTES_WORDPRESS_URL,
 * _USER and _PASSWORD point the suite at another local WordPress instead.
 */
export async function findWordPress(): Promise<{ site: WordPressSite; reason: null } | { site: null; reason: string }> {
  let site: WordPressSite;
  const env = process.env;
  if (env.HALLNOTES_WORDPRESS_URL) {
    site = { url: env.HALLNOTES_WORDPRESS_URL, strippingUrl: env.HALLNOTES_WORDPRESS_STRIPPING_URL ?? '', user: env.HALLNOTES_WORDPRESS_USER ?? '', applicationPassword: env.HALLNOTES_WORDPRESS_PASSWORD ?? '' };
  } else {
    try {
      site = JSON.parse(await readFile(STATE_FILE, 'utf8')) as WordPressSite;
    } catch {
      return { site: null, reason: 'no WordPress is set up here (run `bash scripts/ci/wordpress.sh` as root, or set HALLNOTES_WORDPRESS_URL)' };
    }
  }
  const down = await siteAnswers(`${site.url}/wp-json/`);
  return down ? { site: null, reason: `${down}; start it with \`bash scripts/ci/wordpress.sh\`` } : { site, reason: null };
}

/** Reads from the site directly, as a second client would: the suite checks what WordPress holds, not what Hallnotes says. */
export function wordpressReader(site: WordPressSite) {
  const auth = `Basic ${Buffer.from(`${site.user}:${site.applicationPassword}`).toString('base64')}`;
  const request = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${site.url}/wp-json/${route}`, {
      method,
      headers: { Authorization: auth, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as never;
  };
  return {
    get: <T>(route: string): Promise<T> => request('GET', route),
    post: <T>(route: string, body: unknown): Promise<T> => request('POST', route, body),
    delete: <T>(route: string): Promise<T> => request('DELETE', route),
  };
}
