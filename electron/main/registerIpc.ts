import { ipcMain } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channelNames';
import type { ChannelHandlers } from '../services/ipc/channelHandlers';
import { dispatchChannel } from '../services/ipc/dispatchChannel';
import { senderRefusal } from './security';

const REFUSED = { ok: false, error: { code: 'invalid-argument', message: 'IPC from an untrusted frame was refused.' } } as const;

/**
 * One ipcMain handler per channel of the table; arguments are validated by dispatchChannel.
 * IPC from anything but the app's own window is refused and, as VS Code's validated IPC does,
 * logged: once per reason, so a page that keeps trying cannot flood the log.
 */
export function registerIpc(handlers: ChannelHandlers, log: (message: string) => void = console.warn): void {
  const loggedReasons = new Set<string>();
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, argument: unknown) => {
      const refusal = senderRefusal(event.senderFrame);
      if (refusal !== null) {
        if (!loggedReasons.has(refusal)) {
          loggedReasons.add(refusal);
          log(`[hallnotes] Refused IPC on ${channel}: ${refusal} (further refusals for this reason are not logged).`);
        }
        return REFUSED;
      }
      return dispatchChannel(handlers, channel, argument);
    });
  }
}
