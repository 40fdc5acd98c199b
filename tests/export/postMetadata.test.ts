import { parse } from '@wordpress/block-serialization-default-parser';
import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import { renderHtml } from '../../shared/export/html';
import { renderMarkdown } from '../../shared/export/markdown';
import { renderPlainText } from '../../shared/export/plainText';
import { renderPostParts } from '../../shared/export/renderedPost';
import { renderWordPress } from '../../shared/export/wordpress';
import { KEYNOTE_PHOTO, conferenceDay } from './fixtures/conferenceDay';
import { note, paragraph, styled, text, BOLD } from './fixtures/noteBuilders';

const post = composePost(conferenceDay());

describe('byline and tags', () => {
  it('are front matter in Markdown for a CMS, not lines of the body', () => {
    const markdown = renderMarkdown(post, { frontMatter: true });
    expect(markdown).toContain('\nauthor: "Jane Doe"\ntags:\n  - "cloud"\n  - "conference"\n  - "Day 1"\n---\n');
    expect(markdown).not.toContain('Posted by');
    expect(markdown).not.toContain('Tags:');
    expect(markdown.endsWith('Tomorrow: **security day**. See you there!\n')).toBe(true);
  });

  it('are left out of WordPress block markup and the HTML fragment, which a CMS keeps in its own fields', () => {
    for (const body of [renderWordPress(post), renderHtml(post, { document: false })]) {
      expect(body).not.toContain('Posted by');
      expect(body).not.toContain('Tags:');
      expect(body).not.toContain('cloud, conference');
    }
  });

  it('in a standalone HTML document: the byline closes the body, author and tags go in the head', () => {
    const html = renderHtml(post, { document: true });
    expect(html).toContain('<title>Cloud Summit 2026 – Day 1 Reflections</title>\n<meta name="author" content="Jane Doe">\n<meta name="keywords" content="cloud, conference, Day 1">\n</head>');
    expect(html.endsWith('<p>Tomorrow: <strong>security day</strong>. See you there!</p>\n<p>Posted by Jane Doe</p>\n</body>\n</html>\n')).toBe(true);
    expect(html).not.toContain('Tags:');
  });

  it('in Markdown without front matter and in plain text: the byline ends the post, with no tags line', () => {
    expect(renderMarkdown(post, { frontMatter: false }).endsWith('See you there!\n\nPosted by Jane Doe\n')).toBe(true);
    expect(renderPlainText(post).endsWith('See you there!\n\nPosted by Jane Doe\n')).toBe(true);
    for (const output of [renderMarkdown(post, { frontMatter: false }), renderPlainText(post)]) expect(output).not.toContain('Tags:');
  });
});

describe('the rendered post a publisher sends', () => {
  it('is metadata, a body without title, byline or tags, and the photos with their alt text and caption', () => {
    const parts = renderPostParts(post, 'wordpress');
    expect(parts.metadata).toEqual({
      title: 'Cloud Summit 2026 – Day 1 Reflections',
      date: '2026-03-10',
      author: 'Jane Doe',
      byline: 'Posted by Jane Doe',
      tags: ['cloud', 'conference', 'Day 1'],
      excerpt: 'Day one of Cloud Summit drew 1,200 people to Berlin.',
    });
    expect(parts.body).toBe(renderWordPress(post));
    expect(parts.images).toEqual([{ src: KEYNOTE_PHOTO, alt: 'Chris Example on stage', caption: 'Chris Example during the keynote' }]);
    expect(renderPostParts(post, 'html').body).toBe(renderHtml(post, { document: false }));
    expect(renderPostParts(post, 'markdown').body.startsWith('Day one of *Cloud Summit*')).toBe(true);
    expect(renderPostParts(post, 'text').body.startsWith('Day one of Cloud Summit')).toBe(true);
  });

  it('points photos where the publisher uploaded them, with the WordPress media id on the image block', () => {
    const uploaded: Record<string, { src: string; mediaId: number }> = { [KEYNOTE_PHOTO]: { src: 'https://blog.example/wp-content/uploads/2026/03/stage.jpg', mediaId: 123 } };
    const wordpress = renderPostParts(post, 'wordpress', (src) => uploaded[src]);
    const image = parse(wordpress.body).find((block) => block.blockName === 'core/image')!;
    expect(image.attrs).toEqual({ id: 123 });
    expect(image.innerHTML).toBe(
      '\n<figure class="wp-block-image"><img src="https://blog.example/wp-content/uploads/2026/03/stage.jpg" alt="Chris Example on stage" class="wp-image-123"/><figcaption class="wp-element-caption">Chris Example during the keynote</figcaption></figure>\n',
    );
    expect(wordpress.images).toEqual([{ src: KEYNOTE_PHOTO, alt: 'Chris Example on stage', caption: 'Chris Example during the keynote' }]);
    const html = renderPostParts(post, 'html', (src) => ({ src: `https://ghost.example/content/images/${src.slice('assets/'.length)}` }));
    expect(html.body).toContain(`<img src="https://ghost.example/content/images/${KEYNOTE_PHOTO.slice('assets/'.length)}" alt="Chris Example on stage">`);
  });

  it('takes the excerpt from the intro’s first paragraph, as plain text, clipped at a word to 300 characters', () => {
    const long = `${'word '.repeat(80)}end.`;
    const parts = renderPostParts(composePost({ ...conferenceDay(), intro: note(paragraph(styled('Bold', BOLD), text(` ${long}`)), 'Second.') }), 'html');
    expect(parts.metadata.excerpt.length).toBeLessThanOrEqual(300);
    expect(parts.metadata.excerpt).toMatch(/^Bold word word .* word…$/);
    expect(renderPostParts(composePost({ ...conferenceDay(), intro: null }), 'html').metadata.excerpt).toBe('');
  });

  it('gives the same bytes for the same post', () => {
    for (const format of ['html', 'markdown', 'wordpress', 'text'] as const) {
      expect(JSON.stringify(renderPostParts(composePost(conferenceDay()), format))).toBe(JSON.stringify(renderPostParts(composePost(conferenceDay()), format)));
    }
  });
});
