import { useState } from 'react';
import type { IncomingVersion } from '../../../shared/model/team';
import { api } from '../../api/bridge';
import type { NoteAddress } from '../note/noteSaver';
import { useNoteSaver } from '../note/noteSaverContext';
import { CompareVersionsDialog } from './CompareVersionsDialog';
import { announceTeamChange, useTeamChanges } from './teamChanges';
import { useIncomingVersions } from './useIncomingVersions';

type IncomingVersionsBannerProps = {
  address: NoteAddress;
  sessionTitle: string;
  /** The event's waiting list names this note: a teammate's version is there to read. */
  waiting: boolean;
  /** The note on disk was replaced (their version chosen, or a sync brought a newer one): read it again. */
  onNoteReplaced: () => void;
};

const timeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * The marker on a note both the reporter and a teammate changed: whose version came in, and
 * the choice — use theirs, keep mine, or compare both side by side to combine them.
 */
export function IncomingVersionsBanner({ address, sessionTitle, waiting, onNoteReplaced }: IncomingVersionsBannerProps) {
  const saver = useNoteSaver();
  const { versions, reload } = useIncomingVersions(address, waiting);
  const [comparing, setComparing] = useState<IncomingVersion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useTeamChanges((change) => {
    if (change.eventId === address.eventId && change.notesReplaced.includes(address.sessionId)) onNoteReplaced();
  });

  if (versions.length === 0) return null;
  const version = versions[0];

  async function choose(choice: 'theirs' | 'mine', chosen: IncomingVersion = version) {
    setBusy(true);
    await saver.flush(address);
    const result = await api['team:resolve']({ ...address, versionId: chosen.versionId, choice });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setComparing(null);
    reload();
    if (result.value.noteReplaced) {
      saver.forget(address);
      onNoteReplaced();
    }
    announceTeamChange({ eventId: address.eventId, notesReplaced: [] });
  }

  return (
    <div className="incoming-banner" role="region" aria-label="A teammate’s version of this note">
      <p title="Yours is shown; theirs is kept (and in History) until you choose.">
        <strong>{version.author}’s version</strong> came in ({version.words} {version.words === 1 ? 'word' : 'words'}, {timeFormat.format(new Date(version.savedAt))}): you both changed this note.
        {versions.length > 1 && ` ${versions.length - 1} more after this one.`}
      </p>
      <div className="incoming-actions">
        <button type="button" className="button button-small" disabled={busy} onClick={() => setComparing(version)}>
          Compare both
        </button>
        <button type="button" className="button button-small" disabled={busy} onClick={() => void choose('theirs')}>
          Use {version.author}’s
        </button>
        <button type="button" className="button button-small" disabled={busy} onClick={() => void choose('mine')}>
          Keep mine
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {comparing && (
        <CompareVersionsDialog
          address={address}
          sessionTitle={sessionTitle}
          version={comparing}
          busy={busy}
          onChoose={(choice) => void choose(choice, comparing)}
          onClose={() => setComparing(null)}
        />
      )}
    </div>
  );
}
