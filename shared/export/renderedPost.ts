import type { ExportFormat } from '../model/post';
import type { ComposedPost } from './composePost';
import { htmlBody } from './html';
import { renderMarkdownBlocks } from './markdown';
import { plainTextBody } from './plainText';
import { imagesOf, pointImages, type ImageTarget, type PostImage } from './postImages';
import { renderWordPress } from './wordpress';

/** What a CMS keeps in its own fields rather than in the post's content. */
export type PostMetadata = Pick<ComposedPost, 'title' | 'date' | 'author' | 'byline' | 'tags' | 'excerpt'>;

/**
 * A post as a publisher sends it: the metadata for the CMS's fields, the body in one format
 * (no title, byline or tags in it), and the photos it shows with their alt text and caption.
 * `images` always names the photos by their place in the event's assets folder, so the
 * publisher knows which files to upload.
 */
export type RenderedPost = { metadata: PostMetadata; body: string; images: PostImage[] };

const BODIES: Record<ExportFormat, (post: Pick<ComposedPost, 'blocks'>) => string> = {
  html: htmlBody,
  markdown: ({ blocks }) => renderMarkdownBlocks(blocks),
  wordpress: renderWordPress,
  text: plainTextBody,
};

/**
 * `imageTarget` says where each uploaded photo now lives (and its media id on WordPress), so
 * the body refers to it there; photos without an answer keep their assets/… path.
 */
export function renderPostParts(post: ComposedPost, format: ExportFormat, imageTarget?: (src: string) => ImageTarget | undefined): RenderedPost {
  const { title, date, author, byline, tags, excerpt } = post;
  const blocks = imageTarget ? pointImages(post.blocks, imageTarget) : post.blocks;
  return { metadata: { title, date, author, byline, tags, excerpt }, body: BODIES[format]({ blocks }), images: imagesOf(post.blocks) };
}
