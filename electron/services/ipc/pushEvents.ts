import type { PushEventName, PushEvents } from '../../../shared/ipc/channels';

/** What a push travels over: Electron's webContents, or one page's push stream in the browser host. */
export type PushChannel = { send(name: string, payload: unknown): void };

/**
 * The one way Electron main and the host push to a renderer: the event must be one of the
 * table's push events (shared/ipc/channels.ts) and the payload its type.
 */
export function sendPush<Name extends PushEventName>(channel: PushChannel, name: Name, payload: PushEvents[Name]): void {
  channel.send(name, payload);
}
