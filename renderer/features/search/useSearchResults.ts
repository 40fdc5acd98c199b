import { useEffect, useState } from 'react';
import type { SearchResults } from '../../../shared/model/search';
import { api } from '../../api/bridge';

/** Pause after the last keystroke before asking: the index answers fast, the round trip is the cost. */
const DEBOUNCE_MS = 120;
const LIMIT = 50;

export type SearchState = { results: SearchResults | null; error: string | null; searching: boolean };

/** The results for what is typed, newest query only: a slow answer to an older query is dropped. */
export function useSearchResults(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ results: null, error: null, searching: false });

  useEffect(() => {
    if (!query.trim()) {
      setState({ results: null, error: null, searching: false });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, searching: true }));
    const timer = setTimeout(() => {
      void api['search:query']({ query, limit: LIMIT }).then((result) => {
        if (!current) return;
        setState(result.ok ? { results: result.value, error: null, searching: false } : { results: null, error: result.error.message, searching: false });
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return state;
}
