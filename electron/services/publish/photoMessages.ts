import { megabytes } from '../../../shared/model/byteSize';
import type { PublishablePhoto } from './publishablePost';

/** A photo as the reporter knows it: by its caption or alt text, with the file it is stored in. */
export function describePhoto(photo: Pick<PublishablePhoto, 'caption' | 'alt' | 'src'>): string {
  const label = (photo.caption || photo.alt).trim();
  const clipped = label.length > 60 ? `${label.slice(0, 59)}…` : label;
  return clipped ? `“${clipped}” (${photo.src})` : photo.src;
}

/**
 * Sizes as servers write them in their refusals: "1M", "2 MB", "1048576 bytes", "512K".
 * Returns the smallest size named, the likeliest to be the limit.
 */
export function limitNamedIn(text: string): number | null {
  const units: Record<string, number> = { b: 1, byte: 1, bytes: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };
  let smallest: number | null = null;
  for (const match of text.matchAll(/\b(\d+(?:\.\d+)?)\s*(bytes?|[kmg]i?b?|b)\b/gi)) {
    const bytes = Number(match[1]) * (units[match[2].toLowerCase()] ?? 0);
    if (bytes > 0 && (smallest === null || bytes < smallest)) smallest = bytes;
  }
  return smallest;
}

/** "The site refused the photo … (3.2 MB) as too large: it takes at most 2 MB …": which photo, how big, and the limit when the site says it. */
export function tooLargeMessage(photo: PublishablePhoto, bytes: number, siteAnswer: string, limitName: string | null): string {
  const named = limitNamedIn(siteAnswer);
  const limit =
    named !== null && named < bytes
      ? `: the site takes at most ${megabytes(named)}${limitName ? ` (${limitName})` : ''}`
      : `: the site's upload limit${limitName ? ` (${limitName})` : ''} is below that, and it does not say by how much`;
  return `The site refused the photo ${describePhoto(photo)}, ${megabytes(bytes)}, as too large${limit}. Make the photo smaller in the note, or ask the site's administrator to raise the limit; the photos before it are uploaded and will not be sent again.`;
}
