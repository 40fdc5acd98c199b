import { memo, useState, type KeyboardEvent } from 'react';
import type { Session } from '../../../shared/model/event';
import type { NoteStats } from '../../../shared/model/search';
import { ArrowDownIcon, ArrowUpIcon, PencilIcon, StarIcon, TrashIcon } from '../../ui/icons';
import { KIND_LABELS, STATUS_LABELS, formatTimeRange } from '../../ui/format';

/** The same object for every row and every render, so a memoised row re-renders only when its own data changes. */
export type SessionRowHandlers = {
  /** `byPointer` is false for Enter or Space on the row. */
  onOpen: (session: Session, byPointer: boolean) => void;
  onPointTo: (session: Session) => void;
  onMove: (session: Session, offset: -1 | 1) => void;
  onEdit: (session: Session) => void;
  onDelete: (session: Session) => void;
  onTogglePick: (session: Session) => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>, session: Session) => void;
};

type SessionRowProps = {
  session: Session;
  selected: boolean;
  /** Under its slot's time: the row shows when it ends, not the start again. */
  grouped: boolean;
  /** Running now by the clock, in the event's time zone. */
  onNow: boolean;
  stats: NoteStats | undefined;
  /** A teammate's version of the note came in beside the reporter's, waiting for a choice. */
  twoVersions: boolean;
  /** "Clashes with …" when it is a pick overlapping another pick. */
  clash: string | undefined;
  /** Move up and down are offered only where the list shows the whole day in its order. */
  movable: boolean;
  first: boolean;
  last: boolean;
  handlers: SessionRowHandlers;
};

/** One session in the list: opens its note on click; the star puts it on my list; move, edit and delete beside it. */
export const SessionRow = memo(function SessionRow({ session, selected, grouped, onNow, stats, twoVersions, clash, movable, first, last, handlers }: SessionRowProps) {
  const speakers = session.speakers.map((speaker) => speaker.name).join(', ');
  const flag = session.programmeFlag ? PROGRAMME_FLAG_LABELS[session.programmeFlag] : null;
  const picked = session.picked === true;
  const label = [session.title, formatTimeRange(session), session.room, onNow && 'on now', picked && 'on my list', clash, flag, twoVersions && TWO_VERSIONS].filter(Boolean).join(', ');
  const time = grouped ? (session.end ? `until ${session.end}` : '') : formatTimeRange(session);
  // Move, edit and delete join a row once the pointer or the keyboard comes to it: a filter
  // keystroke that brings two dozen rows into the list then builds two dozen rows, not a hundred buttons.
  const [armed, setArmed] = useState(false);
  const arm = () => setArmed(true);
  return (
    <div
      onPointerEnter={armed ? undefined : arm}
      onFocus={armed ? undefined : arm}
      className={`session-row kind-${session.kind} row-${session.status}${onNow ? ' row-on-now' : ''}${flag ? ' row-flagged' : ''}${picked ? ' row-picked' : ''}${clash ? ' row-clash' : ''}`}
      aria-current={selected ? 'true' : undefined}
      data-session-id={session.id}
    >
      <button type="button" className="session-open" onPointerDown={() => handlers.onPointTo(session)} onClick={(event) => handlers.onOpen(session, event.detail > 0)} onKeyDown={(event) => handlers.onKeyDown(event, session)} aria-label={label}>
        <span className="session-line">
          <span className="session-time">
            {time}
            {onNow && <span className="on-now-badge">Now</span>}
          </span>
          {session.room && <span className="session-room">{session.room}</span>}
          {/* Plenary is the default kind: a badge on every row of a programme would say nothing. */}
          {session.kind !== 'plenary' && <span className={`badge badge-${session.kind}`}>{KIND_LABELS[session.kind]}</span>}
        </span>
        <span className="session-title">{session.title}</span>
        {speakers && <span className="session-speakers">{speakers}</span>}
        {(session.status !== 'planned' || flag || clash || twoVersions || (stats && (stats.words > 0 || stats.tk > 0))) && (
          <span className="session-meta">
            {session.status !== 'planned' && <span className={`status status-${session.status}`}>{STATUS_LABELS[session.status]}</span>}
            {flag && (
              <span className="programme-flag" title="Kept because it has a note or is on your list; the latest programme import no longer lists it as planned.">
                {flag}
              </span>
            )}
            {clash && <span className="session-clash">{clash}</span>}
            {twoVersions && (
              <span className="session-two-versions" title="A teammate’s version of this note came in: open the note to compare and choose.">
                {TWO_VERSIONS}
              </span>
            )}
            {stats && stats.words > 0 && <span className="session-words">{formatWords(stats.words)}</span>}
            {stats && stats.tk > 0 && (
              <span className="session-tk" title="Facts marked TK, still to check">
                {stats.tk} TK
              </span>
            )}
          </span>
        )}
      </button>
      <button
        type="button"
        className="icon-button session-pick"
        aria-label={`On my list: “${session.title}”`}
        aria-pressed={picked}
        title={picked ? 'On my list — click to take it off (Alt+Shift+P)' : 'Add to my list (Alt+Shift+P)'}
        onClick={() => handlers.onTogglePick(session)}
      >
        <StarIcon filled={picked} />
      </button>
      {(armed || selected) && (
        <div className="session-actions">
          {movable && (
            <>
              <button type="button" className="icon-button" aria-label={`Move “${session.title}” up`} title="Move up (Alt+Shift+↑)" disabled={first} onClick={() => handlers.onMove(session, -1)}>
                <ArrowUpIcon />
              </button>
              <button type="button" className="icon-button" aria-label={`Move “${session.title}” down`} title="Move down (Alt+Shift+↓)" disabled={last} onClick={() => handlers.onMove(session, 1)}>
                <ArrowDownIcon />
              </button>
            </>
          )}
          <button type="button" className="icon-button" aria-label={`Edit “${session.title}”`} title="Edit session" onClick={() => handlers.onEdit(session)}>
            <PencilIcon />
          </button>
          <button type="button" className="icon-button icon-button-danger" aria-label={`Delete “${session.title}”`} title="Delete session" onClick={() => handlers.onDelete(session)}>
            <TrashIcon />
          </button>
        </div>
      )}
    </div>
  );
});

/** The row's marker, in the Team button's words ("1 note with two versions"). */
const TWO_VERSIONS = 'two versions';

const PROGRAMME_FLAG_LABELS: Record<NonNullable<Session['programmeFlag']>, string> = {
  cancelled: 'Cancelled',
  'removed-from-programme': 'Not in programme',
};

function formatWords(words: number): string {
  return `${words.toLocaleString('en')} ${words === 1 ? 'word' : 'words'}`;
}
