import { ipcMain } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channelNames';
import type { ChannelHandlers } from '../services/ipc/channelHandlers';
import { dispatchChannel } from '../services/ipc/dispatchChannel';
import { isTrustedSender } from './security';

/** One ipcMain handler per channel of the table; arguments are validated by dispatchChannel. */
export function registerIpc(handlers: ChannelHandlers): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, argument: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'invalid-argument', message: 'IPC from an untrusted frame was refused.' } };
      }
      return dispatchChannel(handlers, channel, argument);
    });
  }
}
