import { shell, type Session, type WebContents } from 'electron';
import { isOpenableExternally } from '../../shared/security/externalUrl';
import { APP_ORIGIN, APP_SCHEME } from './appProtocol';

/** The renderer never needs the network (publishing runs in the main process): every request that is not for the app itself is cancelled. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_SCHEME}:`) || details.url.startsWith('data:') || details.url.startsWith('blob:') || details.url.startsWith('devtools:');
    callback({ cancel: !allowed });
  });
}

/** No navigation away from the app and no new windows; http(s) links go to the system browser. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isOpenableExternally(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Why IPC from this frame is refused, or null for the app's own top frame. Compared by scheme
 * and host: Node's URL gives a custom scheme like app: the opaque origin "null", so `.origin`
 * would refuse the app itself.
 */
export function senderRefusal(frame: Electron.WebFrameMain | null): string | null {
  if (!frame) return 'the frame that sent it is gone';
  if (frame.parent !== null) return 'it came from a frame inside the page, not from the app’s own window';
  const url = URL.parse(frame.url);
  if (url === null) return 'it came from a page whose address cannot be read';
  const sender = `${url.protocol}//${url.host}`;
  if (sender !== APP_ORIGIN || url.username !== '' || url.password !== '') return `it came from ${sender}, not from the app`;
  return null;
}

export function isTrustedSender(frame: Electron.WebFrameMain | null): boolean {
  return senderRefusal(frame) === null;
}
