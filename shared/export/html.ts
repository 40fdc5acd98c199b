import type { ComposedPost } from './composePost';
import { escapeHtmlAttribute, escapeHtmlText } from './escapeHtml';
import type { Block, InlineNode, ListBlock, Mark } from './postBlocks';

export type HtmlOptions = {
  /**
   * A complete HTML5 document (the title as h1, the byline at the end, author and tags in the
   * head) instead of the body alone, for pasting into a CMS.
   */
  document: boolean;
  /** The document's lang attribute; "en" when missing or not a language tag. */
  language?: string;
};

/**
 * Clean semantic HTML: only h1–h6, p, strong, em, u, s, code, br, a, ul/ol/li, blockquote,
 * cite, figure, img, figcaption, time and hr. No classes, no inline styles, no editor spans;
 * every text and attribute escaped; links are already limited to http, https and mailto.
 */
export function renderHtml(post: ComposedPost, options: HtmlOptions): string {
  if (!options.document) return htmlBody(post);
  const language = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(options.language ?? '') ? (options.language as string) : 'en';
  const title = escapeHtmlText(post.title);
  const body = post.blocks.map(blockHtml);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtmlAttribute(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    ...(post.author ? [`<meta name="author" content="${escapeHtmlAttribute(post.author)}">`] : []),
    ...(post.tags.length > 0 ? [`<meta name="keywords" content="${escapeHtmlAttribute(post.tags.join(', '))}">`] : []),
    '</head>',
    '<body>',
    ...(title ? [`<h1>${title}</h1>`] : []),
    ...body,
    ...(post.byline ? [`<p>${escapeHtmlText(post.byline)}</p>`] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The body alone, for pasting into a CMS or publishing to one: no title, byline or tags, which the CMS keeps in its own fields. */
export function htmlBody(post: Pick<ComposedPost, 'blocks'>): string {
  const body = post.blocks.map(blockHtml).join('\n');
  return body === '' ? '' : `${body}\n`;
}

const MARK_TAGS: Record<Mark, string> = { bold: 'strong', italic: 'em', strikethrough: 's', underline: 'u', code: 'code' };

function inlineHtml(nodes: readonly InlineNode[]): string {
  return nodes.map(inlineNodeHtml).join('');
}

function inlineNodeHtml(node: InlineNode): string {
  switch (node.kind) {
    case 'text':
      return escapeHtmlText(node.text);
    case 'mark':
      return `<${MARK_TAGS[node.mark]}>${inlineHtml(node.children)}</${MARK_TAGS[node.mark]}>`;
    case 'link':
      return `<a href="${escapeHtmlAttribute(node.url)}">${inlineHtml(node.children)}</a>`;
    case 'lineBreak':
      return '<br>';
    case 'time':
      return `<time datetime="${escapeHtmlAttribute(node.dateTime)}">${escapeHtmlText(node.text)}</time>`;
  }
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${inlineHtml(block.content)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${inlineHtml(block.content)}</p>`;
    case 'list':
      return listHtml(block);
    case 'quote':
      return [
        '<blockquote>',
        ...block.blocks.map(blockHtml),
        ...(block.attribution ? [`<cite>${escapeHtmlText(block.attribution)}</cite>`] : []),
        '</blockquote>',
      ].join('\n');
    case 'image':
      return [
        '<figure>',
        `<img src="${escapeHtmlAttribute(block.src)}" alt="${escapeHtmlAttribute(block.alt)}">`,
        ...(block.caption ? [`<figcaption>${escapeHtmlText(block.caption)}</figcaption>`] : []),
        '</figure>',
      ].join('\n');
    case 'sectionBreak':
      return '<hr>';
  }
}

function listHtml(list: ListBlock): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const open = list.ordered && list.start !== 1 ? `<ol start="${list.start}">` : `<${tag}>`;
  const items = list.items.map((item) => {
    const nested = item.lists.map(listHtml);
    return nested.length === 0 ? `<li>${inlineHtml(item.content)}</li>` : [`<li>${inlineHtml(item.content)}`, ...nested, '</li>'].join('\n');
  });
  return [open, ...items, `</${tag}>`].join('\n');
}
