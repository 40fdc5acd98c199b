/**
 * Photos in notes are stored once per event, named by the SHA-256 of their bytes:
 * events/<eventId>/assets/<sha256>.<ext>. A note refers to one as "assets/<file>", and the
 * renderer shows it from "event-assets/<eventId>/<file>", which the host and Electron's app://
 * handler serve from that one folder. Nothing else is ever referenced.
 */
export const IMAGE_MEDIA_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
} as const;
export type ImageExtension = keyof typeof IMAGE_MEDIA_TYPES;

/** The largest photo a note accepts. */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

export const ASSET_FILE_NAME = /^[0-9a-f]{64}\.(?:png|jpg|webp|gif)$/;
const ASSET_SRC = /^assets\/([0-9a-f]{64}\.(?:png|jpg|webp|gif))$/;

/** The file name inside the assets folder when `src` is a stored photo's reference, else null. */
export function assetFileOf(src: unknown): string | null {
  return typeof src === 'string' ? (ASSET_SRC.exec(src)?.[1] ?? null) : null;
}

export function isAssetSrc(src: unknown): src is string {
  return assetFileOf(src) !== null;
}

/** The relative URL the renderer loads a stored photo from. */
export function assetUrl(eventId: string, src: string): string | null {
  const file = assetFileOf(src);
  return file ? `event-assets/${encodeURIComponent(eventId)}/${file}` : null;
}

/** The media type of a stored photo's file name. */
export function assetMediaType(fileName: string): string | null {
  if (!ASSET_FILE_NAME.test(fileName)) return null;
  return IMAGE_MEDIA_TYPES[fileName.slice(fileName.lastIndexOf('.') + 1) as ImageExtension];
}
