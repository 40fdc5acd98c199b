import type { ReactNode } from 'react';
import type { ComposedPost } from '../../../shared/export/composePost';
import type { Block, InlineNode, ListBlock, Mark } from '../../../shared/export/postBlocks';

/**
 * The post as the HTML document export writes its body (title, sections, byline), built as React elements from the same block tree
 * (shared/export/composePost) that renderHtml turns into a string, tag for tag. No HTML string
 * is ever parsed or injected: React escapes every text and attribute, links have already
 * passed safeUrl, and nothing here can carry a script, an event handler or a style. That is
 * simpler and safer than an <iframe srcdoc>, which the CSP would also have to allow.
 * Photos are the one difference: the export points them beside the file, the preview shows
 * them from the event's assets through `imageUrl` (or their description when it has none).
 */
export function PreviewBlocks({ post, imageUrl }: { post: ComposedPost; imageUrl: (src: string) => string | null }) {
  return (
    <>
      {post.title && <h1>{post.title}</h1>}
      {post.blocks.map((block, index) => (
        <BlockView key={index} block={block} imageUrl={imageUrl} />
      ))}
      {post.byline && <p>{post.byline}</p>}
    </>
  );
}

const MARK_TAGS = { bold: 'strong', italic: 'em', strikethrough: 's', underline: 'u', code: 'code' } as const satisfies Record<Mark, string>;
const HEADING_TAGS = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4', 5: 'h5', 6: 'h6' } as const;

function BlockView({ block, imageUrl }: { block: Block; imageUrl: (src: string) => string | null }): ReactNode {
  switch (block.kind) {
    case 'heading': {
      const Tag = HEADING_TAGS[block.level];
      return <Tag>{inline(block.content)}</Tag>;
    }
    case 'paragraph':
      return <p>{inline(block.content)}</p>;
    case 'list':
      return <ListView list={block} />;
    case 'quote':
      return (
        <blockquote>
          {block.blocks.map((inner, index) => (
            <BlockView key={index} block={inner} imageUrl={imageUrl} />
          ))}
          {block.attribution && <cite>{block.attribution}</cite>}
        </blockquote>
      );
    case 'image': {
      const url = imageUrl(block.src);
      return (
        <figure>
          {url ? <img src={url} alt={block.alt} /> : <span className="post-preview-photo">{block.alt || 'Photo'}</span>}
          {block.caption && <figcaption>{block.caption}</figcaption>}
        </figure>
      );
    }
    case 'sectionBreak':
      return <hr />;
  }
}

function ListView({ list }: { list: ListBlock }) {
  const items = list.items.map((item, index) => (
    <li key={index}>
      {inline(item.content)}
      {item.lists.map((nested, nestedIndex) => (
        <ListView key={nestedIndex} list={nested} />
      ))}
    </li>
  ));
  return list.ordered ? <ol start={list.start !== 1 ? list.start : undefined}>{items}</ol> : <ul>{items}</ul>;
}

function inline(nodes: readonly InlineNode[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'lineBreak':
        return <br key={index} />;
      case 'time':
        return (
          <time key={index} dateTime={node.dateTime}>
            {node.text}
          </time>
        );
      case 'link':
        return (
          <a key={index} href={node.url} target="_blank" rel="noreferrer noopener">
            {inline(node.children)}
          </a>
        );
      case 'mark': {
        const Tag = MARK_TAGS[node.mark];
        return <Tag key={index}>{inline(node.children)}</Tag>;
      }
    }
  });
}
