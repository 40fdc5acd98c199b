import { useState, useSyncExternalStore } from 'react';
import type { NoteAnalysis } from '../../editor/plugins/NoteAnalysisPlugin';

/**
 * Holds the open note's latest counts and TK markers between the editor (which publishes
 * them when typing pauses) and the stats footer, so a new count re-renders the footer only,
 * never the editor.
 */
export class NoteAnalysisStore {
  private analysis: NoteAnalysis | null = null;
  private readonly listeners = new Set<() => void>();

  readonly publish = (analysis: NoteAnalysis): void => {
    this.analysis = analysis;
    for (const listener of this.listeners) listener();
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = (): NoteAnalysis | null => this.analysis;
}

/** A store per note shown (`noteKey`): another note starts with no counts rather than the previous note's. */
export function useNoteAnalysisStore(noteKey: string | undefined): NoteAnalysisStore {
  const [held, setHeld] = useState(() => ({ noteKey, store: new NoteAnalysisStore() }));
  if (held.noteKey === noteKey) return held.store;
  const next = { noteKey, store: new NoteAnalysisStore() };
  setHeld(next);
  return next.store;
}

export function useNoteAnalysis(store: NoteAnalysisStore): NoteAnalysis | null {
  return useSyncExternalStore(store.subscribe, store.current);
}
