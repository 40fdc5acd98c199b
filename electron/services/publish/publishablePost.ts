import { z } from 'zod';
import { composePost } from '../../../shared/export/composePost';
import { escapeHtmlAttribute } from '../../../shared/export/escapeHtml';
import { renderHtml } from '../../../shared/export/html';
import type { Block } from '../../../shared/export/postBlocks';
import { renderWordPress } from '../../../shared/export/wordpress';
import { assetFileOf, assetMediaType } from '../../../shared/note/assetPath';
import type { PostInput } from '../../../shared/export/postInput';

/**
 * What publishing needs from a post, whatever the serializers look like: the title and tags as
 * the CMS's own fields, the body as WordPress block markup and as HTML, and the photos with
 * the exact `src` the body uses for each, so it can point them at the uploaded copies.
 *
 * This file is the one place that knows the serializers: `fromPostInput` builds it from
 * composePost and the WordPress and HTML renderers. Tags are left out of the body (the CMS
 * shows its own); the byline stays at its end, as in every export.
 */
export const publishablePhotoSchema = z.strictObject({
  /** As written in the body, e.g. "assets/3f2a….jpg". */
  src: z.string().max(200),
  /** The file in the event's assets folder, named by the SHA-256 of its bytes. */
  file: z.string().regex(/^[0-9a-f]{64}\.(?:png|jpg|webp|gif)$/),
  mediaType: z.string().max(50),
  alt: z.string().max(10_000),
  caption: z.string().max(10_000),
});
export type PublishablePhoto = z.infer<typeof publishablePhotoSchema>;

export const publishablePostSchema = z.strictObject({
  title: z.string().max(1000),
  tags: z.array(z.string().max(200)).max(100),
  byline: z.string().max(1000),
  author: z.string().max(1000),
  date: z.string().max(20),
  bodies: z.strictObject({ wordpress: z.string(), html: z.string() }),
  /** In reading order; the first is the featured image. */
  photos: z.array(publishablePhotoSchema).max(1000),
});
export type PublishablePost = z.infer<typeof publishablePostSchema>;

export function fromPostInput(input: PostInput): PublishablePost {
  const composed = composePost({ ...input, tags: [] });
  return {
    title: composed.title,
    tags: composePost(input).tags,
    byline: composed.byline,
    author: composed.author,
    date: composed.date,
    bodies: { wordpress: renderWordPress(composed), html: renderHtml(composed, { document: false }) },
    photos: photosOf(composed.blocks),
  };
}

/** The photo's content hash: its asset file name without the extension. */
export function photoHash(photo: Pick<PublishablePhoto, 'file'>): string {
  return photo.file.slice(0, photo.file.indexOf('.'));
}

/**
 * The body with every photo's src pointing at its uploaded copy. Only exact `src="…"` values of
 * img tags are touched, so text that happens to mention "assets/…" stays as it is.
 */
export function pointPhotosAt(body: string, uploaded: ReadonlyMap<string, string>): string {
  return body.replace(/(<img\b[^>]*?\bsrc=")([^"]*)(")/g, (whole, before: string, src: string, after: string) => {
    const url = uploaded.get(src);
    return url === undefined ? whole : `${before}${escapeHtmlAttribute(url)}${after}`;
  });
}

function photosOf(blocks: readonly Block[]): PublishablePhoto[] {
  const photos = new Map<string, PublishablePhoto>();
  const visit = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'quote') visit(block.blocks);
      if (block.kind !== 'image' || photos.has(block.src)) continue;
      const file = assetFileOf(block.src);
      if (file) photos.set(block.src, { src: block.src, file, mediaType: assetMediaType(file) ?? 'application/octet-stream', alt: block.alt, caption: block.caption });
    }
  };
  visit(blocks);
  return [...photos.values()];
}
