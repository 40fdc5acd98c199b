import { useEffect, useState } from 'react';
import type { Result } from '../../../shared/ipc/result';
import type { RestoredNote, SnapshotDetail, SnapshotSummary } from '../../../shared/model/history';
import type { NoteAddress } from '../../../shared/note/noteAddress';
import { api } from '../../api/bridge';
import { Dialog } from '../../ui/Dialog';
import { describeSnapshot } from './formatSnapshot';
import { SnapshotPreview } from './SnapshotPreview';

/** Restores a snapshot as the note; whoever shows the note knows how (pending edits are saved first). */
export type RestoreSnapshot = (snapshotId: string) => Promise<Result<RestoredNote>>;

type HistoryDialogProps = { address: NoteAddress; sessionTitle: string; restore: RestoreSnapshot; onClose: () => void };

/** The snapshots of one note, newest first; one can be previewed read-only and restored. */
export function HistoryDialog({ address, sessionTitle, restore, onClose }: HistoryDialogProps) {
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null);
  const [selected, setSelected] = useState<SnapshotDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { eventId, sessionId } = address;

  useEffect(() => {
    let current = true;
    void api['history:list']({ eventId, sessionId }).then((result) => {
      if (!current) return;
      if (result.ok) setSnapshots(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [eventId, sessionId]);

  async function preview(snapshotId: string) {
    const result = await api['history:get']({ eventId, sessionId, snapshotId });
    if (result.ok) {
      setSelected(result.value);
      setError(null);
    } else setError(result.error.message);
  }

  async function restoreSelected() {
    if (!selected) return;
    setBusy(true);
    const result = await restore(selected.id);
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  }

  return (
    <Dialog title={`History of “${sessionTitle}”`} onClose={onClose} size="large">
      <div className="history-layout">
        {snapshots && snapshots.length === 0 ? (
          <p className="history-empty">
            No snapshots yet. Hallnotes keeps the version from before each stretch of editing (at most one every five minutes), and before a restore
            or a programme import changes the note.
          </p>
        ) : (
          <ul className="snapshot-list" aria-label="Snapshots">
            {(snapshots ?? []).map((snapshot) => (
              <li key={snapshot.id}>
                <button type="button" className="snapshot-item" aria-pressed={selected?.id === snapshot.id} onClick={() => void preview(snapshot.id)}>
                  {describeSnapshot(snapshot)}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="snapshot-view">
          {selected ? <SnapshotPreview key={selected.id} eventId={eventId} editorState={selected.editorState} /> : <p className="history-empty">Choose a snapshot to see it here.</p>}
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <p className="history-hint">Restoring keeps the current text as a snapshot, so it can be brought back too.</p>
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
        <button type="button" className="button button-primary" disabled={!selected || busy} onClick={() => void restoreSelected()}>
          Restore this version
        </button>
      </div>
    </Dialog>
  );
}
