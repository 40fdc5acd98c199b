import { useMemo, useState, type ReactNode } from 'react';
import { eventDayCount, sessionsOfDay, type EventFile, type Session } from '../../../shared/model/event';
import { eventMomentAt } from '../../../shared/model/eventMoment';
import { runningSessionIds } from '../../../shared/model/onNow';
import type { Result } from '../../../shared/ipc/result';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PlusIcon } from '../../ui/icons';
import { COMMANDS } from '../../../shared/commands/commandTable';
import { requestCommand } from '../commands/commandBus';
import { shortcutText } from '../commands/shortcutText';
import type { Agenda } from './useAgenda';
import { DayTabs } from './DayTabs';
import { EventHeader } from './EventHeader';
import { SessionList } from './SessionList';
import { useMinuteClock } from './useMinuteClock';
import { useNoteStats } from './useNoteStats';

type AgendaPaneProps = {
  event: EventFile;
  agenda: Agenda;
  day: number;
  selectedSessionId: string | null;
  onSelectDay: (day: number) => void;
  /** `byPointer` is false when the session was opened from the keyboard. */
  onOpenSession: (session: Session, byPointer: boolean) => void;
  /** The pointer went down on a session: it will most likely be opened (its note can be read ahead). */
  onPointToSession: (sessionId: string) => void;
  onAddSession: () => void;
  onEditSession: (session: Session) => void;
  onEditEvent: () => void;
  /** Saves the session's note and forgets it, before the session goes to the trash. */
  onDeleteSession: (session: Session) => Promise<Result<unknown>>;
  /** More buttons under the day's sessions (the day's post). */
  extraActions?: ReactNode;
};

const shortcutOf = (commandId: 'new-session' | 'import-programme') => shortcutText(COMMANDS.find((command) => command.id === commandId)!.shortcut);

/** The open event: its header, a tab per day and that day's sessions. */
export function AgendaPane(props: AgendaPaneProps) {
  const { event, agenda, day, selectedSessionId, onSelectDay, onOpenSession, onPointToSession, onAddSession, onEditSession, onEditEvent, onDeleteSession } = props;
  const [deleting, setDeleting] = useState<Session | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const days = eventDayCount(event);
  const sessions = sessionsOfDay(event, day);
  const now = useMinuteClock();
  const onNowIds = useMemo(() => runningSessionIds(event, eventMomentAt(event, now)), [event, now]);
  const stats = useNoteStats(event.id, selectedSessionId);

  async function move(sessionId: string, offset: -1 | 1) {
    const result = await agenda.moveSession(sessionId, offset);
    setMoveError(result.ok ? null : result.error.message);
    // The moved row keeps its DOM element; keep focus on it even when its arrow button became disabled.
    if (document.activeElement instanceof HTMLButtonElement && document.activeElement.disabled) {
      document.querySelector<HTMLElement>(`[data-session-id="${sessionId}"] .session-open`)?.focus();
    }
  }

  return (
    <section className="agenda" aria-label="Agenda">
      <EventHeader event={event} onEdit={onEditEvent} />
      {days > 1 && <DayTabs startDate={event.startDate} days={days} selectedDay={day} onSelect={onSelectDay} />}
      <div className="day-panel" id="day-panel" role={days > 1 ? 'tabpanel' : undefined} aria-labelledby={days > 1 ? `day-tab-${day}` : undefined}>
        {moveError && (
          <p className="form-error" role="alert">
            {moveError}
          </p>
        )}
        {sessions.length === 0 ? (
          <p className="empty-hint">No sessions on this day yet.</p>
        ) : (
          <SessionList
            sessions={sessions}
            selectedSessionId={selectedSessionId}
            onNowIds={onNowIds}
            stats={stats}
            onOpen={(sessionId, byPointer) => onOpenSession(sessions.find((session) => session.id === sessionId)!, byPointer)}
            onPointTo={onPointToSession}
            onMove={(sessionId, offset) => void move(sessionId, offset)}
            onEdit={onEditSession}
            onDelete={setDeleting}
          />
        )}
        <div className="agenda-actions">
          <button type="button" className="button add-session" onClick={onAddSession} title={`Add session (${shortcutOf('new-session')})`}>
            <PlusIcon /> Add session
          </button>
          <button type="button" className="button add-session" onClick={() => requestCommand('import-programme')} title={`Import programme (${shortcutOf('import-programme')})`}>
            Import programme…
          </button>
          {props.extraActions}
        </div>
      </div>
      {deleting && (
        <ConfirmDialog title="Delete session?" confirmLabel="Delete session" onClose={() => setDeleting(null)} onConfirm={() => onDeleteSession(deleting)}>
          <p>
            “{deleting.title}” and its note will be moved to the <strong>trash</strong> folder of your library. You can recover them from there.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
