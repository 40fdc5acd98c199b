import { describeSnapshotReason, type SnapshotSummary } from '../../../shared/model/history';

const snapshotTimeFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false });

/** "Mon 2 Nov, 10:15" in the computer's time zone. */
export function formatSnapshotTime(takenAt: string): string {
  return snapshotTimeFormat.format(new Date(takenAt));
}

/** "Mon 2 Nov, 10:15 · 412 words · while editing" */
export function describeSnapshot(snapshot: SnapshotSummary): string {
  return `${formatSnapshotTime(snapshot.takenAt)} · ${snapshot.words} ${snapshot.words === 1 ? 'word' : 'words'} · ${describeSnapshotReason(snapshot)}`;
}
