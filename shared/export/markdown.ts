import type { ComposedPost } from './composePost';
import { escapeDestination, escapeMarkdownText, markdownInline } from './markdownInline';
import type { Block, InlineNode, ListBlock } from './postBlocks';
import { yamlFrontMatter } from './yamlFrontMatter';

export type MarkdownOptions = {
  /** YAML front matter (title, date, author, tags) instead of a leading "# Title" and a closing byline. */
  frontMatter: boolean;
};

/**
 * CommonMark. User text is escaped so it stays text; underline has no Markdown form and is
 * written as plain text, strikethrough as GFM `~~`.
 */
export function renderMarkdown(post: ComposedPost, options: MarkdownOptions): string {
  const parts: string[] = [];
  if (options.frontMatter) {
    parts.push(yamlFrontMatter({ title: post.title, date: post.date, author: post.author, tags: post.tags }));
  } else if (post.title) {
    parts.push(`# ${markdownInline([{ kind: 'text', text: post.title }], { heading: true })}`);
  }
  parts.push(...blocksMarkdown(post.blocks));
  // With front matter the author is metadata; a bare Markdown document ends with its byline.
  if (!options.frontMatter && post.byline) parts.push(markdownInline([{ kind: 'text', text: post.byline }], { heading: false }));
  return `${parts.join('\n\n')}\n`;
}

/** Blocks alone, with no title, byline or front matter (one note for `hallnotes note get`, a post's body for a publisher); nothing for no blocks. */
export function renderMarkdownBlocks(blocks: readonly Block[]): string {
  return blocks.length === 0 ? '' : `${blocksMarkdown(blocks).join('\n\n')}\n`;
}

function blocksMarkdown(blocks: readonly Block[]): string[] {
  let previousList: { ordered: boolean; alternate: boolean } | null = null;
  return blocks.map((block) => {
    if (block.kind !== 'list') {
      previousList = null;
      return blockMarkdown(block);
    }
    // Two lists in a row with the same marker would merge into one; switching marker keeps them apart.
    const alternate = previousList?.ordered === block.ordered ? !previousList.alternate : false;
    previousList = { ordered: block.ordered, alternate };
    return listMarkdown(block, alternate);
  });
}

function blockMarkdown(block: Exclude<Block, ListBlock>): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${markdownInline(block.content, { heading: true })}`;
    case 'paragraph':
      return markdownInline(block.content, { heading: false });
    case 'quote': {
      const inner = blocksMarkdown(block.blocks);
      if (block.attribution) inner.push(`— ${escapeMarkdownText(block.attribution, false, { heading: false })}`);
      return prefixLines(inner.join('\n\n'), '> ', '>');
    }
    case 'image': {
      const alt = escapeMarkdownText(block.alt, false, { heading: false });
      const image = `![${alt}](${escapeDestination(block.src)})`;
      if (!block.caption) return image;
      const caption: InlineNode = { kind: 'mark', mark: 'italic', children: [{ kind: 'text', text: block.caption }] };
      return `${image}\n\n${markdownInline([caption], { heading: false })}`;
    }
    case 'sectionBreak':
      // Always after a blank line, so never read as the underline of a heading.
      return '---';
  }
}

function listMarkdown(list: ListBlock, alternate: boolean): string {
  const lines: string[] = [];
  list.items.forEach((item, index) => {
    const marker = list.ordered ? `${list.start + index}${alternate ? ')' : '.'}` : alternate ? '*' : '-';
    const indent = ' '.repeat(marker.length + 1);
    const content = markdownInline(item.content, { heading: false });
    lines.push(content === '' ? marker : prefixLines(content, indent, '', `${marker} `));
    item.lists.forEach((nested, nestedIndex) => lines.push(prefixLines(listMarkdown(nested, nestedIndex % 2 === 1), indent, '')));
  });
  return lines.join('\n');
}

/** Prefixes every line; blank lines get blankPrefix (so "> " quotes stay free of trailing spaces). */
function prefixLines(text: string, prefix: string, blankPrefix: string, firstPrefix = prefix): string {
  return text
    .split('\n')
    .map((line, index) => (line === '' ? blankPrefix : (index === 0 ? firstPrefix : prefix) + line))
    .join('\n');
}
