import { randomBytes } from 'node:crypto';
import { slugify } from '../../../shared/model/slug';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** Short random ids that are easy to read and type in the CLI (no 0/o, 1/l confusion). */
export function randomId(length: number): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/** `web-summit-2026-k3f9`: readable in a folder listing, unique by its random tail. */
export function newEventId(title: string): string {
  const slug = slugify(title, 40);
  return slug ? `${slug}-${randomId(4)}` : `event-${randomId(6)}`;
}

export function newSessionId(): string {
  return randomId(10);
}
