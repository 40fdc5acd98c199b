import { IMAGE_MEDIA_TYPES, MAX_IMAGE_BYTES } from '../../shared/note/assetPath';

const ACCEPTED_TYPES = new Set<string>(Object.values(IMAGE_MEDIA_TYPES));
/** For the file picker's filter. */
export const ACCEPTED_PHOTO_TYPES = [...ACCEPTED_TYPES].join(',');

/**
 * Why a file cannot become a photo in the note, before it is sent anywhere: the wrong kind or
 * too big. The services check again from the bytes themselves (a renamed file is caught there).
 */
export function photoProblem(file: File): string | null {
  const name = file.name ? `"${file.name}"` : 'The pasted file';
  if (!ACCEPTED_TYPES.has(file.type)) return `${name} is not a PNG, JPEG, WebP or GIF image, so it was not added.`;
  if (file.size > MAX_IMAGE_BYTES) {
    // Rounded up, so a file just over the limit never reads as exactly the limit.
    const size = (Math.ceil((file.size / 1024 / 1024) * 10) / 10).toFixed(1);
    return `${name} is ${size} MB; a photo can be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`;
  }
  if (file.size === 0) return `${name} is empty, so it was not added.`;
  return null;
}

/** The file's bytes as base64, the form the assets:store channel carries them in. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read "${file.name}".`));
    reader.readAsDataURL(file);
  });
}
