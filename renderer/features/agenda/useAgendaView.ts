import { useCallback, useMemo, useRef, useState } from 'react';
import { eventDayCount, type EventFile, type Session } from '../../../shared/model/event';
import { myDaySessions } from '../../../shared/model/myDay';
import type { OnNowReason } from '../../../shared/model/onNow';
import type { EventNoteStats } from '../../../shared/model/search';
import { filterWords, matchesWords, searchableText } from './sessionFilter';

export type AgendaViewName = 'my-day' | 'all';

/** Sessions the reporter is asked to choose from: several on now, none of them more likely. */
export type OnNowChoice = { day: number; sessionIds: string[]; reason: OnNowReason };

type ViewState = { eventId: string | null; view: AgendaViewName; text: string; room: string | null; choice: OnNowChoice | null };

export type AgendaView = Omit<ViewState, 'eventId'> & {
  /** Every room or track of the event, in natural order. */
  rooms: string[];
  /** A filter (text, room or a choice) narrows All sessions. */
  filtering: boolean;
  setView: (view: AgendaViewName) => void;
  setText: (text: string) => void;
  setRoom: (room: string | null) => void;
  clearFilter: () => void;
  /** Shows the sessions to choose from, in All sessions, with no other filter. */
  offerChoice: (choice: OnNowChoice) => void;
  clearChoice: () => void;
  /** What the list shows for one day, in its order. */
  sessionsOfDay: (day: number) => Session[];
  /** With a filter: how many sessions match on each day (index 0 is day 1). */
  matchesByDay: number[] | null;
  /** Every day's shown sessions in turn: what next and previous session step through. */
  orderedSessions: () => Session[];
  /** Makes sure the list shows the session: a filter or My day hiding it gives way to All sessions. */
  reveal: (sessionId: string) => void;
  hasNote: (sessionId: string) => boolean;
};

/**
 * How the open event's agenda is shown: My day (my picks and the sessions I have notes in) or
 * All sessions with type-to-filter and a room filter. My day is the default once anything is
 * picked; the choice is kept while the event stays open.
 */
export function useAgendaView(event: EventFile | null, stats: EventNoteStats | null): AgendaView {
  const eventId = event?.id ?? null;
  const [stored, setStored] = useState<ViewState>(() => initialState(event));
  let state = stored;
  if (stored.eventId !== eventId) {
    state = initialState(event);
    setStored(state);
  }
  const change = useCallback(
    (changes: Partial<ViewState>) => setStored((current) => (current.eventId === eventId ? { ...current, ...changes } : { ...initialState(null), ...changes, eventId })),
    [eventId],
  );

  const hasNote = useCallback((sessionId: string) => (stats?.[sessionId]?.words ?? 0) > 0, [stats]);
  const searchable = useSearchableTexts(event);
  const rooms = useMemo(() => roomsOf(event), [event]);
  const words = useMemo(() => filterWords(state.text), [state.text]);

  const matchesFilter = useCallback(
    (session: Session) => (state.room === null || session.room === state.room) && (words.length === 0 || matchesWords(searchable(session), words)),
    [state.room, words, searchable],
  );
  const sessionsOfDay = useCallback(
    (day: number): Session[] => {
      if (!event) return [];
      if (state.view === 'my-day') return myDaySessions(event, day, hasNote);
      const chosen = state.choice?.day === day ? new Set(state.choice.sessionIds) : null;
      if (state.choice && !chosen) return [];
      return event.sessions.filter((session) => session.day === day && (!chosen || chosen.has(session.id)) && matchesFilter(session));
    },
    [event, state.view, state.choice, hasNote, matchesFilter],
  );

  const textOrRoom = words.length > 0 || state.room !== null;
  const matchesByDay = useMemo(() => {
    if (!event || state.view !== 'all' || !textOrRoom) return null;
    const counts = new Array<number>(eventDayCount(event)).fill(0);
    for (const session of event.sessions) if (matchesFilter(session)) counts[session.day - 1] += 1;
    return counts;
  }, [event, state.view, textOrRoom, matchesFilter]);

  const orderedSessions = useCallback(() => (event ? Array.from({ length: eventDayCount(event) }, (_, index) => sessionsOfDay(index + 1)).flat() : []), [event, sessionsOfDay]);

  const reveal = useCallback(
    (sessionId: string) => {
      const session = event?.sessions.find((candidate) => candidate.id === sessionId);
      if (session && !sessionsOfDay(session.day).includes(session)) change({ view: 'all', text: '', room: null, choice: null });
    },
    [event, sessionsOfDay, change],
  );

  return {
    view: state.view,
    text: state.text,
    room: state.room,
    choice: state.choice,
    rooms,
    filtering: state.view === 'all' && (textOrRoom || state.choice !== null),
    setView: useCallback((view: AgendaViewName) => change({ view, choice: null }), [change]),
    setText: useCallback((text: string) => change({ text }), [change]),
    setRoom: useCallback((room: string | null) => change({ room }), [change]),
    clearFilter: useCallback(() => change({ text: '', room: null, choice: null }), [change]),
    offerChoice: useCallback((choice: OnNowChoice) => change({ view: 'all', text: '', room: null, choice }), [change]),
    clearChoice: useCallback(() => change({ choice: null }), [change]),
    sessionsOfDay,
    matchesByDay,
    orderedSessions,
    reveal,
    hasNote,
  };
}

function initialState(event: EventFile | null): ViewState {
  const anyPicked = event?.sessions.some((session) => session.picked) ?? false;
  return { eventId: event?.id ?? null, view: anyPicked ? 'my-day' : 'all', text: '', room: null, choice: null };
}

function roomsOf(event: EventFile | null): string[] {
  const rooms = new Set(event?.sessions.map((session) => session.room).filter(Boolean));
  return [...rooms].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }));
}

/**
 * Each session's folded title, speakers and room. Every agenda change brings new session
 * objects, so the folded texts are kept by what they were made from, not by session.
 */
function useSearchableTexts(event: EventFile | null): (session: Session) => string {
  const cache = useRef(new Map<string, string>());
  return useMemo(() => {
    const previous = cache.current;
    const next = new Map<string, string>();
    for (const session of event?.sessions ?? []) {
      const key = sourceText(session);
      next.set(key, previous.get(key) ?? searchableText(session));
    }
    cache.current = next;
    const byId = new Map(event?.sessions.map((session) => [session.id, next.get(sourceText(session))!]));
    return (session: Session) => byId.get(session.id) ?? searchableText(session);
  }, [event]);
}

function sourceText(session: Session): string {
  return `${session.title}\u0000${session.room}\u0000${session.speakers.map((speaker) => `${speaker.name}\u0001${speaker.organisation}`).join('\u0000')}`;
}
