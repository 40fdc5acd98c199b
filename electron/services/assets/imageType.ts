import type { ImageExtension } from '../../../shared/note/assetPath';

/**
 * The image format of a file by its first bytes (its "magic number"), whatever its name or
 * claimed media type says. Only the formats a note can show: PNG, JPEG, WebP and GIF.
 */
export function detectImageType(bytes: Uint8Array): ImageExtension | null {
  const startsWith = (signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith([0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif';
  // RIFF container whose form type is WEBP.
  if (startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}
