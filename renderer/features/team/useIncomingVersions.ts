import { useCallback, useEffect, useState } from 'react';
import type { IncomingVersion } from '../../../shared/model/team';
import { api } from '../../api/bridge';
import type { NoteAddress } from '../note/noteSaver';
import { useTeamChanges } from './teamChanges';

/**
 * Teammates' versions of the open note, read again whenever the team's changes land for its
 * event. Only a note the event's waiting list names (`waiting`, see useWaitingSessions) is
 * read: most notes have none, and a request on every switch slowed it (the host reads the
 * event to answer).
 */
export function useIncomingVersions(address: NoteAddress, waiting: boolean): { versions: IncomingVersion[]; reload: () => void } {
  const { eventId, sessionId } = address;
  const [loaded, setLoaded] = useState<{ key: string; versions: IncomingVersion[] }>({ key: '', versions: [] });
  const [revision, setRevision] = useState(0);
  const reload = useCallback(() => setRevision((count) => count + 1), []);
  const key = `${eventId}/${sessionId}`;

  useEffect(() => {
    if (!waiting) return;
    let current = true;
    void api['team:incoming']({ eventId, sessionId }).then((result) => {
      if (current) setLoaded({ key, versions: result.ok ? result.value : [] });
    });
    return () => {
      current = false;
    };
  }, [eventId, sessionId, key, revision, waiting]);

  useTeamChanges((change) => {
    if (change.eventId === eventId) reload();
  });
  return { versions: waiting && loaded.key === key ? loaded.versions : [], reload };
}
