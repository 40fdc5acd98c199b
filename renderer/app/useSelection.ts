import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/bridge';

export type Selection = { eventId: string | null; sessionId: string | null; day: number };
type Remembered = Pick<Selection, 'eventId' | 'sessionId'>;

/**
 * Which event, day and session are open. Opening an event or session is remembered in the
 * preferences, so the app reopens it on the next start. Every way of opening one goes through
 * here, and a deferred open (a click waiting for its note's read) goes ahead only if nothing
 * else was opened since it was asked for.
 */
export function useSelection() {
  const [selection, setSelection] = useState<Selection>({ eventId: null, sessionId: null, day: 1 });
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What the preferences hold now; nothing is written until they have been read.
  const remembered = useRef<Remembered | null>(null);
  // Counts every open: a deferred one checks it was the last.
  const opens = useRef(0);

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

  const openEvent = useCallback((id: string | null) => {
    opens.current += 1;
    setSelection({ eventId: id, sessionId: null, day: 1 });
  }, []);
  const openSession = useCallback((id: string | null, day?: number) => {
    opens.current += 1;
    setSelection((current) => ({ ...current, sessionId: id, day: day ?? current.day }));
  }, []);
  /** Opens the session once `ready` settles, unless another event or session was opened meanwhile; then runs `opened`. */
  const openSessionWhen = useCallback((ready: Promise<unknown>, id: string, day: number, opened?: () => void) => {
    const request = ++opens.current;
    void ready.then(() => {
      if (opens.current !== request) return;
      setSelection((current) => ({ ...current, sessionId: id, day }));
      opened?.();
    });
  }, []);
  const selectDay = useCallback((day: number) => setSelection((current) => ({ ...current, day })), []);

  return { ...selection, ready, error, openEvent, openSession, openSessionWhen, selectDay };
}
