import type { EventFile } from '../../../shared/model/event';
import { CalendarIcon, PencilIcon, PinIcon } from '../../ui/icons';
import { formatDateRange } from '../../ui/format';

/** The open event's title and details, with the button to edit them. */
export function EventHeader({ event, onEdit }: { event: EventFile; onEdit: () => void }) {
  return (
    <header className="event-header">
      <div className="event-header-text">
        <h1 className="event-title">{event.title}</h1>
        <p className="event-details">
          <span>
            <CalendarIcon /> {formatDateRange(event.startDate, event.endDate)}
          </span>
          {event.venue && (
            <span>
              <PinIcon /> {event.venue}
            </span>
          )}
        </p>
        <p className="event-details event-timezone">{event.timezone.replaceAll('_', ' ')}</p>
      </div>
      <button type="button" className="icon-button" aria-label="Edit event" title="Edit event" onClick={onEdit}>
        <PencilIcon />
      </button>
    </header>
  );
}
