import { useState } from 'react';
import type { EventFile, Session } from '../../../shared/model/event';
import type { Result } from '../../../shared/ipc/result';
import { NoteEditor } from '../../editor/NoteEditor';
import { SaveErrorBanner, SaveIndicator } from './SaveIndicator';
import { SessionHeader } from './SessionHeader';
import { useNoteContent } from './useNoteContent';

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
  const content = useNoteContent(address);
  const [statusError, setStatusError] = useState<string | null>(null);

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
      {content.state === 'failed' && (
        <p className="note-message note-message-error" role="alert">
          {content.message}
        </p>
      )}
      {content.state === 'ready' && (
        <NoteEditor key={content.key} address={address} initialState={content.initialState} focusRequest={focusRequest}
          toolbarEnd={<SaveIndicator address={address} loadedSavedAt={content.savedAt} />}
          belowToolbar={<SaveErrorBanner address={address} />} />
      )}
    </section>
  );
}
