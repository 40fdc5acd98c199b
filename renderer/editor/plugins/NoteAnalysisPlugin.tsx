import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { NoteStats } from '../blockStats';
import { NoteAnalyser } from '../noteAnalyser';

export type NoteAnalysis = NoteStats & {
  /** Puts the cursor on a TK marker of the list and scrolls to it. */
  reveal: (tkId: string) => void;
};

/**
 * Counts, TK markers and highlights of the open note, worked out when typing pauses (see
 * NoteAnalyser). Each note shown (`noteKey`) gets an analyser of its own, starting from nothing.
 */
export function NoteAnalysisPlugin({ noteKey, onChange }: { noteKey: string; onChange?: (analysis: NoteAnalysis) => void }) {
  const [editor] = useLexicalComposerContext();
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const analyser: NoteAnalyser = new NoteAnalyser(editor, (stats) => onChangeRef.current?.({ ...stats, reveal: (id) => analyser.reveal(id) }));
    return analyser.start();
  }, [editor, noteKey]);
  return null;
}
