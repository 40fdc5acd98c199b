import { useMemo, useState, type ReactNode } from 'react';
import { eventDayCount, type EventFile, type Session } from '../../../shared/model/event';
import { eventMomentAt } from '../../../shared/model/eventMoment';
import { pickClashes } from '../../../shared/model/myDay';
import { runningSessionIds } from '../../../shared/model/onNow';
import type { EventNoteStats } from '../../../shared/model/search';
import type { Result } from '../../../shared/ipc/result';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDayDate } from '../../ui/format';
import { COMMANDS } from '../../../shared/commands/commandTable';
import { shortcutText } from '../../ui/shortcutText';
import { groupBySlot, ungrouped } from './agendaItems';
import { requestAgendaFocus, requestFilterFocus } from './agendaFocus';
import type { Agenda } from './useAgenda';
import { isFiltering, useAgendaViewState, type AgendaView, type AgendaViewState } from './useAgendaView';
import { AgendaViewSwitch } from './AgendaViewSwitch';
import { DayTabs } from './DayTabs';
import { EventHeader } from './EventHeader';
import { SessionFilterBar } from './SessionFilterBar';
import { SessionList } from './SessionList';
import { useMinuteClock } from './useMinuteClock';

type AgendaPaneProps = {
  event: EventFile;
  agenda: Agenda;
  view: AgendaView;
  day: number;
  selectedSessionId: string | null;
  /** Words and TK per session; null while they are read. */
  stats: EventNoteStats | null;
  /** Sessions whose note has a teammate's version waiting beside the reporter's. */
  twoVersionIds: ReadonlySet<string>;
  /** Bumped to bring the open session to the middle of the list. */
  revealRequest: number;
  /** Why the last change from outside the list (a pick) failed. */
  error: string | null;
  onSelectDay: (day: number) => void;
  /** `byPointer` is false when the session was opened from the keyboard. */
  onOpenSession: (session: Session, byPointer: boolean) => void;
  /** The pointer went down on a session: it will most likely be opened (its note can be read ahead). */
  onPointToSession: (sessionId: string) => void;
  onTogglePick: (session: Session) => void;
  onAddSession: () => void;
  onEditSession: (session: Session) => void;
  onEditEvent: () => void;
  /** Saves the session's note and forgets it, before the session goes to the trash. */
  onDeleteSession: (session: Session) => Promise<Result<unknown>>;
  /** More buttons under the day's sessions (the day's post). */
  extraActions?: ReactNode;
};

const NO_STATS: EventNoteStats = {};
const shortcutOf = (commandId: 'toggle-pick') => shortcutText(COMMANDS.find((command) => command.id === commandId)!.shortcut);

/**
 * The open event: its header and a tab per day, which stay in place, then My day or All
 * sessions of the day (filtered by text and room, parallel sessions under their slot's time),
 * the only part that scrolls.
 */
export function AgendaPane(props: AgendaPaneProps) {
  const { event, agenda, view, day, selectedSessionId, onSelectDay, onOpenSession, onPointToSession, onAddSession, onEditSession, onEditEvent, onDeleteSession } = props;
  const [deleting, setDeleting] = useState<Session | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const days = eventDayCount(event);
  const state = useAgendaViewState(view);
  const { stats } = props;
  // `stats` and `event` are read through the view; they are named here so a change recomputes the list.
  const shown = useMemo(() => view.sessionsOfDay(day, state), [view, day, state, event, stats]);
  const items = useMemo(() => (state.view === 'all' ? groupBySlot(shown) : ungrouped(shown)), [state.view, shown]);
  const allOfDay = useMemo(() => event.sessions.filter((session) => session.day === day), [event, day]);
  const myDayCount = useMemo(() => allOfDay.filter((session) => session.picked || view.hasNote(session.id)).length, [allOfDay, view, stats]);
  const rooms = useMemo(() => roomsOf(event), [event]);
  const filtering = isFiltering(state);
  const matchesByDay = useMemo(() => {
    if (!filtering) return null;
    const counts = new Array<number>(days).fill(0);
    for (const session of event.sessions) if (view.matches(session, state)) counts[session.day - 1] += 1;
    return counts;
  }, [filtering, days, event, view, state]);
  const now = useMinuteClock();
  const onNowIds = useMemo(() => runningSessionIds(event, eventMomentAt(event, now)), [event, now]);
  const clashes = useMemo(() => clashTexts(pickClashes(event, day)), [event, day]);
  const movable = state.view === 'all' && !filtering && !state.choice;

  async function move(sessionId: string, offset: -1 | 1) {
    const result = await agenda.moveSession(sessionId, offset);
    setMoveError(result.ok ? null : result.error.message);
    // The moved row keeps its DOM element; keep focus on it even when its arrow button became disabled.
    if (document.activeElement instanceof HTMLButtonElement && document.activeElement.disabled) {
      document.querySelector<HTMLElement>(`[data-session-id="${sessionId}"] .session-open`)?.focus();
    }
  }

  const openFirst = () => {
    if (shown[0]) onOpenSession(shown[0], false);
  };

  return (
    <section className="agenda" aria-label="Agenda">
      <EventHeader event={event} onEdit={onEditEvent} onAddSession={onAddSession} />
      {days > 1 && <DayTabs startDate={event.startDate} days={days} selectedDay={day} onSelect={onSelectDay} matches={matchesByDay} />}
      <div className="agenda-controls">
        <AgendaViewSwitch view={state.view} myDayCount={myDayCount} allCount={allOfDay.length} onChange={view.setView} />
        {state.view === 'all' && (
          <SessionFilterBar
            text={state.text}
            room={state.room}
            rooms={rooms}
            onTextChange={view.setText}
            onRoomChange={view.setRoom}
            onOpenFirst={openFirst}
            onEnterList={() => shown[0] && requestAgendaFocus(shown[0].id)}
            onEscapeEmpty={state.choice ? view.clearChoice : () => view.setRoom(null)}
          />
        )}
      </div>
      {state.choice && state.choice.day === day && (
        <div className="on-now-choice" role="status">
          <p title="Type to narrow the list; Enter opens the first.">
            <strong>{describeChoice(state.choice.sessionIds.length, state.choice.reason, shown[0]?.start)}</strong> Which one are you in?
          </p>
          <button type="button" className="button button-small" onClick={view.clearChoice}>
            Show all
          </button>
        </div>
      )}
      <div className="day-panel" id="day-panel" role={days > 1 ? 'tabpanel' : undefined} aria-labelledby={days > 1 ? `day-tab-${day}` : undefined}>
        {(moveError ?? props.error) && (
          <p className="form-error" role="alert">
            {moveError ?? props.error}
          </p>
        )}
        {shown.length === 0 ? (
          <EmptyDay view={view} state={state} matchesByDay={matchesByDay} day={day} dayDate={formatDayDate(event.startDate, day)} hasSessions={allOfDay.length > 0} />
        ) : (
          <SessionList
            key={`${state.view}-${day}`}
            items={items}
            selectedSessionId={selectedSessionId}
            onNowIds={onNowIds}
            stats={props.stats ?? NO_STATS}
            twoVersionIds={props.twoVersionIds}
            clashes={clashes}
            movable={movable}
            revealRequest={props.revealRequest}
            onOpen={(sessionId, byPointer) => onOpenSession(shown.find((session) => session.id === sessionId)!, byPointer)}
            onPointTo={onPointToSession}
            onMove={(sessionId, offset) => void move(sessionId, offset)}
            onEdit={onEditSession}
            onDelete={setDeleting}
            onTogglePick={props.onTogglePick}
            onLeaveTop={state.view === 'all' ? requestFilterFocus : undefined}
          />
        )}
      </div>
      {props.extraActions && <div className="agenda-actions">{props.extraActions}</div>}
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

/** What the list says when it shows nothing: never a blank pane. */
function EmptyDay(props: { view: AgendaView; state: AgendaViewState; matchesByDay: number[] | null; day: number; dayDate: string; hasSessions: boolean }) {
  const { view, state, matchesByDay, day, dayDate, hasSessions } = props;
  if (!hasSessions) return <p className="empty-hint">No sessions on this day yet.</p>;
  if (state.view === 'my-day') {
    return (
      <div className="empty-hint">
        <p>
          Nothing on your list for Day {day} ({dayDate}) yet. In All sessions, pick the sessions you will cover with the star ({shortcutOf('toggle-pick')}).
        </p>
        <button type="button" className="button button-small" onClick={() => view.setView('all')}>
          Show all sessions
        </button>
      </div>
    );
  }
  const what = [state.text.trim() && `“${state.text.trim()}”`, state.room && `in ${state.room}`].filter(Boolean).join(' ');
  if (state.choice) {
    return (
      <div className="empty-hint" role="status">
        <p>None of the {state.choice.sessionIds.length} sessions to choose from matches {what || 'the filter'}.</p>
        <button type="button" className="button button-small" onClick={view.clearChoice}>
          Look in all sessions
        </button>
      </div>
    );
  }
  const elsewhere = matchesByDay?.reduce((sum, count, index) => (index === day - 1 ? sum : sum + count), 0) ?? 0;
  return (
    <div className="empty-hint" role="status">
      <p>
        No session matches {what || 'the filter'} on Day {day}.{elsewhere > 0 && ` ${elsewhere} on other days: see the day tabs.`}
      </p>
      <button type="button" className="button button-small" onClick={view.clearFilter}>
        Clear the filter
      </button>
    </div>
  );
}

function describeChoice(count: number, reason: string, start: string | undefined): string {
  if (reason === 'running') return `${count} sessions are on now.`;
  return `${count} sessions start at ${start ?? 'the same time'}.`;
}

function clashTexts(clashes: Map<string, Session[]>): Map<string, string> {
  return new Map([...clashes].map(([sessionId, others]) => [sessionId, `Clashes with ${others.map((other) => `“${other.title}”${other.room ? ` (${other.room})` : ''}`).join(', ')}`]));
}

function roomsOf(event: EventFile): string[] {
  const rooms = new Set(event.sessions.map((session) => session.room).filter(Boolean));
  return [...rooms].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }));
}
