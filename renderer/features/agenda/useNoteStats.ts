import { useEffect, useRef, useState } from 'react';
import type { EventNoteStats } from '../../../shared/model/search';
import { api } from '../../api/bridge';
import { useNoteSaver } from '../note/noteSaverContext';

/** Saves come every half second while typing; the counts need not follow that closely. */
const REFRESH_AFTER_SAVE_MS = 1500;

/**
 * Word and TK counts of an event's notes (from the services, which cache them by file time),
 * fetched when the event opens and again shortly after a save of any note opened meanwhile:
 * never per keystroke. Null until the open event's counts have arrived (which sessions have
 * notes decides what "on now" opens).
 */
export function useNoteStats(eventId: string | null, openSessionId: string | null): EventNoteStats | null {
  const saver = useNoteSaver();
  const [stats, setStats] = useState<{ eventId: string; stats: EventNoteStats } | null>(null);
  const [version, setVersion] = useState(0);
  const watched = useRef(new Map<string, () => void>());

  useEffect(() => {
    if (!eventId) return;
    let current = true;
    void api['notes:stats']({ eventId }).then((result) => {
      if (!current) return;
      // Counts that cannot be read are no reason to hold up the agenda: it goes on without them.
      setStats((previous) => (result.ok ? { eventId, stats: result.value } : previous?.eventId === eventId ? previous : { eventId, stats: {} }));
    });
    return () => {
      current = false;
    };
  }, [eventId, version]);

  // Watch every session opened in this event: a switch saves the previous note after the switch.
  useEffect(() => {
    if (!eventId || !openSessionId || watched.current.has(openSessionId)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = saver.subscribe({ eventId, sessionId: openSessionId }, (status) => {
      if (status.kind !== 'saved') return;
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((count) => count + 1), REFRESH_AFTER_SAVE_MS);
    });
    watched.current.set(openSessionId, () => {
      clearTimeout(timer);
      unsubscribe();
    });
  }, [saver, eventId, openSessionId]);

  useEffect(() => {
    const subscriptions = watched.current;
    return () => {
      for (const stop of subscriptions.values()) stop();
      subscriptions.clear();
    };
  }, [eventId]);

  return stats?.eventId === eventId ? stats.stats : null;
}
