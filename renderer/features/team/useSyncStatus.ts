import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../../shared/model/team';
import { api } from '../../api/bridge';
import { announceTeamChange } from './teamChanges';

/** While the app runs, the open event's sync status is read this often: the background sync may have brought something in. */
const POLL_MS = 15_000;

/**
 * The open event's sync status, kept fresh. When a sync (the background one, or "Sync now")
 * brought changes, the open views are told, so the agenda and an open note show them.
 */
export function useSyncStatus(eventId: string, onSynced: () => void): { status: SyncStatus | null; refresh: () => Promise<void>; apply: (status: SyncStatus) => void } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const seen = useRef<string | null | undefined>(undefined);
  const synced = useRef(onSynced);
  synced.current = onSynced;

  const apply = useCallback(
    (next: SyncStatus) => {
      setStatus(next);
      const previous = seen.current;
      seen.current = next.lastSyncedAt;
      if (previous !== undefined && next.lastSyncedAt !== previous && next.cameIn?.changed) {
        const replaced = [...next.cameIn.notesUpdated, ...next.cameIn.notesAdded].map((change) => change.sessionId);
        announceTeamChange({ eventId: next.eventId, notesReplaced: replaced });
        synced.current();
      }
    },
    [],
  );

  const refresh = useCallback(async () => {
    const result = await api['sync:status']({ eventId });
    if (result.ok) apply(result.value);
  }, [eventId, apply]);

  useEffect(() => {
    seen.current = undefined;
    setStatus(null);
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return { status, refresh, apply };
}
