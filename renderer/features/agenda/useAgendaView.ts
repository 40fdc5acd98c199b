import { useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { eventDayCount, type EventFile, type Session } from '../../../shared/model/event';
import { myDaySessions } from '../../../shared/model/myDay';
import type { OnNowReason } from '../../../shared/model/onNow';
import type { EventNoteStats } from '../../../shared/model/search';
import { filterWords, matchesWords, searchableText } from './sessionFilter';

export type AgendaViewName = 'my-day' | 'all';

/** Sessions the reporter is asked to choose from: several on now, none of them more likely. */
export type OnNowChoice = { day: number; sessionIds: string[]; reason: OnNowReason };

export type AgendaViewState = { view: AgendaViewName; text: string; room: string | null; choice: OnNowChoice | null };

/**
 * How the open event's agenda is shown, and the ways to change it. The state lives in a store
 * of its own: a key typed in the filter re-renders the agenda, not the workspace and its note.
 */
export type AgendaView = {
  store: ViewStore;
  /** The sessions to choose from, if the app is asking (the workspace shows the agenda then). */
  choice: OnNowChoice | null;
  setView: (view: AgendaViewName) => void;
  setText: (text: string) => void;
  setRoom: (room: string | null) => void;
  clearFilter: () => void;
  /** Shows the sessions to choose from, in All sessions, with no other filter. */
  offerChoice: (choice: OnNowChoice) => void;
  clearChoice: () => void;
  /** What the list shows for one day, in its order. */
  sessionsOfDay: (day: number, state?: AgendaViewState) => Session[];
  /** Every day's shown sessions in turn: what next and previous session step through. */
  orderedSessions: () => Session[];
  /** Makes sure the list shows the session: a filter or My day hiding it gives way to All sessions. */
  reveal: (sessionId: string) => void;
  hasNote: (sessionId: string) => boolean;
  /** Whether a session matches the text and room filter of `state`. */
  matches: (session: Session, state: AgendaViewState) => boolean;
};

/**
 * My day (my picks and the sessions I have notes in) or All sessions with type-to-filter and
 * a room filter. My day is the default once anything is picked; the choice is kept while the
 * event stays open.
 */
export function useAgendaView(event: EventFile | null, stats: EventNoteStats | null): AgendaView {
  const eventId = event?.id ?? null;
  const [held, setHeld] = useState(() => ({ eventId, store: new ViewStore(initialState(event)) }));
  let store = held.store;
  if (held.eventId !== eventId) {
    store = new ViewStore(initialState(event));
    setHeld({ eventId, store });
  }
  const searchable = useSearchableTexts(event);
  // Read by the agenda while it renders, so kept current during this render rather than after it.
  const latest = useRef({ event, stats, searchable });
  latest.current = { event, stats, searchable };
  const choice = useSyncExternalStore(store.subscribe, () => store.get().choice);

  const controller = useMemo((): Omit<AgendaView, 'choice'> => {
    const hasNote = (sessionId: string) => (latest.current.stats?.[sessionId]?.words ?? 0) > 0;
    const matches = (session: Session, state: AgendaViewState) => {
      const words = wordsOf(state.text);
      return (state.room === null || session.room === state.room) && (words.length === 0 || matchesWords(latest.current.searchable(session), words));
    };
    const sessionsOfDay = (day: number, state = store.get()): Session[] => {
      const { event } = latest.current;
      if (!event) return [];
      if (state.view === 'my-day') return myDaySessions(event, day, hasNote);
      const chosen = state.choice?.day === day ? new Set(state.choice.sessionIds) : null;
      if (state.choice && !chosen) return [];
      return event.sessions.filter((session) => session.day === day && (!chosen || chosen.has(session.id)) && matches(session, state));
    };
    return {
      store,
      setView: (view) => store.change({ view, choice: null }),
      setText: (text) => store.change({ text }),
      setRoom: (room) => store.change({ room }),
      clearFilter: () => store.change({ text: '', room: null, choice: null }),
      offerChoice: (offered) => store.change({ view: 'all', text: '', room: null, choice: offered }),
      clearChoice: () => store.change({ choice: null }),
      sessionsOfDay,
      orderedSessions: () => {
        const { event } = latest.current;
        return event ? Array.from({ length: eventDayCount(event) }, (_, index) => sessionsOfDay(index + 1)).flat() : [];
      },
      reveal: (sessionId) => {
        const session = latest.current.event?.sessions.find((candidate) => candidate.id === sessionId);
        if (session && !sessionsOfDay(session.day).includes(session)) store.change({ view: 'all', text: '', room: null, choice: null });
      },
      hasNote,
      matches,
    };
  }, [store]);
  return useMemo(() => ({ ...controller, choice }), [controller, choice]);
}

/** The whole view state, for the agenda itself (it re-renders on every key typed in its filter). */
export function useAgendaViewState(view: AgendaView): AgendaViewState {
  return useSyncExternalStore(view.store.subscribe, view.store.get);
}

/** A text or room filter narrows All sessions. */
export function isFiltering(state: AgendaViewState): boolean {
  return state.view === 'all' && (filterWords(state.text).length > 0 || state.room !== null);
}

export class ViewStore {
  private readonly listeners = new Set<() => void>();

  constructor(private state: AgendaViewState) {}

  readonly get = (): AgendaViewState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  change(changes: Partial<AgendaViewState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener();
  }
}

/** The last query's words, kept: a filter pass asks for them once per session. */
let lastQuery = { text: '', words: [] as string[] };
function wordsOf(text: string): string[] {
  if (lastQuery.text !== text) lastQuery = { text, words: filterWords(text) };
  return lastQuery.words;
}

function initialState(event: EventFile | null): AgendaViewState {
  const anyPicked = event?.sessions.some((session) => session.picked) ?? false;
  return { view: anyPicked ? 'my-day' : 'all', text: '', room: null, choice: null };
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
