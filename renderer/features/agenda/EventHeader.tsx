import type { EventFile } from '../../../shared/model/event';
import { COMMANDS, type CommandId } from '../../../shared/commands/commandTable';
import { ImportIcon, PencilIcon, PlusIcon } from '../../ui/icons';
import { formatDateRange } from '../../ui/format';
import { requestCommand } from '../../ui/commandBus';
import { shortcutText } from '../../ui/shortcutText';

type EventHeaderProps = { event: EventFile; onEdit: () => void; onAddSession: () => void };

const shortcutOf = (commandId: CommandId) => shortcutText(COMMANDS.find((command) => command.id === commandId)!.shortcut);

/** The open event's title and details, kept short so the sessions get the room; add a session, import a programme, edit the event. */
export function EventHeader({ event, onEdit, onAddSession }: EventHeaderProps) {
  return (
    <header className="event-header">
      <div className="event-header-text">
        <h1 className="event-title">{event.title}</h1>
        <p className="event-details">
          <span>{formatDateRange(event.startDate, event.endDate)}</span>
          {event.venue && <span>{event.venue}</span>}
          <span className="event-timezone">{event.timezone.replaceAll('_', ' ')}</span>
        </p>
      </div>
      <div className="event-header-actions">
        <button type="button" className="icon-button" aria-label="Add session" title={`Add session (${shortcutOf('new-session')})`} onClick={onAddSession}>
          <PlusIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Import programme…" title={`Import programme (${shortcutOf('import-programme')})`} onClick={() => requestCommand('import-programme')}>
          <ImportIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Edit event" title="Edit event" onClick={onEdit}>
          <PencilIcon />
        </button>
      </div>
    </header>
  );
}
