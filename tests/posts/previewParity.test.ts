import { parseFragment } from 'parse5';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PreviewBlocks } from '../../renderer/features/post/PreviewBlocks';
import { composePost } from '../../shared/export/composePost';
import { renderHtml } from '../../shared/export/html';
import { conferenceDay } from '../export/fixtures/conferenceDay';
import { link, note, paragraph, text } from '../export/fixtures/noteBuilders';

type Node = { nodeName: string; tagName?: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };

/** The element tree as a reader's browser sees it: tags, attributes and text, without the newlines between blocks. */
function tree(html: string): string[] {
  const lines: string[] = [];
  const visit = (node: Node, depth: number) => {
    if (node.nodeName === '#text') {
      // renderHtml puts a newline before a nested list; browsers collapse it like any space at a block's edge.
      const value = node.value!.replace(/\n$/, '');
      if (value !== '') lines.push(`${'  '.repeat(depth)}"${value}"`);
      return;
    }
    // React's server renderer adds <link rel="preload"> hints for images; a browser rendering the preview does not.
    if (node.tagName === 'link') return;
    if (node.tagName) {
      // The preview opens links in a new window, so the app itself never navigates away.
      const attributes = (node.attrs ?? []).filter((attribute) => !(node.tagName === 'a' && (attribute.name === 'target' || attribute.name === 'rel')));
      lines.push(`${'  '.repeat(depth)}<${node.tagName}${attributes.map((attribute) => ` ${attribute.name}="${attribute.value}"`).join('')}>`);
    }
    for (const child of node.childNodes ?? []) visit(child, node.tagName ? depth + 1 : depth);
  };
  visit(parseFragment(html) as unknown as Node, 0);
  return lines;
}

function preview(post: ReturnType<typeof composePost>): string {
  return renderToStaticMarkup(createElement(PreviewBlocks, { post, imageUrl: (src: string) => src }));
}

describe('the live preview', () => {
  it('has the very elements, attributes and text of the exported HTML document’s body (title, sections, byline), in both section styles', () => {
    for (const style of ['headings', 'flowing'] as const) {
      const post = composePost(conferenceDay(style));
      const documentBody = /<body>\n([\s\S]*)<\/body>/.exec(renderHtml(post, { document: true }))![1];
      expect(tree(preview(post))).toEqual(tree(documentBody));
    }
  });

  it('shows hostile text as text, and never a script, handler or unsafe link', () => {
    const day = conferenceDay();
    const hostile = note(paragraph(text('<script>alert(1)</script><img src=x onerror=alert(2)>'), link('javascript:alert(3)', 'click')));
    const post = composePost({ ...day, sections: [{ ...day.sections[0], note: hostile }] });
    const html = preview(post);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(tree(html).filter((line) => /^\s*</.test(line)).join('\n')).not.toMatch(/<script|\son\w+=|javascript:/);
    expect(html).not.toContain('href="javascript:');
  });

  it('shows a photo without a loadable address by its description', () => {
    const post = composePost(conferenceDay());
    const html = renderToStaticMarkup(createElement(PreviewBlocks, { post, imageUrl: () => null }));
    expect(html).toContain('<figure><span class="post-preview-photo">Chris Example on stage</span><figcaption>Chris Example during the keynote</figcaption></figure>');
  });
});
