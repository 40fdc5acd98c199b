import { useEffect, useState } from 'react';
import { api } from '../../api/bridge';
import { useTeamChanges } from './teamChanges';

/** Sessions of the event whose note has a teammate's version waiting for the reporter's choice. */
export function useWaitingSessions(eventId: string): string[] {
  const [sessionIds, setSessionIds] = useState<string[]>([]);
  const [revision, setRevision] = useState(0);
  useTeamChanges((change) => change.eventId === eventId && setRevision((count) => count + 1));
  useEffect(() => {
    let current = true;
    void api['team:incoming-sessions']({ eventId }).then((result) => current && result.ok && setSessionIds(result.value.sessionIds));
    return () => {
      current = false;
    };
  }, [eventId, revision]);
  return sessionIds;
}
