import type { ComposedPost } from './composePost';
import { escapeHtmlAttribute, escapeHtmlText } from './escapeHtml';
import type { Block, InlineNode, ListBlock } from './postBlocks';

/**
 * WordPress block-editor markup, written the way WordPress's own serializer writes core blocks
 * (checked against Gutenberg's test/integration/fixtures/blocks and core block save functions):
 * `<!-- wp:paragraph -->` with a bare <p>, headings and lists with their wp-block-* classes,
 * lists holding wp:list-item inner blocks, quotes holding paragraph inner blocks and a <cite>.
 * The title, byline and tags are not part of the content: WordPress keeps them in the post's
 * own fields (title, author, tags).
 */
export function renderWordPress(post: Pick<ComposedPost, 'blocks'>): string {
  const blocks = post.blocks.map(blockMarkup).join('\n\n');
  return blocks === '' ? '' : `${blocks}\n`;
}

/** Inline formats as WordPress's format library writes them (underline is core/underline's span). */
function inlineMarkup(nodes: readonly InlineNode[]): string {
  return nodes.map(inlineNodeMarkup).join('');
}

function inlineNodeMarkup(node: InlineNode): string {
  switch (node.kind) {
    case 'text':
      return escapeHtmlText(node.text);
    case 'time':
      return escapeHtmlText(node.text);
    case 'lineBreak':
      return '<br>';
    case 'link':
      return `<a href="${escapeHtmlAttribute(node.url)}">${inlineMarkup(node.children)}</a>`;
    case 'mark': {
      const inner = inlineMarkup(node.children);
      if (node.mark === 'underline') return `<span style="text-decoration: underline;">${inner}</span>`;
      const tag = { bold: 'strong', italic: 'em', strikethrough: 's', code: 'code' }[node.mark];
      return `<${tag}>${inner}</${tag}>`;
    }
  }
}

/**
 * Block attributes as WordPress serializes them: JSON with the characters that could end the
 * comment or be read as markup written as unicode escapes.
 */
function serializeAttributes(attributes: Record<string, unknown>): string {
  return JSON.stringify(attributes)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022');
}

function wrapBlock(name: string, attributes: Record<string, unknown> | null, content: string): string {
  const serialized = attributes ? ` ${serializeAttributes(attributes)}` : '';
  return `<!-- wp:${name}${serialized} -->\n${content}\n<!-- /wp:${name} -->`;
}

function blockMarkup(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return wrapBlock(
        'heading',
        block.level === 2 ? null : { level: block.level },
        `<h${block.level} class="wp-block-heading">${inlineMarkup(block.content)}</h${block.level}>`,
      );
    case 'paragraph':
      return wrapBlock('paragraph', null, `<p>${inlineMarkup(block.content)}</p>`);
    case 'list':
      return listMarkup(block);
    case 'quote': {
      const cite = block.attribution ? `<cite>${escapeHtmlText(block.attribution)}</cite>` : '';
      return wrapBlock('quote', null, `<blockquote class="wp-block-quote">${block.blocks.map(blockMarkup).join('\n\n')}${cite}</blockquote>`);
    }
    case 'image': {
      // A photo in the media library carries its id, as the block editor writes it, so WordPress links the two.
      const media = block.mediaId === undefined ? null : block.mediaId;
      const caption = block.caption ? `<figcaption class="wp-element-caption">${escapeHtmlText(block.caption)}</figcaption>` : '';
      const image = `<img src="${escapeHtmlAttribute(block.src)}" alt="${escapeHtmlAttribute(block.alt)}"${media === null ? '' : ` class="wp-image-${media}"`}/>`;
      return wrapBlock('image', media === null ? null : { id: media }, `<figure class="wp-block-image">${image}${caption}</figure>`);
    }
    case 'sectionBreak':
      // core/separator with its default attributes, which the serializer leaves out.
      return wrapBlock('separator', null, '<hr class="wp-block-separator has-alpha-channel-opacity"/>');
  }
}

function listMarkup(list: ListBlock): string {
  const attributes = list.ordered ? { ordered: true, ...(list.start !== 1 ? { start: list.start } : {}) } : null;
  const open = list.ordered ? `<ol${list.start !== 1 ? ` start="${list.start}"` : ''} class="wp-block-list">` : '<ul class="wp-block-list">';
  const items = list.items.map((item) =>
    wrapBlock('list-item', null, `<li>${inlineMarkup(item.content)}${item.lists.map(listMarkup).join('\n\n')}</li>`),
  );
  return wrapBlock('list', attributes, `${open}${items.join('\n\n')}${list.ordered ? '</ol>' : '</ul>'}`);
}
