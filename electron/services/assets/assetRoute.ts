import { idSchema } from '../../../shared/model/event';
import { ASSET_FILE_NAME } from '../../../shared/note/assetPath';

export const ASSET_ROUTE_PREFIX = '/event-assets/';

/**
 * The event and file a request path names, for "/event-assets/<eventId>/<file>" (the URL the
 * renderer shows photos from), or null when the path is anything else. Both the host and
 * Electron's app:// handler route through this, so they accept exactly the same paths.
 */
export function parseAssetRoute(pathname: string): { eventId: string; fileName: string } | null {
  if (!pathname.startsWith(ASSET_ROUTE_PREFIX)) return null;
  const parts = pathname.slice(ASSET_ROUTE_PREFIX.length).split('/');
  if (parts.length !== 2) return null;
  let eventId: string;
  try {
    eventId = decodeURIComponent(parts[0]);
  } catch {
    return null;
  }
  const fileName = parts[1];
  if (!idSchema.safeParse(eventId).success || !ASSET_FILE_NAME.test(fileName)) return null;
  return { eventId, fileName };
}
