import { z } from 'zod';
import { composePost } from '../../../shared/export/composePost';
import { escapeHtmlAttribute } from '../../../shared/export/escapeHtml';
import { renderPostParts } from '../../../shared/export/renderedPost';
import { assetFileOf, assetMediaType } from '../../../shared/note/assetPath';
import type { PostInput } from '../../../shared/export/postInput';

/**
 * What publishing needs from a post, whatever the serializers look like: the title and tags as
 * the CMS's own fields, the body as WordPress block markup and as HTML, and the photos with
 * the exact `src` the body uses for each, so it can point them at the uploaded copies.
 *
 * This file is the one place that knows the serializers: `fromPostInput` builds it from
 * composePost and renderPostParts, which keep the title, byline, tags and excerpt out of the
 * body (the CMS has fields for them). The bodies are rendered when the reporter publishes and
 * kept in the outbox job as they are, so a job queued offline sends what was checked.
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
  /** The intro's first paragraph, for the CMS's excerpt field; '' without an intro. */
  excerpt: z.string().max(5000).default(''),
  bodies: z.strictObject({ wordpress: z.string(), html: z.string() }),
  /** In reading order; the first is the featured image. */
  photos: z.array(publishablePhotoSchema).max(1000),
});
export type PublishablePost = z.infer<typeof publishablePostSchema>;

export function fromPostInput(input: PostInput): PublishablePost {
  const composed = composePost(input);
  const wordpress = renderPostParts(composed, 'wordpress');
  const { title, tags, byline, author, date, excerpt } = wordpress.metadata;
  return {
    title,
    tags,
    byline,
    author,
    date,
    excerpt,
    bodies: { wordpress: wordpress.body, html: renderPostParts(composed, 'html').body },
    photos: wordpress.images.flatMap((image) => {
      const file = assetFileOf(image.src);
      return file ? [{ src: image.src, file, mediaType: assetMediaType(file) ?? 'application/octet-stream', alt: image.alt, caption: image.caption }] : [];
    }),
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
