import { useState } from 'react';
import type { ComposedPost } from '../../../shared/export/composePost';
import { renderPost, type ExportOptions } from '../../../shared/export/renderPost';
import { PreviewBlocks } from './PreviewBlocks';

type PostPreviewProps = {
  post: ComposedPost;
  /** The format chosen for export: the source view shows exactly that text. */
  options: ExportOptions;
  imageUrl: (src: string) => string | null;
};

const FORMAT_NAMES = { html: 'HTML', markdown: 'Markdown', wordpress: 'WordPress', text: 'plain text' } as const;

/** The post as it will export: rendered, or as the exact text of the chosen format. */
export function PostPreview({ post, options, imageUrl }: PostPreviewProps) {
  const [view, setView] = useState<'rendered' | 'source'>('rendered');
  return (
    <section className="post-preview" aria-label="Preview">
      <div className="post-preview-bar">
        <h2 className="post-section-title">Preview</h2>
        <div className="segmented" role="group" aria-label="Preview as">
          <button type="button" aria-pressed={view === 'rendered'} onClick={() => setView('rendered')}>
            Post
          </button>
          <button type="button" aria-pressed={view === 'source'} onClick={() => setView('source')}>
            {FORMAT_NAMES[options.format]} source
          </button>
        </div>
      </div>
      <PostDetails post={post} />
      {view === 'rendered' ? (
        <article className="post-preview-body" data-testid="post-preview">
          <PreviewBlocks post={post} imageUrl={imageUrl} />
        </article>
      ) : (
        <pre className="post-preview-source" data-testid="post-source">
          {renderPost(post, options)}
        </pre>
      )}
    </section>
  );
}

/** What goes into a CMS's own fields (and Markdown's front matter) rather than into the body. */
function PostDetails({ post }: { post: ComposedPost }) {
  return (
    <dl className="post-preview-details" aria-label="Post details" title="Metadata: front matter in Markdown, the post's own fields in WordPress and Ghost">
      <div>
        <dt>Date</dt>
        <dd>{post.date}</dd>
      </div>
      <div>
        <dt>Author</dt>
        <dd>{post.author || 'none'}</dd>
      </div>
      <div>
        <dt>Tags</dt>
        <dd>{post.tags.length > 0 ? post.tags.join(', ') : 'none'}</dd>
      </div>
    </dl>
  );
}
