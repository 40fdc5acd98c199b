import { useState } from 'react';
import type { EventFile } from '../../../shared/model/event';
import type { BundleExportOutcome, SyncStatus } from '../../../shared/model/team';
import { api } from '../../api/bridge';
import { Dialog } from '../../ui/Dialog';
import { useNoteSaver } from '../note/noteSaverContext';
import { BundleImportButton } from './BundleImportButton';
import { SyncPanel } from './SyncPanel';

type TeamDialogProps = {
  event: EventFile;
  syncStatus: SyncStatus | null;
  onSyncStatus: (status: SyncStatus) => void;
  onOpenEventChanged: (event: EventFile) => void;
  onOpenEvent: (eventId: string) => void;
  onLibraryChanged: () => void;
  onOpenSession: (sessionId: string, day: number) => void;
  /** Sessions with a teammate's version waiting (useWaitingSessions). */
  waitingSessionIds: string[];
  onClose: () => void;
};

/** Working as a team on this event: hand over a bundle, import one, sync through Git, and the notes with a teammate's version waiting. */
export function TeamDialog(props: TeamDialogProps) {
  const { event, onClose } = props;
  const saver = useNoteSaver();
  const [includePrivate, setIncludePrivate] = useState(false);
  const [exported, setExported] = useState<BundleExportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const waiting = props.waitingSessionIds;

  async function exportBundle() {
    setBusy(true);
    await saver.flushAll();
    const result = await api['bundle:export']({ eventId: event.id, includePrivate });
    setBusy(false);
    if (result.ok) {
      setExported(result.value);
      setError(null);
    } else setError(result.error.message);
  }

  return (
    <Dialog title={`Working as a team on “${event.title}”`} onClose={onClose} size="large">
      <div className="dialog-body team-dialog">
        <section className="team-section" aria-labelledby="bundle-heading">
          <h3 id="bundle-heading">Event bundle</h3>
          <p className="field-hint">
            One .hallnotes file with the agenda, every note, the photos and the posts: hand it over on a USB stick or by mail. Importing merges it session by session; a note
            both of you changed keeps both versions.
          </p>
          <label className="team-checkbox">
            <input type="checkbox" checked={includePrivate} onChange={(change) => setIncludePrivate(change.target.checked)} /> Include my private notes (only for my own backup)
          </label>
          <div className="sync-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void exportBundle()}>
              Export bundle…
            </button>
            <BundleImportButton
              className="button"
              openEventId={event.id}
              onOpenEventChanged={props.onOpenEventChanged}
              onOpenEvent={props.onOpenEvent}
              onLibraryChanged={props.onLibraryChanged}
            />
          </div>
          {exported?.status === 'written' && (
            <p className="bundle-written" role="status">
              Saved {exported.path}: {exported.sessions} sessions, {exported.notes} notes, {exported.photos} photos,{' '}
              {exported.includesPrivate ? 'with your private notes (keep this file to yourself)' : 'private notes left out'}.
              {exported.leftOut.length > 0 && ` Left out (could not be read): ${exported.leftOut.map((note) => `“${note.sessionTitle}”`).join(', ')}.`}
            </p>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </section>
        {waiting.length > 0 && (
          <section className="team-section" aria-labelledby="waiting-heading">
            <h3 id="waiting-heading">Notes with a teammate’s version waiting</h3>
            <ul className="waiting-list">
              {waiting.map((sessionId) => {
                const session = event.sessions.find((candidate) => candidate.id === sessionId);
                return session ? (
                  <li key={sessionId}>
                    <button
                      type="button"
                      className="team-link"
                      onClick={() => {
                        props.onOpenSession(session.id, session.day);
                        onClose();
                      }}
                    >
                      {session.start} {session.title}
                    </button>
                  </li>
                ) : null;
              })}
            </ul>
          </section>
        )}
        <SyncPanel eventId={event.id} status={props.syncStatus} onStatus={props.onSyncStatus} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
