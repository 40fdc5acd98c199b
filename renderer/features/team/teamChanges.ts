import { useEffect, useRef } from 'react';

/** Something a bundle, a sync or a choice changed: the event's agenda, and the notes whose text was replaced. */
export type TeamChange = { eventId: string; notesReplaced: string[] };
type Listener = (change: TeamChange) => void;

const listeners = new Set<Listener>();

/** Tells the open views (the note's banner, the agenda) that the team's changes landed. */
export function announceTeamChange(change: TeamChange): void {
  for (const listener of listeners) listener(change);
}

export function useTeamChanges(listener: Listener): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    const forward: Listener = (change) => latest.current(change);
    listeners.add(forward);
    return () => void listeners.delete(forward);
  }, []);
}
