/**
 * Puts the keyboard on a session's row in the agenda (Escape in the note, Down from the
 * filter). The list shows only the rows in view, so the list itself scrolls to the row first.
 */
const FOCUS_ROW = 'hallnotes:agenda-focus';

export function requestAgendaFocus(sessionId: string): void {
  window.dispatchEvent(new CustomEvent<string>(FOCUS_ROW, { detail: sessionId }));
}

export function onAgendaFocusRequest(listener: (sessionId: string) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<string>).detail);
  window.addEventListener(FOCUS_ROW, handle);
  return () => window.removeEventListener(FOCUS_ROW, handle);
}

/**
 * Puts the cursor in the agenda's filter (the app asks which of the sessions on now is yours).
 * The filter may appear in the same render as the request, so the request waits for it.
 */
const FOCUS_FILTER = 'hallnotes:agenda-filter-focus';
let filterFocusWanted = false;

export function requestFilterFocus(): void {
  filterFocusWanted = true;
  window.dispatchEvent(new Event(FOCUS_FILTER));
}

/** Calls `focus` for a request made before the filter appeared, and for every request after. */
export function onFilterFocusRequest(focus: () => void): () => void {
  const take = () => {
    if (!filterFocusWanted) return;
    filterFocusWanted = false;
    focus();
  };
  take();
  window.addEventListener(FOCUS_FILTER, take);
  return () => window.removeEventListener(FOCUS_FILTER, take);
}
