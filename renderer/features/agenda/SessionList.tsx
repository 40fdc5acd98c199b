import type { KeyboardEvent } from 'react';
import type { Session } from '../../../shared/model/event';
import type { EventNoteStats } from '../../../shared/model/search';
import { SessionRow } from './SessionRow';

type SessionListProps = {
  sessions: Session[];
  selectedSessionId: string | null;
  onNowIds: ReadonlySet<string>;
  stats: EventNoteStats;
  onOpen: (sessionId: string) => void;
  onMove: (sessionId: string, offset: -1 | 1) => void;
  onEdit: (session: Session) => void;
  onDelete: (session: Session) => void;
};

/**
 * The sessions of one day in programme order. Up and Down move between sessions,
 * Alt+Shift+Up and Alt+Shift+Down move the focused session itself.
 */
export function SessionList({ sessions, selectedSessionId, onNowIds, stats, onOpen, onMove, onEdit, onDelete }: SessionListProps) {
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const direction = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
    if (direction === 0 || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const session = sessions[index];
    if (event.altKey && event.shiftKey) {
      onMove(session.id, direction);
      return;
    }
    const list = event.currentTarget.closest('ol');
    const buttons = list ? [...list.querySelectorAll<HTMLButtonElement>('.session-open')] : [];
    buttons[index + direction]?.focus();
  }

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
          onOpen={() => onOpen(session.id)}
          onMove={(offset) => onMove(session.id, offset)}
          onEdit={() => onEdit(session)}
          onDelete={() => onDelete(session)}
          onKeyDown={(event) => onKeyDown(event, index)}
        />
      ))}
    </ol>
  );
}
