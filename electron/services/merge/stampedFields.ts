import { valueHash } from './canonicalJson';

/**
 * When a field got its value and from whom. `at` is null for a value as first seen (imported
 * from the programme, typed before the team ever exchanged anything): such a value loses to
 * any value changed since.
 */
export type Stamp = { at: string | null; by: string };
/** A field's value (undefined: not set) with its stamp. */
export type StampedValue = { value: unknown; stamp: Stamp };
export type StampedFields = Record<string, StampedValue>;

/** Whether a value is what the field holds when nobody set it (an empty room, "planned"). */
export type DefaultTest = (field: string, value: unknown) => boolean;


/**
 * The value a field takes when two sides hold it: the one set last. Of two values as first
 * seen, a set one beats a default one (one reporter marked the talk covered, the other never
 * touched it). The same inputs always give the same answer on every machine, whichever side
 * is "local", so two libraries that merge each other's state agree.
 */
export function chooseFieldValue(field: string, a: StampedValue | undefined, b: StampedValue | undefined, isDefault: DefaultTest): StampedValue {
  if (!a) return b!;
  if (!b) return a;
  const hashA = valueHash(a.value);
  const hashB = valueHash(b.value);
  // Equal values keep the later stamp, so stamps converge too.
  if (hashA === hashB) return compareStamps(a.stamp, b.stamp) >= 0 ? a : b;
  return ranksFirst(field, a, b, hashA, hashB, isDefault) ? a : b;
}

function ranksFirst(field: string, a: StampedValue, b: StampedValue, hashA: string, hashB: string, isDefault: DefaultTest): boolean {
  if (a.stamp.at !== b.stamp.at) return compareStamps(a.stamp, b.stamp) > 0;
  if (a.stamp.at === null) {
    const defaultA = isDefault(field, a.value);
    const defaultB = isDefault(field, b.value);
    if (defaultA !== defaultB) return defaultB;
  } else if (a.stamp.by !== b.stamp.by) return a.stamp.by > b.stamp.by;
  return hashA < hashB;
}

/** Later first; a stamped value is later than one as first seen; equal times are ordered by who. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.at !== b.at) {
    if (a.at === null) return -1;
    if (b.at === null) return 1;
    return a.at < b.at ? -1 : 1;
  }
  return a.by === b.by ? 0 : a.by < b.by ? -1 : 1;
}

/** Merges two sets of stamped fields key by key (any key: fields added to the model later merge the same way). */
export function mergeStampedFields(a: StampedFields, b: StampedFields, isDefault: DefaultTest): StampedFields {
  const fields: StampedFields = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) fields[key] = chooseFieldValue(key, a[key], b[key], isDefault);
  return fields;
}

/** The values of stamped fields, leaving out fields that are not set. */
export function valuesOf(fields: StampedFields): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, field]) => field.value !== undefined).map(([key, field]) => [key, field.value]));
}
