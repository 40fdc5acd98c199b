import { useEffect, useState } from 'react';
import { api } from '../../api/bridge';
import { useTeamChanges } from './teamChanges';

const NONE: string[] = [];

/**
 * Sessions of the open event whose note has a teammate's version waiting for the reporter's
 * choice: the agenda's marker, the Team button's count, the note's banner. Read when the event
 * opens, when the team's changes land, and when the window comes back (a sync run from the
 * command line meanwhile), never on a session switch.
 */
export function useWaitingSessions(eventId: string | null): string[] {
  const [read, setRead] = useState<{ eventId: string; sessionIds: string[] } | null>(null);
  const [revision, setRevision] = useState(0);
  useTeamChanges((change) => change.eventId === eventId && setRevision((count) => count + 1));
  useEffect(() => {
    const readAgain = () => document.visibilityState === 'visible' && setRevision((count) => count + 1);
    window.addEventListener('focus', readAgain);
    document.addEventListener('visibilitychange', readAgain);
    return () => {
      window.removeEventListener('focus', readAgain);
      document.removeEventListener('visibilitychange', readAgain);
    };
  }, []);
  useEffect(() => {
    if (eventId === null) return;
    let current = true;
    void api['team:incoming-sessions']({ eventId }).then((result) => current && result.ok && setRead({ eventId, sessionIds: result.value.sessionIds }));
    return () => {
      current = false;
    };
  }, [eventId, revision]);
  // Another event's list is not this one's, while this one's is read.
  return read && read.eventId === eventId ? read.sessionIds : NONE;
}
