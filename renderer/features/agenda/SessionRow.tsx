import type { KeyboardEvent } from 'react';
import type { Session } from '../../../shared/model/event';
import { ArrowDownIcon, ArrowUpIcon, PencilIcon, TrashIcon } from '../../ui/icons';
import { KIND_LABELS, STATUS_LABELS, formatTimeRange } from '../../ui/format';

type SessionRowProps = {
  session: Session;
  selected: boolean;
  first: boolean;
  last: boolean;
  onOpen: () => void;
  onMove: (offset: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
};

/** One session in the day's list: opens its note on click, with move, edit and delete beside it. */
export function SessionRow({ session, selected, first, last, onOpen, onMove, onEdit, onDelete, onKeyDown }: SessionRowProps) {
  const speakers = session.speakers.map((speaker) => speaker.name).join(', ');
  return (
    <li className={`session-row kind-${session.kind} row-${session.status}`} aria-current={selected ? 'true' : undefined} data-session-id={session.id}>
      <button type="button" className="session-open" onClick={onOpen} onKeyDown={onKeyDown} aria-label={`${session.title}, ${formatTimeRange(session)}`}>
        <span className="session-time">{formatTimeRange(session)}</span>
        <span className="session-title">{session.title}</span>
        {speakers && <span className="session-speakers">{speakers}</span>}
        <span className="session-meta">
          <span className={`badge badge-${session.kind}`}>{KIND_LABELS[session.kind]}</span>
          {session.room && <span className="session-room">{session.room}</span>}
          {session.status !== 'planned' && <span className={`status status-${session.status}`}>{STATUS_LABELS[session.status]}</span>}
        </span>
      </button>
      <div className="session-actions">
        <button type="button" className="icon-button" aria-label={`Move “${session.title}” up`} title="Move up (Alt+Shift+↑)" disabled={first} onClick={() => onMove(-1)}>
          <ArrowUpIcon />
        </button>
        <button type="button" className="icon-button" aria-label={`Move “${session.title}” down`} title="Move down (Alt+Shift+↓)" disabled={last} onClick={() => onMove(1)}>
          <ArrowDownIcon />
        </button>
        <button type="button" className="icon-button" aria-label={`Edit “${session.title}”`} title="Edit session" onClick={onEdit}>
          <PencilIcon />
        </button>
        <button type="button" className="icon-button icon-button-danger" aria-label={`Delete “${session.title}”`} title="Delete session" onClick={onDelete}>
          <TrashIcon />
        </button>
      </div>
    </li>
  );
}
