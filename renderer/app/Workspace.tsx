import { useEffect, useMemo, useRef, useState } from 'react';
import { eventDayCount, type Session } from '../../shared/model/event';
import { eventMomentAt } from '../../shared/model/eventMoment';
import { keepsRememberedSession, onNowDecision, type OnNowDecision } from '../../shared/model/onNow';
import type { Result } from '../../shared/ipc/result';
import { api } from '../api/bridge';
import { AgendaPane } from '../features/agenda/AgendaPane';
import { requestFilterFocus } from '../features/agenda/agendaFocus';
import { NextUpLine } from '../features/agenda/NextUpLine';
import { SessionForm } from '../features/agenda/SessionForm';
import { useAgendaView } from '../features/agenda/useAgendaView';
import { useNoteStats } from '../features/agenda/useNoteStats';
import { useAppearance } from '../features/appearance/useAppearance';
import { requestCommand } from '../ui/commandBus';
import { HallCommands } from '../features/commands/HallCommands';
import { useAgenda } from '../features/agenda/useAgenda';
import { EventForm } from '../features/library/EventForm';
import { EventList } from '../features/library/EventList';
import { TrashButton } from '../features/trash/TrashButton';
import { BundleImportButton } from '../features/team/BundleImportButton';
import { TeamButton } from '../features/team/TeamButton';
import { useWaitingSessions } from '../features/team/useWaitingSessions';
import { useEventLibrary } from '../features/library/useEventLibrary';
import { NotePane } from '../features/note/NotePane';
import { IncomingVersionsBanner } from '../features/team/IncomingVersionsBanner';
import { PostButton } from '../features/post/PostButton';
import { PostView } from '../features/post/PostView';
import { usePostView } from '../features/post/usePostView';
import { useNoteReads } from '../features/note/noteReadsContext';
import { useNoteSaver } from '../features/note/noteSaverContext';
import { PlusIcon } from '../ui/icons';
import { AppRail } from './AppRail';
import { useSelection } from './useSelection';
import { useSidebarLayout } from './useSidebarLayout';

/** A switch waits this long at most for the note to be read before showing "Opening the note…". */
const OPEN_WAIT_MS = 150;

type EventFormState = { mode: 'create' } | { mode: 'edit' } | null;
type SessionFormState = { session: Session | null } | null;

/** The rail and the three panes — library, agenda, note — and the dialogs that change them. */
export function Workspace() {
  const saver = useNoteSaver();
  const reads = useNoteReads();
  const library = useEventLibrary();
  const selection = useSelection();
  const agenda = useAgenda(selection.eventId);
  const appearance = useAppearance();
  const sidebars = useSidebarLayout();
  const [eventForm, setEventForm] = useState<EventFormState>(null);
  const [sessionForm, setSessionForm] = useState<SessionFormState>(null);
  const [defaultAuthor, setDefaultAuthor] = useState('');
  const [focusRequest, setFocusRequest] = useState(0);
  const settledEventId = useRef<string | null>(null);
  const { event } = agenda;
  const session = event?.sessions.find((candidate) => candidate.id === selection.sessionId) ?? null;
  const postView = usePostView(event?.id ?? null);
  const stats = useNoteStats(event?.id ?? null, selection.sessionId);
  const view = useAgendaView(event, stats);
  const waitingSessionIds = useWaitingSessions(event?.id ?? null);
  const twoVersionIds = useMemo(() => new Set(waitingSessionIds), [waitingSessionIds]);
  // Bumped to bring the open session to the middle of the agenda (jump to on now).
  const [revealRequest, setRevealRequest] = useState(0);
  const [pickError, setPickError] = useState<string | null>(null);

  useEffect(() => {
    void api['preferences:get']({}).then((result) => result.ok && setDefaultAuthor(result.value.defaultAuthor));
  }, []);

  // When an event opens, show its chosen session (the remembered one at start-up, a search
  // result) on its day; otherwise what is on now by the venue's clock, whose editor starts
  // with the cursor at the end of the note, or the sessions on now to choose from. Which
  // sessions have notes counts, so that waits for the note counts.
  useEffect(() => {
    if (!event || settledEventId.current === event.id) return;
    const atStartUp = settledEventId.current === null;
    const moment = eventMomentAt(event, Date.now());
    const remembered = event.sessions.find((candidate) => candidate.id === selection.sessionId);
    if (remembered && (!atStartUp || keepsRememberedSession(event, remembered, moment))) {
      settledEventId.current = event.id;
      selection.selectDay(remembered.day);
      view.reveal(remembered.id);
      return;
    }
    if (!stats) return;
    settledEventId.current = event.id;
    const decision = onNowDecision(event, moment, view.hasNote);
    if (decision?.kind === 'session') {
      selection.openSession(decision.sessionId, decision.day);
      view.reveal(decision.sessionId);
    } else {
      selection.openSession(null, decision?.day);
      // Asked only in the hall: before or after the event, or once the day is over, the day is shown as it is.
      if (decision && (decision.reason === 'running' || decision.reason === 'next')) offerChoice(decision);
    }
  }, [event, stats, selection, view]);

  useEffect(() => {
    document.title = [session?.title, event?.title, 'Hallnotes'].filter(Boolean).join(' — ');
  }, [session?.title, event?.title]);

  /**
   * A click on a session: opens it with the keyboard in its note once its note has been read (or
   * after OPEN_WAIT_MS), so the switch renders and paints once. Only the latest choice opens.
   */
  function openSessionOnceRead(sessionId: string, day: number) {
    const waited = new Promise((resolve) => setTimeout(resolve, OPEN_WAIT_MS));
    selection.openSessionWhen(Promise.race([readAhead(sessionId), waited]), sessionId, day, () => setFocusRequest((count) => count + 1));
  }

  /**
   * A session chosen from the keyboard opens at once: the keys typed next (mark it covered,
   * skip it) must act on it, not on the session a pending read would still leave open.
   */
  function openSessionNow(sessionId: string, day: number) {
    void readAhead(sessionId);
    selection.openSession(sessionId, day);
    setFocusRequest((count) => count + 1);
  }

  /** The sessions on now to choose from, in the agenda, with the cursor in its filter. */
  function offerChoice(decision: Extract<OnNowDecision, { kind: 'choose' }>) {
    selection.selectDay(decision.day);
    view.offerChoice(decision);
    requestFilterFocus();
  }

  /**
   * Jump to on now: what the app opens at start, scrolled to in the agenda. The open session
   * counts as one with a note: a reporter already in one of twelve talks is not asked again.
   */
  function jumpToOnNow() {
    if (!event) return;
    const decision = onNowDecision(event, eventMomentAt(event, Date.now()), (sessionId) => view.hasNote(sessionId) || sessionId === selection.sessionId);
    if (decision?.kind === 'choose') return offerChoice(decision);
    if (!decision) return;
    openSessionNow(decision.sessionId, decision.day);
    revealSession(decision.sessionId);
  }

  /** Brings a session into the agenda's view: out from behind a filter or My day, to the middle of the list. */
  function revealSession(sessionId: string) {
    view.reveal(sessionId);
    setRevealRequest((count) => count + 1);
  }

  function openFromAgenda(opened: Session, byPointer: boolean) {
    if (view.choice) {
      // Chosen: the rest of the day's sessions come back around it, and the words that narrowed the choice go.
      view.clearFilter();
      setRevealRequest((count) => count + 1);
    }
    if (byPointer) openSessionOnceRead(opened.id, opened.day);
    else openSessionNow(opened.id, opened.day);
  }

  function togglePick(target: Session) {
    void agenda.updateSession(target.id, { picked: !target.picked }).then((result) => setPickError(result.ok ? null : result.error.message));
  }

  /** Starts reading a session's note before it opens; the open session's note is already shown, so nothing is read. */
  function readAhead(sessionId: string): Promise<void> {
    if (!event || sessionId === selection.sessionId) return Promise.resolve();
    return reads.prefetch({ eventId: event.id, sessionId });
  }

  async function deleteSession(target: Session): Promise<Result<unknown>> {
    const address = { eventId: event!.id, sessionId: target.id };
    await saver.flush(address);
    const result = await agenda.deleteSession(target.id);
    if (result.ok) {
      saver.forget(address);
      if (selection.sessionId === target.id) selection.openSession(null);
      void library.refresh();
    }
    return result;
  }

  const libraryShown = sidebars.library || !event;
  // Choosing among the sessions on now needs the agenda, even where it is tucked away.
  const agendaShown = sidebars.agenda || view.choice !== null;
  return (
    <div className="workspace" data-library={libraryShown ? 'shown' : 'hidden'} data-agenda={event && agendaShown ? 'shown' : 'hidden'}>
      <AppRail
        appearance={appearance}
        libraryShown={libraryShown}
        agendaShown={agendaShown}
        agendaAvailable={event !== null}
        onToggleLibrary={() => sidebars.toggle('library')}
        onToggleAgenda={() => sidebars.toggle('agenda')}
      />
      {libraryShown && (
      <EventList
        events={library.events}
        problems={library.problems}
        libraryPath={library.libraryPath}
        error={library.error ?? selection.error}
        selectedEventId={selection.eventId}
        onSelect={selection.openEvent}
        onCreate={() => setEventForm({ mode: 'create' })}
        onRecovered={(recovered) => {
          void library.refresh();
          if (recovered.id === selection.eventId) agenda.show(recovered);
        }}
        footer={
          <>
            <BundleImportButton openEventId={selection.eventId} onOpenEventChanged={agenda.show} onOpenEvent={selection.openEvent} onLibraryChanged={() => void library.refresh()} />
            <TrashButton openEventId={selection.eventId} onLibraryChanged={() => void library.refresh()} onOpenEventChanged={agenda.show} />
          </>
        }
      />
      )}
      {event && postView.day !== undefined ? (
        <PostView
          event={event}
          day={postView.day}
          onDayChange={postView.show}
          onClose={postView.close}
          onOpenSession={(sessionId) => {
            const opened = event.sessions.find((candidate) => candidate.id === sessionId);
            postView.close();
            if (opened) {
              selection.openSession(opened.id, opened.day);
              revealSession(opened.id);
            }
            setFocusRequest((count) => count + 1);
          }}
        />
      ) : event ? (
        agendaShown && (
        <AgendaPane
          event={event}
          agenda={agenda}
          view={view}
          day={selection.day}
          selectedSessionId={selection.sessionId}
          stats={stats}
          twoVersionIds={twoVersionIds}
          revealRequest={revealRequest}
          error={pickError}
          onSelectDay={(day) => {
            if (view.choice && view.choice.day !== day) view.clearChoice();
            selection.selectDay(day);
          }}
          onOpenSession={openFromAgenda}
          onPointToSession={(sessionId) => void readAhead(sessionId)}
          onTogglePick={togglePick}
          onAddSession={() => setSessionForm({ session: null })}
          onEditSession={(edited) => setSessionForm({ session: edited })}
          onEditEvent={() => setEventForm({ mode: 'edit' })}
          onDeleteSession={deleteSession}
          extraActions={
            <>
              <PostButton day={selection.day} days={eventDayCount(event)} onOpen={() => postView.show(selection.day)} />
              <TeamButton event={event} onOpenEventChanged={agenda.show} onOpenEvent={selection.openEvent} onLibraryChanged={() => void library.refresh()} onOpenSession={openSessionNow} waitingSessionIds={waitingSessionIds} />
            </>
          }
        />
        )
      ) : (
        <main className="welcome">
          {agenda.error && (
            <p className="form-error" role="alert">
              {agenda.error}
            </p>
          )}
          {library.loaded && selection.ready && (
            <div className="welcome-card">
              <h1>{library.events.length === 0 ? 'Welcome to Hallnotes' : 'Pick an event'}</h1>
              <p>
                {library.events.length === 0
                  ? 'Create an event, add its sessions, and take notes in the hall — everything is saved as you type.'
                  : 'Choose an event on the left, or create a new one.'}
              </p>
              <button type="button" className="button button-primary" onClick={() => setEventForm({ mode: 'create' })}>
                <PlusIcon /> New event
              </button>
              <button type="button" className="button" onClick={() => requestCommand('import-programme')}>
                Import a programme…
              </button>
            </div>
          )}
        </main>
      )}
      {postView.day !== undefined ? null : event && session ? (
        <NotePane
          event={event}
          session={session}
          onStatusChange={(status) => agenda.updateSession(session.id, { status })}
          onEditSession={() => setSessionForm({ session })}
          onTogglePick={() => togglePick(session)}
          focusRequest={focusRequest}
          footer={<NextUpLine event={event} onOpen={openSessionNow} />}
          noteBanner={(note) => <IncomingVersionsBanner {...note} waiting={twoVersionIds.has(note.address.sessionId)} />}
        />
      ) : (
        event && (
          <section className="note-pane note-pane-empty" aria-label="Note">
            <p>{emptyNoteText(event.sessions.length, view.choice)}</p>
          </section>
        )
      )}
      {eventForm && (
        <EventForm
          event={eventForm.mode === 'edit' ? event : null}
          defaultAuthor={defaultAuthor}
          onClose={() => setEventForm(null)}
          onSubmit={async (draft) => {
            if (eventForm.mode === 'edit') {
              const result = await agenda.updateEvent(draft);
              if (result.ok) void library.refresh();
              return result;
            }
            const result = await api['events:create'](draft);
            if (result.ok) {
              agenda.show(result.value);
              selection.openEvent(result.value.id);
              void library.refresh();
            }
            return result;
          }}
        />
      )}
      {sessionForm && event && (
        <SessionForm
          event={event}
          session={sessionForm.session}
          day={selection.day}
          onClose={() => setSessionForm(null)}
          onSubmit={async (draft) => {
            if (sessionForm.session) return agenda.updateSession(sessionForm.session.id, draft);
            const result = await agenda.addSession(draft);
            if (result.ok) {
              selection.openSession(result.value.id, result.value.day);
              revealSession(result.value.id);
              void library.refresh();
            }
            return result;
          }}
        />
      )}
      <HallCommands
        event={event}
        session={session}
        day={selection.day}
        agenda={agenda}
        appearance={appearance}
        onOpenSession={openSessionNow}
        agendaOrder={view.orderedSessions}
        onJumpToOnNow={jumpToOnNow}
        onTogglePick={togglePick}
        onOpenEventAt={(eventId, sessionId, day) => {
          if (eventId !== selection.eventId) selection.openEvent(eventId);
          else revealSession(sessionId);
          selection.openSession(sessionId, day);
        }}
        onOpenEvent={selection.openEvent}
        onNewEvent={() => setEventForm({ mode: 'create' })}
        onNewSession={() => setSessionForm({ session: null })}
        onLibraryChanged={() => void library.refresh()}
      />
    </div>
  );
}

function emptyNoteText(sessionCount: number, choice: { sessionIds: string[]; reason: string } | null): string {
  if (sessionCount === 0) return 'Add the first session of this event to start taking notes.';
  if (choice?.reason === 'running') return `${choice.sessionIds.length} sessions are on now. Choose yours in the agenda: type to narrow the list, Enter opens the first.`;
  if (choice) return `${choice.sessionIds.length} sessions start at the same time. Choose yours in the agenda.`;
  return 'Choose a session to open its note.';
}
