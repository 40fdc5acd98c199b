import { useEffect, useState } from 'react';
import type { NoteAddress, SaveStatus } from './noteSaver';
import { useNoteSaver } from './noteSaverContext';

/** The save status of one session's note, updated as saves start, finish and fail. */
export function useSaveStatus({ eventId, sessionId }: NoteAddress): SaveStatus {
  const saver = useNoteSaver();
  const [status, setStatus] = useState<SaveStatus>(() => saver.status({ eventId, sessionId }));
  useEffect(() => {
    setStatus(saver.status({ eventId, sessionId }));
    return saver.subscribe({ eventId, sessionId }, setStatus);
  }, [saver, eventId, sessionId]);
  return status;
}
