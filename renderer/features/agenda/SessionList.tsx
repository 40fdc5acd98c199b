import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Session } from '../../../shared/model/event';
import type { EventNoteStats } from '../../../shared/model/search';
import { SessionRow, type SessionRowHandlers } from './SessionRow';

type SessionListProps = {
  sessions: Session[];
  selectedSessionId: string | null;
  onNowIds: ReadonlySet<string>;
  stats: EventNoteStats;
  onOpen: (sessionId: string, byPointer: boolean) => void;
  onPointTo: (sessionId: string) => void;
  onMove: (sessionId: string, offset: -1 | 1) => void;
  onEdit: (session: Session) => void;
  onDelete: (session: Session) => void;
};

/**
 * The sessions of one day in programme order. Up and Down move between sessions,
 * Alt+Shift+Up and Alt+Shift+Down move the focused session itself.
 */
export function SessionList({ sessions, selectedSessionId, onNowIds, stats, onOpen, onPointTo, onMove, onEdit, onDelete }: SessionListProps) {
  // Rows are memoised, so they get handlers that never change and reach the newest props through
  // this ref: opening a session then re-renders the two rows whose selection changed, not the day.
  const latest = useRef({ sessions, onOpen, onPointTo, onMove, onEdit, onDelete });
  useLayoutEffect(() => {
    latest.current = { sessions, onOpen, onPointTo, onMove, onEdit, onDelete };
  });
  const handlers = useMemo<SessionRowHandlers>(
    () => ({
      onOpen: (session, byPointer) => latest.current.onOpen(session.id, byPointer),
      onPointTo: (session) => latest.current.onPointTo(session.id),
      onMove: (session, offset) => latest.current.onMove(session.id, offset),
      onEdit: (session) => latest.current.onEdit(session),
      onDelete: (session) => latest.current.onDelete(session),
      onKeyDown: (event, session) => {
        const direction = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
        if (direction === 0 || event.ctrlKey || event.metaKey) return;
        event.preventDefault();
        if (event.altKey && event.shiftKey) {
          latest.current.onMove(session.id, direction);
          return;
        }
        const list = event.currentTarget.closest('ol');
        const buttons = list ? [...list.querySelectorAll<HTMLButtonElement>('.session-open')] : [];
        buttons[latest.current.sessions.indexOf(session) + direction]?.focus();
      },
    }),
    [],
  );

  return (
    <ol className="session-list" aria-label="Sessions">
      {sessions.map((session, index) => (
        <SessionRow
          key={session.id}
          session={session}
          selected={session.id === selectedSessionId}
          onNow={onNowIds.has(session.id)}
          stats={stats[session.id]}
          first={index === 0}
          last={index === sessions.length - 1}
          handlers={handlers}
        />
      ))}
    </ol>
  );
}
