import { useEffect, useState } from 'react';
import { api } from '../../api/bridge';
import { useTeamChanges } from './teamChanges';

/**
 * Sessions of the event whose note has a teammate's version waiting for the reporter's choice.
 * Read when the event opens, when the team's changes land, and when the window comes back (a
 * sync run from the command line meanwhile), never on a session switch.
 */
export function useWaitingSessions(eventId: string): string[] {
  const [sessionIds, setSessionIds] = useState<string[]>([]);
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
    let current = true;
    void api['team:incoming-sessions']({ eventId }).then((result) => current && result.ok && setSessionIds(result.value.sessionIds));
    return () => {
      current = false;
    };
  }, [eventId, revision]);
  return sessionIds;
}
