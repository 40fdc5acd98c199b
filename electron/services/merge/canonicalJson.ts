import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level and undefined members left out, so two
 * libraries that hold the same value write the same bytes: the shared view of an event (a
 * bundle's entries, a Git tree) must not change because one side built its objects in
 * another key order.
 */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortKeys(member);
  }
  return sorted;
}

export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Identifies a value by content: equal values (in any key order) have equal hashes. */
export function valueHash(value: unknown): string {
  return sha256Hex(value === undefined ? 'undefined' : canonicalJson(value));
}

/** A shorter hash for remembering whether a field changed (96 bits: no collision among an event's fields), so the ledger stays small. */
export function fieldHash(value: unknown): string {
  return valueHash(value).slice(0, 24);
}
