import { useEffect, useState } from 'react';
import type { IncomingVersion } from '../../../shared/model/team';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { api } from '../../api/bridge';
import { Dialog } from '../../ui/Dialog';
import { SnapshotPreview } from '../history/SnapshotPreview';
import type { NoteAddress } from '../note/noteSaver';
import { useNoteSaver } from '../note/noteSaverContext';

type CompareVersionsDialogProps = {
  address: NoteAddress;
  sessionTitle: string;
  version: IncomingVersion;
  busy: boolean;
  onChoose: (choice: 'theirs' | 'mine') => void;
  onClose: () => void;
};

/** Both versions side by side, read-only: copy from theirs into yours, then keep yours, or use theirs whole. */
export function CompareVersionsDialog({ address, sessionTitle, version, busy, onChoose, onClose }: CompareVersionsDialogProps) {
  const saver = useNoteSaver();
  const [mine, setMine] = useState<SerializedNoteState | null>(null);

  useEffect(() => {
    let current = true;
    void saver.flush(address).then(async () => {
      const result = await api['notes:load'](address);
      if (current && result.ok) setMine(result.value.note?.editorState ?? null);
    });
    return () => {
      current = false;
    };
  }, [address.eventId, address.sessionId, saver]);

  return (
    <Dialog title={`Two versions of “${sessionTitle}”`} onClose={onClose} size="large">
      <div className="compare-versions">
        <section aria-label="Your version">
          <h3>Yours</h3>
          {mine ? <SnapshotPreview key="mine" eventId={address.eventId} editorState={mine} /> : <p className="history-empty">Reading your note…</p>}
        </section>
        <section aria-label={`${version.author}’s version`}>
          <h3>{version.author}’s</h3>
          <SnapshotPreview key={version.versionId} eventId={address.eventId} editorState={version.editorState} />
        </section>
      </div>
      <div className="dialog-actions">
        <p className="history-hint">To combine them: copy what you need from theirs, go back to your note, paste it into your note, then choose “Keep mine”. Either way the other version stays in History.</p>
        <button type="button" className="button" onClick={onClose}>
          Back to my note
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onChoose('theirs')}>
          Use {version.author}’s
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => onChoose('mine')}>
          Keep mine
        </button>
      </div>
    </Dialog>
  );
}
