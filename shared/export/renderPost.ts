import type { ExportFormat } from '../model/post';
import type { ComposedPost } from './composePost';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { renderPlainText } from './plainText';
import { renderWordPress } from './wordpress';

export type ExportOptions = {
  format: ExportFormat;
  /** HTML only: a fragment for pasting instead of a complete document. */
  fragment: boolean;
  /** Markdown only: YAML front matter (title, date, author, tags) instead of a "# Title" line. */
  frontMatter: boolean;
};

/** One composed post in the chosen format; the export file, the CLI, the clipboard and the preview's source view all come from here. */
export function renderPost(post: ComposedPost, options: ExportOptions): string {
  switch (options.format) {
    case 'html':
      return renderHtml(post, { document: !options.fragment });
    case 'markdown':
      return renderMarkdown(post, { frontMatter: options.frontMatter });
    case 'wordpress':
      return renderWordPress(post);
    case 'text':
      return renderPlainText(post);
  }
}
