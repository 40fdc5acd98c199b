import { useCallback, useRef, useState } from 'react';
import { COMMANDS } from '../../../shared/commands/commandTable';
import type { EventFile, Session } from '../../../shared/model/event';
import type { ImportSummary } from '../../../shared/model/importSummary';
import { eventClockAt, sessionOnNow } from '../../../shared/model/onNow';
import type { SearchHit } from '../../../shared/model/search';
import { api } from '../../api/bridge';
import type { Appearance } from '../appearance/useAppearance';
import { UnplannedSessionDialog } from '../agenda/UnplannedSessionDialog';
import { ImportDialog } from '../import/ImportDialog';
import { readProgrammeFile, type ProgrammeUpload } from '../import/readProgrammeFile';
import { useProgrammeDrop } from '../import/useProgrammeDrop';
import { revealMatch } from '../search/revealMatch';
import { SearchDialog } from '../search/SearchDialog';
import { CommandPalette } from './CommandPalette';
import { shortcutText } from '../../ui/shortcutText';
import { useCommandDispatcher } from './useCommandDispatcher';
import { addUnplannedSession, hallCommandHandlers, type HallAgenda } from './hallCommandHandlers';
import '../../styles/hall.css';

type HallCommandsProps = {
  event: EventFile | null;
  session: Session | null;
  day: number;
  agenda: HallAgenda;
  appearance: Appearance;
  /** Opens a session's note (of the open event) with the cursor in it. */
  onOpenSession: (sessionId: string, day: number) => void;
  /** The sessions in the order the agenda shows them, every day in turn (next and previous session). */
  agendaOrder: () => Session[];
  onJumpToOnNow: () => void;
  onTogglePick: (session: Session) => void;
  /** Opens a session of any event (a search result). */
  onOpenEventAt: (eventId: string, sessionId: string, day: number) => void;
  /** Opens an event on the session on now (after an import created it). */
  onOpenEvent: (eventId: string) => void;
  onNewEvent: () => void;
  onNewSession: () => void;
  onLibraryChanged: () => void;
};

const FOCUS_SHORTCUT = shortcutText(COMMANDS.find((command) => command.id === 'toggle-focus-mode')!.shortcut);
const PROGRAMME_TYPES = '.ics,.ical,.xml,.json,.csv,.tsv,.txt,text/calendar,text/csv,application/json,application/xml,text/xml';

/**
 * The keyboard-first layer over the workspace: the command table's shortcuts and menu entries,
 * the command palette, search, programme import (file picker and drag-and-drop) and the
 * appearance settings.
 */
export function HallCommands(props: HallCommandsProps) {
  const { event, session, agenda, appearance } = props;
  const [unplannedAt, setUnplannedAt] = useState<string | null>(null);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const [upload, setUpload] = useState<ProgrammeUpload | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const startImport = useCallback(async (file: File) => {
    const read = await readProgrammeFile(file);
    setMessage(read.ok ? null : read.message);
    if (read.ok) setUpload(read.upload);
  }, []);
  const dragging = useProgrammeDrop((file) => void startImport(file));

  const handlers = hallCommandHandlers({
    event,
    session,
    agenda,
    appearance,
    openSession: props.onOpenSession,
    agendaOrder: props.agendaOrder,
    jumpToOnNow: props.onJumpToOnNow,
    togglePick: props.onTogglePick,
    askUnplannedDay: () => event && setUnplannedAt(eventClockAt(event, Date.now()).time),
    newEvent: props.onNewEvent,
    newSession: props.onNewSession,
    libraryChanged: props.onLibraryChanged,
    openPalette: () => setPaletteOpen(true),
    openSearch: () => setSearchOpen(true),
    chooseProgrammeFile: () => fileInput.current?.click(),
    report: setMessage,
  });
  const run = useCommandDispatcher(handlers, session?.id ?? null);

  async function imported(summary: ImportSummary) {
    setUpload(null);
    props.onLibraryChanged();
    if (!summary.eventId) return;
    if (summary.eventId !== event?.id) return props.onOpenEvent(summary.eventId);
    const reloaded = await api['events:get']({ eventId: summary.eventId });
    if (!reloaded.ok) return;
    agenda.show(reloaded.value);
    // As on opening an event: the session on now, else the first.
    const landing = sessionOnNow(reloaded.value, Date.now());
    if (landing) props.onOpenSession(landing.sessionId, landing.day);
  }

  function openHit(hit: SearchHit) {
    props.onOpenEventAt(hit.eventId, hit.sessionId, hit.day);
    const inNote = hit.snippets.find((snippet) => snippet.field === 'note');
    if (inNote) revealMatch({ eventId: hit.eventId, sessionId: hit.sessionId, text: inNote.matchText, occurrence: inNote.occurrence });
  }

  return (
    <>
      <input
        ref={fileInput}
        type="file"
        accept={PROGRAMME_TYPES}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Programme file to import"
        onChange={(change) => {
          const file = change.target.files?.[0];
          change.target.value = '';
          if (file) void startImport(file);
        }}
      />
      {appearance.focusMode && (
        <button type="button" className="button button-small focus-mode-exit" onClick={appearance.toggleFocusMode}>
          Exit focus mode ({FOCUS_SHORTCUT})
        </button>
      )}
      {(message ?? appearance.error) && (
        <div className="hall-message" role="alert">
          <p>{message ?? appearance.error}</p>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setMessage(null)}>
            ×
          </button>
        </div>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop the programme file to import it (iCalendar, schedule.xml, schedule.json, Sessionize JSON or CSV)</p>
        </div>
      )}
      {paletteOpen && <CommandPalette isAvailable={(commandId) => handlers[commandId] !== undefined} onRun={run} onClose={() => setPaletteOpen(false)} />}
      {searchOpen && <SearchDialog onOpen={openHit} onClose={() => setSearchOpen(false)} />}
      {unplannedAt && event && (
        <UnplannedSessionDialog
          event={event}
          day={props.day}
          time={unplannedAt}
          onClose={() => setUnplannedAt(null)}
          onSubmit={({ day, start }) => addUnplannedSession({ agenda, openSession: props.onOpenSession, libraryChanged: props.onLibraryChanged }, day, start)}
        />
      )}
      {upload && <ImportDialog upload={upload} currentEvent={event} onImported={(summary) => void imported(summary)} onClose={() => setUpload(null)} />}
    </>
  );
}
