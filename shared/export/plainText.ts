import type { ComposedPost } from './composePost';
import type { Block, HeadingLevel, InlineNode, ListBlock } from './postBlocks';

/**
 * Plain text for the body of an email. Paragraphs are NOT hard-wrapped: one line per
 * paragraph (plus the note's own line breaks) lets every mail client wrap to its own width,
 * where text pre-wrapped at 72 columns breaks badly on phones. Headings are underlined (= - ~ ^ by level), lists
 * use "- " and "1. ", quotes "> ", links read "text (url)", a section break is "* * *".
 */
export function renderPlainText(post: ComposedPost): string {
  const parts = post.title ? [underline(post.title, '=')] : [];
  parts.push(...post.blocks.map(blockText));
  if (post.byline) parts.push(post.byline);
  return `${parts.join('\n\n')}\n`;
}

/** The body alone (no title or byline). */
export function plainTextBody(post: Pick<ComposedPost, 'blocks'>): string {
  const body = post.blocks.map(blockText).join('\n\n');
  return body === '' ? '' : `${body}\n`;
}

/** reStructuredText's usual order, so the outline shows without markup: the title, sessions, and the notes' own headings. */
const UNDERLINES: Record<HeadingLevel, string> = { 1: '=', 2: '-', 3: '~', 4: '^', 5: '^', 6: '^' };

function underline(text: string, character: string): string {
  const width = Math.max(...text.split('\n').map((line) => Array.from(line).length));
  return `${text}\n${character.repeat(width)}`;
}

function inlinePlain(nodes: readonly InlineNode[]): string {
  return nodes.map(inlineNodePlain).join('');
}

function inlineNodePlain(node: InlineNode): string {
  switch (node.kind) {
    case 'text':
    case 'time':
      return node.text;
    case 'lineBreak':
      return '\n';
    case 'mark':
      return inlinePlain(node.children);
    case 'link': {
      const text = inlinePlain(node.children);
      // An address or URL that is already its own text is not repeated.
      return text === node.url || `mailto:${text}` === node.url || `${text}/` === node.url ? text : `${text} (${node.url})`;
    }
  }
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return underline(inlinePlain(block.content), UNDERLINES[block.level]);
    case 'paragraph':
      return inlinePlain(block.content);
    case 'list':
      return listText(block);
    case 'quote': {
      const parts = block.blocks.map(blockText);
      if (block.attribution) parts.push(`— ${block.attribution}`);
      return parts
        .join('\n\n')
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    }
    case 'image': {
      const label = block.alt ? `[Image: ${block.alt}]` : '[Image]';
      return block.caption && block.caption !== block.alt ? `${label}\n${block.caption}` : label;
    }
    case 'sectionBreak':
      return '* * *';
  }
}

function listText(list: ListBlock): string {
  return list.items
    .flatMap((item, index) => {
      const marker = list.ordered ? `${list.start + index}. ` : '- ';
      const indent = ' '.repeat(marker.length);
      const lines = inlinePlain(item.content)
        .split('\n')
        .map((line, lineIndex) => (lineIndex === 0 ? marker : indent) + line);
      const nested = item.lists.flatMap((inner) => listText(inner).split('\n').map((line) => indent + line));
      return [...lines, ...nested];
    })
    .join('\n');
}
