import { createContext, useContext } from 'react';
import type { NoteReads } from './noteReads';

export const NoteReadsContext = createContext<NoteReads | null>(null);

export function useNoteReads(): NoteReads {
  const reads = useContext(NoteReadsContext);
  if (!reads) throw new Error('useNoteReads needs a NoteReadsContext provider');
  return reads;
}
