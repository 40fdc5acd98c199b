import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import type { Session } from '../../../shared/model/event';
import type { NoteStats } from '../../../shared/model/search';
import { ArrowDownIcon, ArrowUpIcon, PencilIcon, TrashIcon } from '../../ui/icons';
import { KIND_LABELS, STATUS_LABELS, formatTimeRange } from '../../ui/format';

/** The same object for every row and every render, so a memoised row re-renders only when its own data changes. */
export type SessionRowHandlers = {
  /** `byPointer` is false for Enter or Space on the row. */
  onOpen: (session: Session, byPointer: boolean) => void;
  onPointTo: (session: Session) => void;
  onMove: (session: Session, offset: -1 | 1) => void;
  onEdit: (session: Session) => void;
  onDelete: (session: Session) => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>, session: Session) => void;
};

type SessionRowProps = {
  session: Session;
  selected: boolean;
  /** Running now by the clock, in the event's time zone. */
  onNow: boolean;
  stats: NoteStats | undefined;
  first: boolean;
  last: boolean;
  handlers: SessionRowHandlers;
};

/** One session in the day's list: opens its note on click, with move, edit and delete beside it. */
export const SessionRow = memo(function SessionRow({ session, selected, onNow, stats, first, last, handlers }: SessionRowProps) {
  const speakers = session.speakers.map((speaker) => speaker.name).join(', ');
  const flag = session.programmeFlag ? PROGRAMME_FLAG_LABELS[session.programmeFlag] : null;
  const label = [session.title, formatTimeRange(session), onNow && 'on now', flag].filter(Boolean).join(', ');
  const rowRef = useRef<HTMLLIElement>(null);
  // A day of a big conference has hundreds of rows; the open one (chosen by the clock or a search)
  // is kept in sight. A row holding the focus (clicked, or reached with the arrow keys) already is.
  useEffect(() => {
    const row = rowRef.current;
    if (selected && row && !row.contains(document.activeElement)) row.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li
      ref={rowRef}
      className={`session-row kind-${session.kind} row-${session.status}${onNow ? ' row-on-now' : ''}${flag ? ' row-flagged' : ''}`}
      aria-current={selected ? 'true' : undefined}
      data-session-id={session.id}
    >
      <button type="button" className="session-open" onPointerDown={() => handlers.onPointTo(session)} onClick={(event) => handlers.onOpen(session, event.detail > 0)} onKeyDown={(event) => handlers.onKeyDown(event, session)} aria-label={label}>
        <span className="session-time">
          {formatTimeRange(session)}
          {onNow && <span className="on-now-badge">Now</span>}
        </span>
        <span className="session-title">{session.title}</span>
        {speakers && <span className="session-speakers">{speakers}</span>}
        <span className="session-meta">
          <span className={`badge badge-${session.kind}`}>{KIND_LABELS[session.kind]}</span>
          {session.room && <span className="session-room">{session.room}</span>}
          {session.status !== 'planned' && <span className={`status status-${session.status}`}>{STATUS_LABELS[session.status]}</span>}
          {flag && (
            <span className="programme-flag" title="Kept because it has a note; the latest programme import no longer lists it as planned.">
              {flag}
            </span>
          )}
          {stats && stats.words > 0 && <span className="session-words">{formatWords(stats.words)}</span>}
          {stats && stats.tk > 0 && (
            <span className="session-tk" title="Facts marked TK, still to check">
              {stats.tk} TK
            </span>
          )}
        </span>
      </button>
      <div className="session-actions">
        <button type="button" className="icon-button" aria-label={`Move “${session.title}” up`} title="Move up (Alt+Shift+↑)" disabled={first} onClick={() => handlers.onMove(session, -1)}>
          <ArrowUpIcon />
        </button>
        <button type="button" className="icon-button" aria-label={`Move “${session.title}” down`} title="Move down (Alt+Shift+↓)" disabled={last} onClick={() => handlers.onMove(session, 1)}>
          <ArrowDownIcon />
        </button>
        <button type="button" className="icon-button" aria-label={`Edit “${session.title}”`} title="Edit session" onClick={() => handlers.onEdit(session)}>
          <PencilIcon />
        </button>
        <button type="button" className="icon-button icon-button-danger" aria-label={`Delete “${session.title}”`} title="Delete session" onClick={() => handlers.onDelete(session)}>
          <TrashIcon />
        </button>
      </div>
    </li>
  );
});

const PROGRAMME_FLAG_LABELS: Record<NonNullable<Session['programmeFlag']>, string> = {
  cancelled: 'Cancelled',
  'removed-from-programme': 'Not in programme',
};

function formatWords(words: number): string {
  return `${words.toLocaleString('en')} ${words === 1 ? 'word' : 'words'}`;
}
