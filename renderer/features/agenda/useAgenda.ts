import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/bridge';
import type { EventChanges, EventFile, Session, SessionChanges, SessionDraft } from '../../../shared/model/event';
import type { Result } from '../../../shared/ipc/result';

export type Agenda = {
  event: EventFile | null;
  error: string | null;
  show: (event: EventFile) => void;
  updateEvent: (changes: EventChanges) => Promise<Result<EventFile>>;
  addSession: (draft: SessionDraft) => Promise<Result<Session>>;
  updateSession: (sessionId: string, changes: SessionChanges) => Promise<Result<Session>>;
  deleteSession: (sessionId: string) => Promise<Result<EventFile>>;
  moveSession: (sessionId: string, offset: -1 | 1) => Promise<Result<EventFile>>;
};

/** The open event and every change to it; each change returns the service's updated event. */
export function useAgenda(eventId: string | null): Agenda {
  const [event, setEvent] = useState<EventFile | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!eventId) {
      setEvent(null);
      return;
    }
    let current = true;
    setError(null);
    void api['events:get']({ eventId }).then((result) => {
      if (!current) return;
      if (result.ok) setEvent(result.value);
      else {
        setEvent(null);
        setError(result.error.message);
      }
    });
    return () => {
      current = false;
    };
  }, [eventId]);

  const apply = useCallback(<T,>(result: Result<T>, eventOf: (value: T) => EventFile): Result<T> => {
    if (result.ok) setEvent(eventOf(result.value));
    return result;
  }, []);

  const updateEvent = useCallback(
    async (changes: EventChanges) => (eventId ? apply(await api['events:update']({ eventId, changes }), (value) => value) : noEvent()),
    [eventId, apply],
  );

  const addSession = useCallback(
    async (draft: SessionDraft): Promise<Result<Session>> => {
      if (!eventId) return noEvent();
      const result = apply(await api['sessions:add']({ eventId, session: draft }), (value) => value.event);
      return result.ok ? { ok: true, value: result.value.session } : result;
    },
    [eventId, apply],
  );

  const updateSession = useCallback(
    async (sessionId: string, changes: SessionChanges): Promise<Result<Session>> => {
      if (!eventId) return noEvent();
      const result = apply(await api['sessions:update']({ eventId, sessionId, changes }), (value) => value.event);
      return result.ok ? { ok: true, value: result.value.session } : result;
    },
    [eventId, apply],
  );

  const deleteSession = useCallback(
    async (sessionId: string) => (eventId ? apply(await api['sessions:delete']({ eventId, sessionId }), (value) => value) : noEvent()),
    [eventId, apply],
  );

  const moveSession = useCallback(
    async (sessionId: string, offset: -1 | 1): Promise<Result<EventFile>> => {
      const session = event?.sessions.find((candidate) => candidate.id === sessionId);
      if (!eventId || !event || !session) return noEvent();
      const ids = event.sessions.filter((candidate) => candidate.day === session.day).map((candidate) => candidate.id);
      const from = ids.indexOf(sessionId);
      const to = from + offset;
      if (to < 0 || to >= ids.length) return { ok: true, value: event };
      [ids[from], ids[to]] = [ids[to], ids[from]];
      return apply(await api['sessions:reorder']({ eventId, day: session.day, sessionIds: ids }), (value) => value);
    },
    [eventId, event, apply],
  );

  // While another event loads, the previous one is not shown under the new selection.
  const shown = event && event.id === eventId ? event : null;
  // Shown from elsewhere (a trash restore, a recovery): an earlier failure to open it is over.
  const show = useCallback((next: EventFile) => {
    setError(null);
    setEvent(next);
  }, []);
  return { event: shown, error, show, updateEvent, addSession, updateSession, deleteSession, moveSession };
}

function noEvent(): Result<never> {
  return { ok: false, error: { code: 'not-found', message: 'No event is open.' } };
}
