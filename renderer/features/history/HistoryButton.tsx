import { useState } from 'react';
import type { NoteAddress } from '../note/noteSaver';
import { HistoryDialog } from './HistoryDialog';

type HistoryButtonProps = { address: NoteAddress; sessionTitle: string; onRestored: () => void };

/** Opens the note's version history. */
export function HistoryButton({ address, sessionTitle, onRestored }: HistoryButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small history-button" onClick={() => setOpen(true)} title="Earlier versions of this note">
        History
      </button>
      {open && <HistoryDialog address={address} sessionTitle={sessionTitle} onClose={() => setOpen(false)} onRestored={onRestored} />}
    </>
  );
}
