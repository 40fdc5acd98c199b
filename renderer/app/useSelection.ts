import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/bridge';

export type Selection = { eventId: string | null; sessionId: string | null; day: number };
type Remembered = Pick<Selection, 'eventId' | 'sessionId'>;

/**
 * Which event, day and session are open. Opening an event or session is remembered in the
 * preferences, so the app reopens it on the next start.
 */
export function useSelection() {
  const [selection, setSelection] = useState<Selection>({ eventId: null, sessionId: null, day: 1 });
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What the preferences hold now; nothing is written until they have been read.
  const remembered = useRef<Remembered | null>(null);

  useEffect(() => {
    let current = true;
    void api['preferences:get']({}).then((result) => {
      if (!current) return;
      const restored = result.ok ? { eventId: result.value.lastEventId, sessionId: result.value.lastSessionId } : { eventId: null, sessionId: null };
      if (!result.ok) setError(result.error.message);
      remembered.current = restored;
      setSelection({ ...restored, day: 1 });
      setReady(true);
    });
    return () => {
      current = false;
    };
  }, []);

  const { eventId, sessionId } = selection;
  useEffect(() => {
    const known = remembered.current;
    if (!known || (known.eventId === eventId && known.sessionId === sessionId)) return;
    remembered.current = { eventId, sessionId };
    // Written once the switch has been painted: the request must not delay the new note.
    const idle = requestIdleCallback(
      () =>
        void api['preferences:set']({ lastEventId: eventId, lastSessionId: sessionId }).then((result) => {
          if (!result.ok) setError(result.error.message);
        }),
      { timeout: 300 },
    );
    return () => cancelIdleCallback(idle);
  }, [eventId, sessionId]);

  const openEvent = useCallback((id: string | null) => setSelection({ eventId: id, sessionId: null, day: 1 }), []);
  const openSession = useCallback((id: string | null, day?: number) => setSelection((current) => ({ ...current, sessionId: id, day: day ?? current.day })), []);
  const selectDay = useCallback((day: number) => setSelection((current) => ({ ...current, day })), []);

  return { ...selection, ready, error, openEvent, openSession, selectDay };
}
