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

export function useNewNoteAnalysisStore(): NoteAnalysisStore {
  return useState(() => new NoteAnalysisStore())[0];
}

export function useNoteAnalysis(store: NoteAnalysisStore): NoteAnalysis | null {
  return useSyncExternalStore(store.subscribe, store.current);
}
