import { useState } from 'react';
import type { EventFile } from '../../../shared/model/event';
import { api } from '../../api/bridge';
import { describeSyncState } from './formatSync';
import { TeamDialog } from './TeamDialog';
import { useSyncStatus } from './useSyncStatus';

type TeamButtonProps = {
  event: EventFile;
  onOpenEventChanged: (event: EventFile) => void;
  onOpenEvent: (eventId: string) => void;
  onLibraryChanged: () => void;
  onOpenSession: (sessionId: string, day: number) => void;
  /** Sessions with a teammate's version waiting (useWaitingSessions). */
  waitingSessionIds: string[];
};

/** Under the agenda: opens the Team panel, and says when the event last synced. */
export function TeamButton(props: TeamButtonProps) {
  const [open, setOpen] = useState(false);
  const { event, onOpenEventChanged } = props;
  const sync = useSyncStatus(event.id, () => {
    void api['events:get']({ eventId: event.id }).then((result) => result.ok && onOpenEventChanged(result.value));
  });
  const waiting = props.waitingSessionIds.length;
  const state = [waiting > 0 ? `${waiting} ${waiting === 1 ? 'note' : 'notes'} with two versions` : null, sync.status?.remoteUrl ? describeSyncState(sync.status) : null].filter(Boolean).join(' · ');

  return (
    <>
      <button type="button" className="button add-session team-button" onClick={() => setOpen(true)} title="Hand the event over as a bundle, import a colleague's, or sync through Git">
        Team{state && <span className="team-button-state"> · {state}</span>}
      </button>
      {open && <TeamDialog {...props} syncStatus={sync.status} onSyncStatus={sync.apply} onClose={() => setOpen(false)} />}
    </>
  );
}
