import { randomId } from '../library/ids';

/** `2026-11-02T10:15:00.123Z` → `20261102t101500123z-k3f9`: sorts by time, safe as a file name. */
export function newSnapshotId(takenAt: Date): string {
  return `${takenAt.toISOString().replace(/[-:.]/g, '').toLowerCase()}-${randomId(4)}`;
}

/** The moment a snapshot id was made, in milliseconds; NaN for a name that is not a snapshot id. */
export function snapshotTime(snapshotId: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})t(\d{2})(\d{2})(\d{2})(\d{3})z-[a-z0-9]{4}$/.exec(snapshotId);
  if (!match) return Number.NaN;
  const [year, month, day, hour, minute, second, millisecond] = match.slice(1).map(Number);
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}
