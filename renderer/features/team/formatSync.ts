import type { SyncStatus } from '../../../shared/model/team';

const timeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false });

/** "Synced Mon 14:32", "Offline: 2 commits wait", "Not synced yet". */
export function describeSyncState(status: SyncStatus): string {
  const last = status.lastSyncedAt ? `last synced ${timeFormat.format(new Date(status.lastSyncedAt))}` : 'not synced yet';
  if (status.state === 'synced') return `Synced ${timeFormat.format(new Date(status.lastSyncedAt!))}`;
  if (status.state === 'offline') return `Offline (${last}); ${status.pendingCommits} commit(s) wait`;
  if (status.state === 'failed') return `Sync failed (${last})`;
  return 'Not synced yet';
}
