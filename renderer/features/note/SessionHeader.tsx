import { SESSION_STATUSES, type Session } from '../../../shared/model/event';
import { ClockIcon, PencilIcon, StarIcon } from '../../ui/icons';
import { KIND_LABELS, STATUS_LABELS, formatTimeRange } from '../../ui/format';

type SessionHeaderProps = {
  session: Session;
  onStatusChange: (status: Session['status']) => void;
  onEdit: () => void;
  onTogglePick: () => void;
};

/** Who is speaking, when and where, above the note; the status and whether it is on my list can be changed in place. */
export function SessionHeader({ session, onStatusChange, onEdit, onTogglePick }: SessionHeaderProps) {
  const picked = session.picked === true;
  return (
    <header className="session-header">
      <div className="session-header-top">
        <p className="session-header-meta">
          <span>
            <ClockIcon /> {formatTimeRange(session)}
          </span>
          <span className={`badge badge-${session.kind}`}>{KIND_LABELS[session.kind]}</span>
          {session.room && <span>{session.room}</span>}
        </p>
        <div className="session-header-controls">
          <button
            type="button"
            className={`button button-small pick-toggle${picked ? ' pick-toggle-on' : ''}`}
            aria-pressed={picked}
            title={picked ? 'On my list — click to take it off (Alt+Shift+P)' : 'Put it on my list of sessions to cover (Alt+Shift+P)'}
            onClick={onTogglePick}
          >
            <StarIcon filled={picked} /> <span className="pick-toggle-label">On my list</span>
          </button>
          <label className="status-select">
            <span className="visually-hidden">Status</span>
            <select value={session.status} onChange={(event) => onStatusChange(event.target.value as Session['status'])} className={`status-${session.status}`}>
              {SESSION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="icon-button" aria-label="Edit session details" title="Edit session details" onClick={onEdit}>
            <PencilIcon />
          </button>
        </div>
      </div>
      <h2 className="session-header-title">{session.title}</h2>
      {session.speakers.length > 0 && (
        <ul className="speaker-list" aria-label="Speakers">
          {session.speakers.map((speaker, index) => (
            <li key={index}>
              <span className="speaker-name">{speaker.name}</span>
              {(speaker.role || speaker.organisation) && (
                <span className="speaker-affiliation">{[speaker.role, speaker.organisation].filter(Boolean).join(', ')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
