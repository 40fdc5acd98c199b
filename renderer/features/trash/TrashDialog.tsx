import { useCallback, useEffect, useState } from 'react';
import type { TrashEntry, TrashRestored } from '../../../shared/model/trash';
import { api } from '../../api/bridge';
import { Dialog } from '../../ui/Dialog';
import { formatSnapshotTime } from '../history/formatSnapshot';

type TrashDialogProps = { onClose: () => void; onRestored: (restored: TrashRestored) => void };

/** Deleted events and sessions: each can be put back; the whole trash can be emptied for good. */
export function TrashDialog({ onClose, onRestored }: TrashDialogProps) {
  const [entries, setEntries] = useState<TrashEntry[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);

  const load = useCallback(async () => {
    const result = await api['trash:list']({});
    if (result.ok) setEntries(result.value.entries);
    else setMessage({ text: result.error.message, error: true });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function restore(entry: TrashEntry) {
    const result = await api['trash:restore']({ entryId: entry.id });
    if (result.ok) {
      setMessage({ text: `“${result.value.title}” is back.`, error: false });
      onRestored(result.value);
    } else setMessage({ text: result.error.message, error: true });
    await load();
  }

  async function empty() {
    const result = await api['trash:empty']({});
    setConfirmEmpty(false);
    setMessage(result.ok ? { text: `Erased ${result.value.removed} item(s) for good.`, error: false } : { text: result.error.message, error: true });
    await load();
  }

  return (
    <Dialog title="Trash" onClose={onClose}>
      <div className="dialog-body">
        {entries && entries.length === 0 && <p className="history-empty">The trash is empty.</p>}
        {entries && entries.length > 0 && (
          <ul className="trash-list" aria-label="Deleted items">
            {entries.map((entry) => (
              <li key={entry.id} className="trash-item">
                <span className="trash-item-text">
                  <span className="trash-item-title">{entry.title}</span>
                  <span className="trash-item-meta">{describeEntry(entry)}</span>
                </span>
                <button type="button" className="button button-small" onClick={() => void restore(entry)} aria-label={`Restore “${entry.title}”`}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        )}
        {message && (
          <p className={message.error ? 'form-error' : 'trash-message'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        {confirmEmpty ? (
          <>
            <span className="history-hint">Erase everything in the trash for good?</span>
            <button type="button" className="button" onClick={() => setConfirmEmpty(false)}>
              Keep
            </button>
            <button type="button" className="button button-danger" onClick={() => void empty()}>
              Erase for good
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" disabled={!entries || entries.length === 0} onClick={() => setConfirmEmpty(true)}>
              Empty trash…
            </button>
            <button type="button" className="button button-primary" onClick={onClose}>
              Done
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}

function describeEntry(entry: TrashEntry): string {
  const deleted = entry.deletedAt ? `deleted ${formatSnapshotTime(entry.deletedAt)}` : 'deleted';
  if (entry.kind === 'event') return `Event · ${entry.sessions ?? '?'} sessions · ${deleted}`;
  return `Session of ${entry.eventTitle ? `“${entry.eventTitle}”` : 'a deleted event'} · ${entry.words ?? 0} words · ${deleted}`;
}
