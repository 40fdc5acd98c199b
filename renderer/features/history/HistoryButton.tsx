import { useState } from 'react';
import type { NoteAddress } from '../../../shared/note/noteAddress';
import { HistoryDialog, type RestoreSnapshot } from './HistoryDialog';

type HistoryButtonProps = {
  address: NoteAddress;
  sessionTitle: string;
  /** Restores a snapshot as the note (the note pane knows how: pending edits are saved first). */
  restore: RestoreSnapshot;
};

/** Opens the note's version history. */
export function HistoryButton({ address, sessionTitle, restore }: HistoryButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small history-button" onClick={() => setOpen(true)} title="Earlier versions of this note">
        History
      </button>
      {open && <HistoryDialog address={address} sessionTitle={sessionTitle} restore={restore} onClose={() => setOpen(false)} />}
    </>
  );
}
