import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { EventFile, Session } from '../../../shared/model/event';
import type { Result } from '../../../shared/ipc/result';
import type { NoteAddress } from '../../../shared/note/noteAddress';
import { NoteEditor } from '../../editor/NoteEditor';
import { HistoryButton } from '../history/HistoryButton';
import { KeptVersionNotice } from './KeptVersionNotice';
import { NoteLoadFailure } from '../history/NoteLoadFailure';
import { useNoteAnalysisStore } from './noteAnalysisStore';
import { useNoteHistories } from './noteHistories';
import { useNoteSaver } from './noteSaverContext';
import { eventPhotoStore, noteSaveTarget } from './noteTargets';
import { NoteStats } from './NoteStats';
import { SaveErrorBanner, SaveIndicator } from './SaveIndicator';
import { SessionHeader } from './SessionHeader';
import { useNoteContent, type ReadyNote } from './useNoteContent';
import { useRestoreSnapshot } from './useRestoreSnapshot';
import { useTimestampParagraphs } from './useTimestampParagraphs';
import { useCaretInView } from './useCaretInView';

type NotePaneProps = {
  event: EventFile;
  session: Session;
  onStatusChange: (status: Session['status']) => Promise<Result<unknown>>;
  onEditSession: () => void;
  onTogglePick: () => void;
  focusRequest: number;
  /** A line under the note (what is next on my list). */
  footer?: ReactNode;
  /** Shown with the save messages above the note (the team's incoming versions): handed in, so this feature imports no feature that imports it. */
  noteBanner?: (note: { address: NoteAddress; sessionTitle: string; onNoteReplaced: () => void }) => ReactNode;
};

/**
 * The open session: who, when and where, and its note. The pane and its editor stay mounted
 * from session to session; the editor shows each note as it arrives, and is hidden (still
 * holding the previous note, and saving it under that note's address) while one is read.
 */
export function NotePane({ event, session, onStatusChange, onEditSession, onTogglePick, focusRequest, footer, noteBanner }: NotePaneProps) {
  const saver = useNoteSaver();
  const address = { eventId: event.id, sessionId: session.id };
  // Bumped after a snapshot is restored, so the note is read again from disk.
  const [revision, setRevision] = useState(0);
  const reload = () => setRevision((count) => count + 1);
  const content = useNoteContent(address, revision);
  const shown = useLatestReadyNote(content);
  const paneRef = useRef<HTMLElement>(null);
  useCaretInView(paneRef, '.editor-scroll', shown !== null);
  const shownEventId = shown?.address.eventId;
  const shownSessionId = shown?.address.sessionId;
  // One target per note shown, so the editor can tell one note from the next (a photo copied for the one before).
  const saveTarget = useMemo(
    () => (shownEventId && shownSessionId ? noteSaveTarget(saver, { eventId: shownEventId, sessionId: shownSessionId }) : null),
    [saver, shownEventId, shownSessionId],
  );
  const photos = useMemo(() => eventPhotoStore(event.id), [event.id]);
  const histories = useNoteHistories();
  const history = useMemo(() => (shown ? histories.take(shown) : undefined), [histories, shown]);
  const restore = useRestoreSnapshot(address, reload);
  const restoreShown = useRestoreSnapshot(shown?.address ?? address, reload);
  const [statusError, setStatusError] = useState<{ sessionId: string; message: string } | null>(null);
  const analysisStore = useNoteAnalysisStore(shown?.key);
  const [timestampParagraphs, setTimestampParagraphs] = useTimestampParagraphs();

  async function changeStatus(status: Session['status']) {
    const sessionId = session.id;
    const result = await onStatusChange(status);
    setStatusError(result.ok ? null : { sessionId, message: result.error.message });
  }

  return (
    <section className="note-pane" aria-label="Note" ref={paneRef}>
      <SessionHeader session={session} onStatusChange={(status) => void changeStatus(status)} onEdit={onEditSession} onTogglePick={onTogglePick} />
      {statusError?.sessionId === session.id && (
        <p className="note-message note-message-error" role="alert">
          {statusError.message}
        </p>
      )}
      {content.state === 'loading' && <p className="note-message">Opening the note…</p>}
      {content.state === 'failed' && (
        <NoteLoadFailure
          key={`${address.eventId}/${address.sessionId}`}
          address={address}
          sessionTitle={session.title}
          message={content.message}
          restore={restore}
          onResolved={reload}
        />
      )}
      {shown && saveTarget && (
        <NoteEditor
          noteKey={shown.key}
          noteState={shown.editorState}
          saveTarget={saveTarget}
          photos={photos}
          history={history}
          hidden={content.state !== 'ready'}
          speakers={session.speakers}
          timeZone={event.timezone}
          timestampNewParagraphs={timestampParagraphs}
          onTimestampNewParagraphsChange={setTimestampParagraphs}
          onAnalysis={analysisStore.publish}
          focusRequest={focusRequest}
          toolbarEnd={
            <>
              <HistoryButton address={shown.address} sessionTitle={session.title} restore={restoreShown} />
              <SaveIndicator address={shown.address} loadedSavedAt={shown.savedAt} />
            </>
          }
          belowToolbar={
            <>
              <SaveErrorBanner address={shown.address} />
              <KeptVersionNotice address={shown.address} />
              {noteBanner?.({ address: shown.address, sessionTitle: session.title, onNoteReplaced: reload })}
            </>
          }
        />
      )}
      {content.state === 'ready' && <NoteStats store={analysisStore} />}
      {footer}
    </section>
  );
}

/** The note ready now, or while another is read (or cannot be), the last one that was: the editor keeps it. */
function useLatestReadyNote(content: ReturnType<typeof useNoteContent>): ReadyNote | null {
  const [latest, setLatest] = useState<ReadyNote | null>(content.state === 'ready' ? content : null);
  if (content.state === 'ready' && content !== latest) {
    setLatest(content);
    return content;
  }
  return latest;
}
