import { useState } from 'react';
import type { EventFile } from '../../../shared/model/event';
import type { TrashRestored } from '../../../shared/model/trash';
import { api } from '../../api/bridge';
import { TrashIcon } from '../../ui/icons';
import { TrashDialog } from './TrashDialog';

type TrashButtonProps = {
  /** The event chosen in the library, shown again when it or one of its sessions comes back. */
  openEventId: string | null;
  onLibraryChanged: () => void;
  onOpenEventChanged: (event: EventFile) => void;
};

/** At the foot of the library pane: opens the trash, and refreshes what a restore changed. */
export function TrashButton({ openEventId, onLibraryChanged, onOpenEventChanged }: TrashButtonProps) {
  const [open, setOpen] = useState(false);

  async function restored({ eventId }: TrashRestored) {
    onLibraryChanged();
    if (eventId !== openEventId) return;
    const result = await api['events:get']({ eventId });
    if (result.ok) onOpenEventChanged(result.value);
  }

  return (
    <>
      <button type="button" className="button button-small trash-button" onClick={() => setOpen(true)}>
        <TrashIcon /> Trash
      </button>
      {open && <TrashDialog onClose={() => setOpen(false)} onRestored={(value) => void restored(value)} />}
    </>
  );
}
