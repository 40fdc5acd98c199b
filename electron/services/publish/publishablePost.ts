import { z } from 'zod';
import { composePost } from '../../../shared/export/composePost';
import { escapeHtmlAttribute } from '../../../shared/export/escapeHtml';
import { renderPostParts } from '../../../shared/export/renderedPost';
import { imagesOf, type PostImage } from '../../../shared/export/postImages';
import { assetFileOf, assetMediaType } from '../../../shared/note/assetPath';
import type { PostInput } from '../../../shared/export/postInput';
import type { FeaturedPhotoChoice } from '../../../shared/model/publish';
import { describePhoto } from './photoMessages';

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
  /** In reading order. */
  photos: z.array(publishablePhotoSchema).max(1000),
  /**
   * The src of the photo to feature, or null for none, as the editor chose when publishing.
   * Absent in jobs queued before the choice existed: those feature the first photo.
   */
  featured: z.string().max(200).nullable().optional(),
  /** What the post could not have as chosen, in words, for the publish result. */
  notes: z.array(z.string().max(2000)).max(20).default([]),
});
export type PublishablePost = z.infer<typeof publishablePostSchema>;

export function fromPostInput(input: PostInput, featuredChoice: FeaturedPhotoChoice = { kind: 'first' }): PublishablePost {
  const composed = composePost(input);
  const wordpress = renderPostParts(composed, 'wordpress');
  const { title, tags, byline, author, date, excerpt } = wordpress.metadata;
  const photos = toPublishablePhotos(wordpress.images);
  return { title, tags, byline, author, date, excerpt, bodies: { wordpress: wordpress.body, html: renderPostParts(composed, 'html').body }, photos, ...featuredPhoto(photos, featuredChoice) };
}

/** The photos the post shows, in reading order, as publishing sends them. */
export function photosOfPost(input: PostInput): PublishablePhoto[] {
  return toPublishablePhotos(imagesOf(composePost(input).blocks));
}

function toPublishablePhotos(images: readonly PostImage[]): PublishablePhoto[] {
  return images.flatMap((image) => {
    const file = assetFileOf(image.src);
    return file ? [{ src: image.src, file, mediaType: assetMediaType(file) ?? 'application/octet-stream', alt: image.alt, caption: image.caption }] : [];
  });
}

/** The chosen photo when the post still shows it; else the first, saying so. */
function featuredPhoto(photos: readonly PublishablePhoto[], choice: FeaturedPhotoChoice): { featured: string | null; notes: string[] } {
  if (choice.kind === 'none') return { featured: null, notes: [] };
  const first = photos[0]?.src ?? null;
  if (choice.kind === 'first') return { featured: first, notes: [] };
  const chosen = photos.find((photo) => photo.file === choice.file);
  if (chosen) return { featured: chosen.src, notes: [] };
  const instead = photos[0] ? `the first photo, ${describePhoto(photos[0])}, is featured instead` : 'the draft has no featured image';
  return { featured: first, notes: [`The featured photo chosen for this post (assets/${choice.file}) is no longer in it; ${instead}.`] };
}

/** The photo a job features: as chosen, or the first for a job queued before there was a choice. */
export function featuredPhotoOf(post: PublishablePost): PublishablePhoto | null {
  const src = post.featured === undefined ? (post.photos[0]?.src ?? null) : post.featured;
  return src === null ? null : (post.photos.find((photo) => photo.src === src) ?? null);
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
