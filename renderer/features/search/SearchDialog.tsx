import { useId, useMemo, useState } from 'react';
import type { SearchHit } from '../../../shared/model/search';
import { Dialog } from '../../ui/Dialog';
import { useListNavigation } from '../../ui/useListNavigation';
import { formatTimeRange } from '../../ui/format';
import { HighlightedText } from './HighlightedText';
import { useSearchResults } from './useSearchResults';

type SearchDialogProps = {
  onOpen: (hit: SearchHit) => void;
  onClose: () => void;
};

const FIELD_LABELS = { title: 'Title', speakers: 'Speakers', room: 'Room', note: 'Note' } as const;

/** Search every note and session of every event; results by event, then session, matches marked. */
export function SearchDialog({ onOpen, onClose }: SearchDialogProps) {
  const [query, setQuery] = useState('');
  const listId = useId();
  const { results, error, searching } = useSearchResults(query);
  const hits = useMemo(() => results?.groups.flatMap((group) => group.hits) ?? [], [results]);
  const optionId = (hit: SearchHit) => `${listId}-${hit.eventId}-${hit.sessionId}`;

  function choose(hit: SearchHit | undefined) {
    if (!hit) return;
    onClose();
    onOpen(hit);
  }

  const { activeIndex, setActive, onKeyDown } = useListNavigation(hits, choose, (hit) =>
    document.getElementById(optionId(hit))?.scrollIntoView({ block: 'nearest' }),
  );

  return (
    <Dialog title="Search all notes" onClose={onClose} size="large">
      <div className="search">
        <input
          className="search-input"
          // Not type="search": there the first Escape only clears the field instead of closing.
          type="text"
          role="combobox"
          aria-label="Search"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits.length > 0 ? optionId(hits[activeIndex]) : undefined}
          placeholder="Words in notes, titles, speakers, rooms…"
          value={query}
          data-autofocus
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p className="search-status" role="status">
          {error ?? (searching ? 'Searching…' : results ? describeCount(results.total, hits.length) : 'Type to search every event.')}
        </p>
        <div className="search-results" role="listbox" id={listId} aria-label="Results">
          {results?.groups.map((group) => (
            <div key={group.eventId} role="group" aria-label={group.eventTitle} className="search-group">
              <div className="search-event" aria-hidden="true">
                {group.eventTitle}
              </div>
              {group.hits.map((hit) => {
                const index = hits.indexOf(hit);
                const titleSnippet = hit.snippets.find((snippet) => snippet.field === 'title');
                return (
                  <div
                    key={hit.sessionId}
                    id={optionId(hit)}
                    role="option"
                    aria-selected={index === activeIndex}
                    className="search-hit"
                    onMouseMove={() => setActive(index)}
                    onClick={() => choose(hit)}
                  >
                    <div className="search-hit-heading">
                      <span className="search-hit-title">{titleSnippet ? <HighlightedText snippet={titleSnippet} /> : hit.title}</span>
                      <span className="search-hit-meta">
                        Day {hit.day} · {formatTimeRange(hit)}
                        {hit.room && ` · ${hit.room}`}
                      </span>
                    </div>
                    {hit.snippets
                      .filter((snippet) => snippet.field !== 'title')
                      .map((snippet, snippetIndex) => (
                        <p key={snippetIndex} className={`search-snippet search-snippet-${snippet.field}`}>
                          {snippet.field !== 'note' && <span className="search-field">{FIELD_LABELS[snippet.field]}: </span>}
                          <HighlightedText snippet={snippet} />
                        </p>
                      ))}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </Dialog>
  );
}

function describeCount(total: number, shown: number): string {
  if (total === 0) return 'Nothing matches.';
  const sessions = `${total} ${total === 1 ? 'session' : 'sessions'}`;
  return shown < total ? `${sessions}; the best ${shown} are shown.` : `${sessions}.`;
}
