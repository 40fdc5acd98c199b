import type { CommandId } from '../../shared/commands/commandTable';

/**
 * Lets any component (a button in the agenda, the welcome screen) ask for a command of the
 * table without being handed the handlers: the one listener is the command dispatcher.
 */
const REQUEST = 'hallnotes:command';

export function requestCommand(commandId: CommandId): void {
  window.dispatchEvent(new CustomEvent<CommandId>(REQUEST, { detail: commandId }));
}

export function onCommandRequest(listener: (commandId: CommandId) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<CommandId>).detail);
  window.addEventListener(REQUEST, handle);
  return () => window.removeEventListener(REQUEST, handle);
}
