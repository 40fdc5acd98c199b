import { Parser, type Node } from 'commonmark';
import type { Block, InlineNode } from '../../../shared/export/postBlocks';

/**
 * A comparable outline of a document: one line per block (indented by nesting) plus the texts of
 * links, strong and emphasised spans and code. Built from the export block tree (what we meant)
 * and from commonmark's parse of the Markdown (what a CommonMark reader sees).
 */
export type Outline = { blocks: string[]; links: string[]; strong: string[]; emphasis: string[]; code: string[] };

function emptyOutline(): Outline {
  return { blocks: [], links: [], strong: [], emphasis: [], code: [] };
}

export function outlineOfBlocks(blocks: readonly Block[], title?: string): Outline {
  const outline = emptyOutline();
  if (title !== undefined) outline.blocks.push(`h1 ${title}`);
  addBlocks(blocks, 0, outline);
  return outline;
}

function addBlocks(blocks: readonly Block[], depth: number, outline: Outline): void {
  const pad = '  '.repeat(depth);
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        outline.blocks.push(`${pad}h${block.level} ${inlineOfBlocks(block.content, outline, true)}`);
        break;
      case 'paragraph':
        outline.blocks.push(`${pad}p ${inlineOfBlocks(block.content, outline, false)}`);
        break;
      case 'list':
        outline.blocks.push(`${pad}${block.ordered ? `ol ${block.start}` : 'ul'}`);
        for (const item of block.items) {
          outline.blocks.push(`${pad}  li ${inlineOfBlocks(item.content, outline, false)}`);
          addBlocks(item.lists, depth + 2, outline);
        }
        break;
      case 'quote':
        outline.blocks.push(`${pad}quote`);
        addBlocks(block.blocks, depth + 1, outline);
        if (block.attribution) outline.blocks.push(`${pad}  p — ${block.attribution}`);
        break;
      case 'image':
        outline.blocks.push(`${pad}image ${block.src} ${block.alt}`);
        if (block.caption) {
          outline.blocks.push(`${pad}p ${block.caption}`);
          outline.emphasis.push(block.caption);
        }
        break;
      case 'sectionBreak':
        outline.blocks.push(`${pad}---`);
        break;
    }
  }
}

/** Strikethrough is GFM, which a strict CommonMark reader shows as literal `~~`. */
function inlineOfBlocks(nodes: readonly InlineNode[], outline: Outline, heading: boolean): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
        case 'time':
          return node.text;
        case 'lineBreak':
          return heading ? ' ' : '\n';
        case 'link': {
          const text = inlineOfBlocks(node.children, outline, heading);
          outline.links.push(`${node.url} ${text}`);
          return text;
        }
        case 'mark': {
          const text = inlineOfBlocks(node.children, outline, heading);
          if (node.mark === 'bold') outline.strong.push(text);
          if (node.mark === 'italic') outline.emphasis.push(text);
          if (node.mark === 'code') outline.code.push(text);
          return node.mark === 'strikethrough' ? `~~${text}~~` : text;
        }
      }
    })
    .join('');
}

export function outlineOfMarkdown(markdown: string): Outline {
  const outline = emptyOutline();
  addMarkdownBlocks(children(new Parser().parse(markdown)), 0, outline);
  return outline;
}

function children(node: Node): Node[] {
  const list: Node[] = [];
  for (let child = node.firstChild; child; child = child.next) list.push(child);
  return list;
}

function addMarkdownBlocks(nodes: readonly Node[], depth: number, outline: Outline): void {
  const pad = '  '.repeat(depth);
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        outline.blocks.push(`${pad}h${node.level} ${inlineOfMarkdown(node, outline)}`);
        break;
      case 'paragraph': {
        const only = children(node);
        if (only.length === 1 && only[0].type === 'image') outline.blocks.push(`${pad}image ${only[0].destination} ${inlineOfMarkdown(only[0], outline)}`);
        else outline.blocks.push(`${pad}p ${inlineOfMarkdown(node, outline)}`);
        break;
      }
      case 'list':
        outline.blocks.push(`${pad}${node.listType === 'ordered' ? `ol ${node.listStart}` : 'ul'}`);
        for (const item of children(node)) {
          const [first, ...rest] = children(item);
          const text = first?.type === 'paragraph' ? inlineOfMarkdown(first, outline) : '';
          outline.blocks.push(`${pad}  li ${text}`);
          addMarkdownBlocks(first?.type === 'paragraph' ? rest : children(item), depth + 2, outline);
        }
        break;
      case 'block_quote':
        outline.blocks.push(`${pad}quote`);
        addMarkdownBlocks(children(node), depth + 1, outline);
        break;
      case 'thematic_break':
        outline.blocks.push(`${pad}---`);
        break;
      default:
        outline.blocks.push(`${pad}UNEXPECTED ${node.type} ${node.literal ?? ''}`);
    }
  }
}

function inlineOfMarkdown(parent: Node, outline: Outline): string {
  return children(parent)
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.literal ?? '';
        case 'softbreak':
          return ' ';
        case 'linebreak':
          return '\n';
        case 'code':
          outline.code.push(node.literal ?? '');
          return node.literal ?? '';
        case 'emph':
        case 'strong': {
          const text = inlineOfMarkdown(node, outline);
          (node.type === 'strong' ? outline.strong : outline.emphasis).push(text);
          return text;
        }
        case 'link': {
          const text = inlineOfMarkdown(node, outline);
          outline.links.push(`${node.destination} ${text}`);
          return text;
        }
        case 'image':
          return inlineOfMarkdown(node, outline);
        default:
          return `UNEXPECTED(${node.type} ${node.literal ?? ''})`;
      }
    })
    .join('');
}

/** Splits `---` front matter from the body, as static site generators do before parsing Markdown. */
export function splitFrontMatter(markdown: string): { frontMatter: string[]; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) return { frontMatter: [], body: markdown };
  return { frontMatter: match[1].split('\n'), body: markdown.slice(match[0].length) };
}
