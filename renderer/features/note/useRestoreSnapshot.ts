import { useCallback } from 'react';
import { api } from '../../api/bridge';
import type { RestoreSnapshot } from '../history/HistoryDialog';
import type { NoteAddress } from './noteSaver';
import { useNoteSaver } from './noteSaverContext';

/**
 * Restores a snapshot as the note. Pending edits are saved first (so they become the
 * "before restore" snapshot), and the saver then forgets the session, so no stale pending
 * state can overwrite the restored note; `onRestored` reloads the editor from disk.
 */
export function useRestoreSnapshot(address: NoteAddress, onRestored: () => void): RestoreSnapshot {
  const saver = useNoteSaver();
  const { eventId, sessionId } = address;
  return useCallback(
    async (snapshotId: string) => {
      await saver.flush({ eventId, sessionId });
      if (saver.unsavedState({ eventId, sessionId })) {
        return {
          ok: false,
          error: { code: 'conflict', message: 'This note has changes that could not be saved yet, so it is not replaced now. Try again once saving works.' },
        };
      }
      const result = await api['history:restore']({ eventId, sessionId, snapshotId });
      if (result.ok) {
        saver.forget({ eventId, sessionId });
        onRestored();
      }
      return result;
    },
    [saver, eventId, sessionId, onRestored],
  );
}
