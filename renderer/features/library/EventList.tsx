import type { ReactNode } from 'react';
import type { EventFile, EventSummary } from '../../../shared/model/event';
import type { EventProblem } from '../../../shared/ipc/channels';
import { PlusIcon } from '../../ui/icons';
import { formatDateRange } from '../../ui/format';
import { RecoverEventButton } from './RecoverEventButton';

type EventListProps = {
  events: EventSummary[];
  problems: EventProblem[];
  error: string | null;
  libraryPath: string | null;
  selectedEventId: string | null;
  onSelect: (eventId: string) => void;
  onCreate: () => void;
  /** Shown at the foot of the pane (the trash). */
  footer?: ReactNode;
  /** An event folder was given its event file back. */
  onRecovered?: (event: EventFile) => void;
};

/** The library sidebar: every event, newest first, and the button to create one. */
export function EventList({ events, problems, error, libraryPath, selectedEventId, onSelect, onCreate, footer, onRecovered }: EventListProps) {
  return (
    <nav className="library" aria-label="Events">
      <div className="library-header">
        <span className="brand">Hallnotes</span>
        <button type="button" className="button button-small" onClick={onCreate} title="New event">
          <PlusIcon /> New event
        </button>
      </div>
      {error && (
        <p className="library-error" role="alert">
          {error}
        </p>
      )}
      <ul className="event-list">
        {events.map((event) => (
          <li key={event.id}>
            <button
              type="button"
              className="event-item"
              aria-current={event.id === selectedEventId ? 'true' : undefined}
              onClick={() => onSelect(event.id)}
            >
              <span className="event-item-title">{event.title}</span>
              <span className="event-item-meta">
                {formatDateRange(event.startDate, event.endDate)} · {event.sessionCount} {event.sessionCount === 1 ? 'session' : 'sessions'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {problems.length > 0 && (
        <div className="library-problems" role="alert">
          <p>Some event folders need a look:</p>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.location}: ${problem.message}`}>
                <code>{problem.location}</code>: {problem.message}
                {problem.recoverEventId && <RecoverEventButton eventId={problem.recoverEventId} onRecovered={(event) => onRecovered?.(event)} />}
              </li>
            ))}
          </ul>
        </div>
      )}
      {libraryPath && (
        <p className="library-path" title={libraryPath}>
          Library folder
          <span>{libraryPath}</span>
        </p>
      )}
      {footer}
    </nav>
  );
}
