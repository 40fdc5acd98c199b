import { useCallback, useEffect, useRef } from 'react';
import { matchesAccelerator } from '../../../shared/commands/accelerator';
import { COMMANDS, isCommandId, type CommandId } from '../../../shared/commands/commandTable';
import { bridge } from '../../api/bridge';
import { IS_MAC } from '../../ui/shortcuts';
import { requestAgendaFocus } from '../agenda/agendaFocus';
import { onCommandRequest } from '../../ui/commandBus';

/** What each command does right now; a command missing here is unavailable (no event open…). */
export type CommandHandlers = Partial<Record<CommandId, () => void>>;

const isDialogOpen = () => document.querySelector('dialog[open]') !== null;

/**
 * Runs the table's commands from their keys (also while typing in a note), from the
 * application menu and from buttons anywhere. While a dialog is open its keys are its own.
 * Escape in the note moves to the session list (Enter there comes back), as before.
 */
export function useCommandDispatcher(handlers: CommandHandlers, openSessionId: string | null): (commandId: CommandId) => void {
  const latest = useRef({ handlers, openSessionId });
  latest.current = { handlers, openSessionId };

  const run = useCallback((commandId: CommandId) => latest.current.handlers[commandId]?.(), []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const { openSessionId } = latest.current;
      // The target, not document.activeElement: Lexical has already blurred the editor on Escape.
      if (event.key === 'Escape' && openSessionId && event.target instanceof Element && event.target.closest('.editor-content')) {
        if (!isDialogOpen()) requestAgendaFocus(openSessionId);
        return;
      }
      const command = COMMANDS.find((candidate) => matchesAccelerator(event, candidate.shortcut.accelerator, IS_MAC));
      // Looked for only for a command's key: searching the page for a dialog on every keystroke in a long note costs.
      if (!command || isDialogOpen()) return;
      // Taken even when the command is unavailable, so the browser does not act on it instead.
      event.preventDefault();
      run(command.id);
    }
    const fromMenu = ({ commandId }: { commandId: string }) => {
      if (isCommandId(commandId) && !isDialogOpen()) run(commandId);
    };
    document.addEventListener('keydown', onKeyDown);
    const stopMenu = bridge.subscribe('menu:command', fromMenu);
    const stopRequests = onCommandRequest(run);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      stopMenu();
      stopRequests();
    };
  }, [run]);

  return run;
}
