import type { EventFile, Session, SessionChanges, SessionDraft } from '../../../shared/model/event';
import { eventClockAt, sessionOnNow } from '../../../shared/model/onNow';
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
  /** The day tab shown. */
  day: number;
  agenda: HallAgenda;
  appearance: Appearance;
  /** Opens a session's note with the cursor in it. */
  openSession: (sessionId: string, day: number) => void;
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
    const sessions = event.sessions;
    if (sessions.length === 0) return;
    const index = session ? sessions.findIndex((candidate) => candidate.id === session.id) : -1;
    const next = sessions[Math.min(sessions.length - 1, Math.max(0, index === -1 ? 0 : index + offset))];
    if (next && next.id !== session?.id) openSession(next.id, next.day);
  };
  Object.assign(handlers, {
    'next-session': () => step(1),
    'previous-session': () => step(-1),
    'jump-to-on-now': () => {
      const onNow = sessionOnNow(event, Date.now());
      if (onNow) openSession(onNow.sessionId, onNow.day);
      else report(`“${event.title}” has no sessions yet.`);
    },
    'new-session': context.newSession,
    'new-unplanned-session': () => {
      // The time on the venue's clock; outside the event's dates, on the day shown.
      const clock = eventClockAt(event, Date.now());
      const day = clock.day ?? context.day;
      void agenda.addSession({ day, start: clock.time, title: `Unplanned session ${clock.time}`, status: 'live' }).then((result) => {
        reportFailure(result);
        if (!result.ok) return;
        openSession(result.value.id, result.value.day);
        context.libraryChanged();
      });
    },
  } satisfies CommandHandlers);
  if (session) {
    const mark = (status: Session['status']) => () => void agenda.updateSession(session.id, { status }).then(reportFailure);
    handlers['mark-covered'] = mark('covered');
    handlers['mark-skipped'] = mark('skipped');
  }
  return handlers;
}
