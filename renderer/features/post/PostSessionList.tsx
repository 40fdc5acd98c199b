import { useState, type DragEvent } from 'react';
import type { Session } from '../../../shared/model/event';
import { describeSpeakers } from '../../../shared/export/speakers';
import { formatTimeRange, STATUS_LABELS } from '../../ui/format';
import { ArrowDownIcon, ArrowUpIcon } from '../../ui/icons';

type PostSessionListProps = {
  /** Every session the post may include, in programme order. */
  sessions: Session[];
  /** The included ones, in post order. */
  includedIds: string[];
  /** True while the post follows the default (the covered sessions in programme order). */
  isDefault: boolean;
  /** The whole-event post lists sessions of every day, so each says which. */
  showDay: boolean;
  onChange: (sessionIds: string[] | null) => void;
};

/**
 * Which sessions the post includes and in what order: a checkbox per session, and the
 * included ones reordered by dragging or with the move buttons (the keyboard way).
 */
export function PostSessionList({ sessions, includedIds, isDefault, showDay, onChange }: PostSessionListProps) {
  const [dragged, setDragged] = useState<string | null>(null);
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const included = includedIds.flatMap((id) => byId.get(id) ?? []);
  const excluded = sessions.filter((session) => !includedIds.includes(session.id));

  function move(id: string, offset: -1 | 1, button: HTMLButtonElement) {
    const index = includedIds.indexOf(id);
    const next = [...includedIds];
    [next[index], next[index + offset]] = [next[index + offset], next[index]];
    onChange(next);
    // The row moves with its buttons; at the end of the list the pressed one is disabled, so keep focus on the other.
    requestAnimationFrame(() => {
      if (button.disabled) button.parentElement?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    });
  }

  function drop(event: DragEvent, targetId: string) {
    event.preventDefault();
    if (!dragged || dragged === targetId) return;
    const next = includedIds.filter((id) => id !== dragged);
    next.splice(next.indexOf(targetId) + (includedIds.indexOf(dragged) < includedIds.indexOf(targetId) ? 1 : 0), 0, dragged);
    setDragged(null);
    onChange(next);
  }

  return (
    <section className="post-sessions" aria-labelledby="post-sessions-title">
      <div className="post-section-bar">
        <h2 className="post-section-title" id="post-sessions-title">
          Sessions
        </h2>
        {!isDefault && (
          <button type="button" className="button button-small" onClick={() => onChange(null)}>
            Use the covered sessions
          </button>
        )}
      </div>
      {sessions.length === 0 && <p className="empty-hint">No sessions on this day.</p>}
      <ol className="post-session-list" aria-label="Sessions in the post">
        {included.map((session, index) => (
          <li
            key={session.id}
            className={`post-session post-session-included${dragged === session.id ? ' post-session-dragged' : ''}`}
            data-session-id={session.id}
            draggable
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', session.title);
              setDragged(session.id);
            }}
            onDragEnd={() => setDragged(null)}
            onDragOver={(event) => dragged && event.preventDefault()}
            onDrop={(event) => drop(event, session.id)}
          >
            <span className="post-session-grip" aria-hidden="true">
              ⋮⋮
            </span>
            <SessionChoice session={session} showDay={showDay} checked onToggle={() => onChange(includedIds.filter((id) => id !== session.id))} />
            <span className="post-session-moves">
              <button type="button" className="icon-button" aria-label={`Move “${session.title}” up`} title="Move up" disabled={index === 0} onClick={(event) => move(session.id, -1, event.currentTarget)}>
                <ArrowUpIcon />
              </button>
              <button type="button" className="icon-button" aria-label={`Move “${session.title}” down`} title="Move down" disabled={index === included.length - 1} onClick={(event) => move(session.id, 1, event.currentTarget)}>
                <ArrowDownIcon />
              </button>
            </span>
          </li>
        ))}
      </ol>
      {excluded.length > 0 && (
        <ul className="post-session-list post-session-list-excluded" aria-label="Sessions left out">
          {excluded.map((session) => (
            <li key={session.id} className="post-session" data-session-id={session.id}>
              <SessionChoice session={session} showDay={showDay} checked={false} onToggle={() => onChange([...includedIds, session.id])} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SessionChoice({ session, showDay, checked, onToggle }: { session: Session; showDay: boolean; checked: boolean; onToggle: () => void }) {
  const speakers = describeSpeakers(session.speakers);
  return (
    <label className="post-session-choice">
      <input type="checkbox" checked={checked} onChange={onToggle} aria-label={`Include “${session.title}”`} />
      <span className="post-session-text">
        <span className="post-session-title">{session.title}</span>
        <span className="post-session-meta">
          {showDay && `Day ${session.day}, `}
          {formatTimeRange(session)}
          {speakers && ` · ${speakers}`} · <span className={`post-session-status status-${session.status}`}>{STATUS_LABELS[session.status]}</span>
        </span>
      </span>
    </label>
  );
}
