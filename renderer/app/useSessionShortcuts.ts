import { useEffect, useRef } from 'react';
import type { Session } from '../../shared/model/event';
import { NEW_SESSION_SHORTCUT } from '../features/agenda/AgendaPane';
import { matchesShortcut } from '../ui/shortcuts';

export const NEXT_SESSION_SHORTCUT = 'Alt+ArrowDown';
export const PREVIOUS_SESSION_SHORTCUT = 'Alt+ArrowUp';

type SessionShortcuts = {
  sessions: Session[];
  current: Session | null;
  onOpen: (session: Session) => void;
  onNew: () => void;
};

/**
 * App-wide keys, also while typing in a note: next and previous session, new session, and
 * Escape to leave the note for the session list (Enter there comes back).
 */
export function useSessionShortcuts(options: SessionShortcuts): void {
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const { sessions, current, onOpen, onNew } = latest.current;
      // The target, not document.activeElement: Lexical has already blurred the editor on Escape.
      if (event.key === 'Escape' && current && event.target instanceof Element && event.target.closest('.editor-content')) {
        document.querySelector<HTMLElement>(`.session-row[data-session-id="${current.id}"] .session-open`)?.focus();
        return;
      }
      if (matchesShortcut(event, NEW_SESSION_SHORTCUT)) {
        event.preventDefault();
        onNew();
        return;
      }
      const offset = matchesShortcut(event, NEXT_SESSION_SHORTCUT) ? 1 : matchesShortcut(event, PREVIOUS_SESSION_SHORTCUT) ? -1 : 0;
      if (offset === 0 || sessions.length === 0) return;
      event.preventDefault();
      const index = current ? sessions.findIndex((session) => session.id === current.id) : -1;
      const next = sessions[Math.min(sessions.length - 1, Math.max(0, index === -1 ? 0 : index + offset))];
      if (next && next.id !== current?.id) onOpen(next);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
