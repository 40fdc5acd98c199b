import { useEffect, useState } from 'react';
import type { DamageReport } from '../../../shared/model/history';
import type { NoteAddress } from '../../../shared/note/noteAddress';
import { api } from '../../api/bridge';
import { describeSnapshot, formatSnapshotTime } from './formatSnapshot';
import { HistoryDialog, type RestoreSnapshot } from './HistoryDialog';

type NoteLoadFailureProps = {
  address: NoteAddress;
  sessionTitle: string;
  message: string;
  /** Restores a snapshot as the note; the note is read again once it has. */
  restore: RestoreSnapshot;
  /** The note is fine again (started empty): read it again. */
  onResolved: () => void;
};

/**
 * Shown instead of the editor when a note cannot be opened. A damaged note (moved to
 * quarantine) offers its latest snapshot, the full history, or an empty start; it is never
 * opened empty without that choice.
 */
export function NoteLoadFailure({ address, sessionTitle, message, restore, onResolved }: NoteLoadFailureProps) {
  const [report, setReport] = useState<DamageReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const { eventId, sessionId } = address;

  useEffect(() => {
    let current = true;
    void api['history:damage']({ eventId, sessionId }).then((result) => current && result.ok && setReport(result.value));
    return () => {
      current = false;
    };
  }, [eventId, sessionId]);

  const damage = report?.damage;
  if (!damage) {
    return (
      <p className="note-message note-message-error" role="alert">
        {message}
      </p>
    );
  }

  async function restoreLatest() {
    const result = await restore(report!.latestSnapshot!.id);
    if (!result.ok) setError(result.error.message);
  }

  async function startEmpty() {
    const result = await api['history:dismiss-damage']({ eventId, sessionId });
    if (result.ok) onResolved();
    else setError(result.error.message);
  }

  return (
    <section className="damaged-note" role="alert" aria-label="Damaged note">
      <h3>This note was damaged</h3>
      <p>
        The note for “{damage.sessionTitle}” could not be read on {formatSnapshotTime(damage.damagedAt)} ({damage.reason}). The damaged file was
        moved, unchanged, to <code>{damage.movedTo}</code>. Every other note is fine.
      </p>
      {report.latestSnapshot ? (
        <p>Latest snapshot: {describeSnapshot(report.latestSnapshot)}.</p>
      ) : (
        <p>There is no snapshot of this note to go back to.</p>
      )}
      {error && <p className="form-error">{error}</p>}
      <div className="damaged-note-actions">
        {report.latestSnapshot && (
          <button type="button" className="button button-primary" onClick={() => void restoreLatest()}>
            Restore the snapshot from {formatSnapshotTime(report.latestSnapshot.takenAt)}
          </button>
        )}
        {report.latestSnapshot && (
          <button type="button" className="button" onClick={() => setShowHistory(true)}>
            See all snapshots
          </button>
        )}
        <button type="button" className="button" onClick={() => void startEmpty()}>
          Start an empty note
        </button>
      </div>
      {showHistory && <HistoryDialog address={address} sessionTitle={sessionTitle} restore={restore} onClose={() => setShowHistory(false)} />}
    </section>
  );
}
