import { createHash } from 'node:crypto';

/** A short hash of a draft's editable text as a site returned it, to notice edits its modified time cannot show. */
export function fingerprint(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:${part}`);
  return hash.digest('hex').slice(0, 32);
}
