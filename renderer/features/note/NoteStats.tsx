import { readingMinutes } from '../../../shared/note/noteText';
import { useNoteAnalysis, type NoteAnalysisStore } from './noteAnalysisStore';

const numbers = new Intl.NumberFormat('en');

/** Words, characters and reading time of the note (private notes left out), and its TK markers to check. */
export function NoteStats({ store }: { store: NoteAnalysisStore }) {
  const analysis = useNoteAnalysis(store);
  if (!analysis) return <footer className="note-stats" aria-label="Note statistics" />;
  const { words, characters, tks, reveal } = analysis;
  const minutes = readingMinutes(words);
  return (
    <footer className="note-stats" aria-label="Note statistics">
      <p className="note-counts" data-words={words}>
        {numbers.format(words)} {words === 1 ? 'word' : 'words'} · {numbers.format(characters)} {characters === 1 ? 'character' : 'characters'}
        {minutes > 0 && ` · ${minutes} min read`}
      </p>
      {tks.length > 0 && (
        <details className="tk-list">
          <summary>
            <span className="tk-count">{tks.length} TK</span> still to check
          </summary>
          <ol aria-label="TK markers">
            {tks.map((tk) => (
              <li key={tk.id}>
                <button type="button" className="tk-item" onClick={() => reveal(tk.id)}>
                  {tk.snippet}
                </button>
              </li>
            ))}
          </ol>
        </details>
      )}
    </footer>
  );
}
