import { useState } from 'react';
import type { EventFile, Session } from '../../../shared/model/event';
import type { Result } from '../../../shared/ipc/result';
import { NoteEditor } from '../../editor/NoteEditor';
import { HistoryButton } from '../history/HistoryButton';
import { NoteLoadFailure } from '../history/NoteLoadFailure';
import { useNewNoteAnalysisStore } from './noteAnalysisStore';
import { NoteStats } from './NoteStats';
import { SaveErrorBanner, SaveIndicator } from './SaveIndicator';
import { SessionHeader } from './SessionHeader';
import { useNoteContent } from './useNoteContent';
import { useTimestampParagraphs } from './useTimestampParagraphs';

type NotePaneProps = {
  event: EventFile;
  session: Session;
  onStatusChange: (status: Session['status']) => Promise<Result<unknown>>;
  onEditSession: () => void;
  focusRequest: number;
};

/** The open session: who, when and where, and its note. */
export function NotePane({ event, session, onStatusChange, onEditSession, focusRequest }: NotePaneProps) {
  const address = { eventId: event.id, sessionId: session.id };
  // Bumped after a snapshot is restored, so the note is read again from disk.
  const [revision, setRevision] = useState(0);
  const reload = () => setRevision((count) => count + 1);
  const content = useNoteContent(address, revision);
  const [statusError, setStatusError] = useState<string | null>(null);
  const analysisStore = useNewNoteAnalysisStore();
  const [timestampParagraphs, setTimestampParagraphs] = useTimestampParagraphs();

  async function changeStatus(status: Session['status']) {
    const result = await onStatusChange(status);
    setStatusError(result.ok ? null : result.error.message);
  }

  return (
    <section className="note-pane" aria-label="Note">
      <SessionHeader session={session} onStatusChange={(status) => void changeStatus(status)} onEdit={onEditSession} />
      {statusError && (
        <p className="note-message note-message-error" role="alert">
          {statusError}
        </p>
      )}
      {content.state === 'loading' && <p className="note-message">Opening the note…</p>}
      {content.state === 'failed' && <NoteLoadFailure address={address} sessionTitle={session.title} message={content.message} onResolved={reload} />}
      {content.state === 'ready' && (
        <>
          <NoteEditor
            key={content.key}
            address={address}
            initialState={content.initialState}
            speakers={session.speakers}
            timeZone={event.timezone}
            timestampNewParagraphs={timestampParagraphs}
            onTimestampNewParagraphsChange={setTimestampParagraphs}
            onAnalysis={analysisStore.publish}
            focusRequest={focusRequest}
            toolbarEnd={
              <>
                <HistoryButton address={address} sessionTitle={session.title} onRestored={reload} />
                <SaveIndicator address={address} loadedSavedAt={content.savedAt} />
              </>
            }
            belowToolbar={<SaveErrorBanner address={address} />}
          />
          <NoteStats store={analysisStore} />
        </>
      )}
    </section>
  );
}
