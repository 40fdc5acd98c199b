import type { EventFile, Session, SessionChanges, SessionDraft } from '../../../shared/model/event';
import { eventClockAt } from '../../../shared/model/onNow';
import type { Result } from '../../../shared/ipc/result';
import type { Appearance } from '../appearance/useAppearance';
import type { CommandHandlers } from './useCommandDispatcher';

/** The agenda changes the commands make (the agenda feature's useAgenda provides them). */
export type HallAgenda = {
  show: (event: EventFile) => void;
  addSession: (draft: SessionDraft) => Promise<Result<Session>>;
  updateSession: (sessionId: string, changes: SessionChanges) => Promise<Result<Session>>;
};

export type HallContext = {
  event: EventFile | null;
  session: Session | null;
  agenda: HallAgenda;
  appearance: Appearance;
  /** Opens a session's note with the cursor in it. */
  openSession: (sessionId: string, day: number) => void;
  /** The sessions in the order the agenda shows them (My day, or All sessions as filtered), every day in turn. */
  agendaOrder: () => Session[];
  /** Opens what is on now, or offers the sessions on now to choose from. */
  jumpToOnNow: () => void;
  togglePick: (session: Session) => void;
  /** The event is not on today: asks which day an unplanned session goes on. */
  askUnplannedDay: () => void;
  newEvent: () => void;
  newSession: () => void;
  libraryChanged: () => void;
  openPalette: () => void;
  openSearch: () => void;
  chooseProgrammeFile: () => void;
  /** Shows why a command could not do its job. */
  report: (message: string | null) => void;
};

/** What each command of the table does in the workspace right now; commands that need an open event or session are absent without one. */
export function hallCommandHandlers(context: HallContext): CommandHandlers {
  const { event, session, agenda, appearance, openSession, report } = context;
  const reportFailure = (result: Result<unknown>) => report(result.ok ? null : result.error.message);
  const handlers: CommandHandlers = {
    'import-programme': context.chooseProgrammeFile,
    'new-event': context.newEvent,
    search: context.openSearch,
    'command-palette': context.openPalette,
    'toggle-focus-mode': appearance.toggleFocusMode,
    'toggle-dark-theme': appearance.toggleDarkTheme,
    'text-larger': () => appearance.changeTextSize(1),
    'text-smaller': () => appearance.changeTextSize(-1),
  };
  if (!event) return handlers;

  const step = (offset: 1 | -1) => {
    const sessions = context.agendaOrder();
    if (sessions.length === 0) return;
    const index = session ? sessions.findIndex((candidate) => candidate.id === session.id) : -1;
    const next = sessions[Math.min(sessions.length - 1, Math.max(0, index === -1 ? 0 : index + offset))];
    if (next && next.id !== session?.id) openSession(next.id, next.day);
  };
  Object.assign(handlers, {
    'next-session': () => step(1),
    'previous-session': () => step(-1),
    'jump-to-on-now': () => {
      if (event.sessions.length > 0) context.jumpToOnNow();
      else report(`“${event.title}” has no sessions yet.`);
    },
    'new-session': context.newSession,
    'new-unplanned-session': () => {
      // At the time on the venue's clock; an event that is not on today has no right day to guess.
      const clock = eventClockAt(event, Date.now());
      if (clock.day === null) return context.askUnplannedDay();
      void addUnplannedSession(context, clock.day, clock.time).then(reportFailure);
    },
  } satisfies CommandHandlers);
  if (session) {
    const mark = (status: Session['status']) => () => void agenda.updateSession(session.id, { status }).then(reportFailure);
    handlers['mark-covered'] = mark('covered');
    handlers['mark-skipped'] = mark('skipped');
    handlers['toggle-pick'] = () => context.togglePick(session);
  }
  return handlers;
}

/** A live session starting at `start` on `day`, opened with the cursor in its note. */
export async function addUnplannedSession(context: Pick<HallContext, 'agenda' | 'openSession' | 'libraryChanged'>, day: number, start: string): Promise<Result<Session>> {
  const result = await context.agenda.addSession({ day, start, title: `Unplanned session ${start}`, status: 'live' });
  if (result.ok) {
    context.openSession(result.value.id, result.value.day);
    context.libraryChanged();
  }
  return result;
}
