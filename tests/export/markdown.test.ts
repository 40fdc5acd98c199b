import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import { renderMarkdown } from '../../shared/export/markdown';
import type { PostInput } from '../../shared/export/postInput';
import { yamlString } from '../../shared/export/yamlFrontMatter';
import { outlineOfBlocks, outlineOfMarkdown, splitFrontMatter } from './helpers/markdownStructure';
import { SESSIONS, conferenceDay } from './fixtures/conferenceDay';
import { BOLD, CODE, ITALIC, heading, lineBreak, link, list, note, paragraph, styled, text } from './fixtures/noteBuilders';
import type { SerializedNoteState } from '../../shared/note/noteFile';

const DAY_MARKDOWN = `---
title: "Cloud Summit 2026 – Day 1 Reflections"
date: 2026-03-10
author: "Jane Doe"
tags:
  - "cloud"
  - "conference"
  - "Day 1"
---

Day one of *Cloud Summit* drew 1,200 people to Berlin.

The theme: **what the cloud really costs**.

## Chris Example, Chief Architect at Agency: The reality of cloud

09:05 Chris opened with a question: **who here knows their bill?**

> We moved to the cloud to save money. We stayed because we could not leave.
>
> — Chris Example, Chief Architect

Three lessons:

1. Measure before you migrate
2. Egress is the hidden cost
   - Data out: $0.09/GB
   - Data in: free
3. Plan the exit on day one

![Chris Example on stage](assets/3f2a9c0000000000000000000000000000000000000000000000000000000000.jpg)

*Chris Example during the keynote*

Slides: [example.com/slides](https://example.com/slides?talk=1&lang=en)

## Who pays for the data?

**Ada Lovelace** (CTO at Analytical Engines Ltd), **Grace Hopper** (Rear Admiral) and **Mary Somerville** (Royal Society)

### Key numbers

- 40% of budgets go to storage
- *Most* teams never delete anything

> Data has gravity,\\
> and gravity has a price.

Contact the organisers at [press@example.com](mailto:press@example.com).

Underlined, ~~struck~~ and \`npm run bill\` — **bold *and italic***

## Mallory Test, Red team: Hostile \\<input> & \\*edge\\* cases

\\<script>alert(1)\\</script>

click me or me and me data link

\\<img src=x onerror=alert(1)> and " onerror="alert(1)

\\*not bold\\* \\_not italic\\_ \\[not a link\\](http://x.test) \\<b>not html\\</b> \\&amp; \\~\\~not struck\\~\\~ \\\`not code\\\`

\\# not a heading

\\> not a quote

1\\. not a list

\\- not a bullet

Kept from an unknown node

## Lightning talks

---

Tomorrow: **security day**. See you there!
`;

function markdownOf(state: SerializedNoteState): string {
  const post: PostInput = { ...conferenceDay(), intro: state, closing: null, byline: '', tags: [], sections: [] };
  return renderMarkdown(composePost(post), { frontMatter: true });
}

/** The Markdown of a note, parsed back by commonmark, against the block tree it was rendered from. */
function roundTrip(state: SerializedNoteState) {
  const post = composePost({ ...conferenceDay(), intro: state, closing: null, byline: '', tags: [], sections: [] });
  const { body } = splitFrontMatter(renderMarkdown(post, { frontMatter: true }));
  return { expected: outlineOfBlocks(post.blocks), actual: outlineOfMarkdown(body) };
}

describe('Markdown export', () => {
  it('pins the day with YAML front matter', () => {
    expect(renderMarkdown(composePost(conferenceDay()), { frontMatter: true })).toBe(DAY_MARKDOWN);
  });

  it('starts with the title as "# …" and ends with the byline instead when there is no front matter', () => {
    const markdown = renderMarkdown(composePost(conferenceDay()), { frontMatter: false });
    expect(markdown).toBe(`# Cloud Summit 2026 – Day 1 Reflections\n\n${splitFrontMatter(DAY_MARKDOWN).body.replace(/^\n/, '')}\nPosted by Jane Doe\n`);
  });

  it('pins the flowing style', async () => {
    await expect(renderMarkdown(composePost(conferenceDay('flowing')), { frontMatter: false })).toMatchFileSnapshot('__snapshots__/day-flowing.md');
  });

  it('reads back through commonmark to the same headings, paragraphs, lists, quotes, links, emphasis and code', () => {
    for (const style of ['headings', 'flowing'] as const) {
      const post = composePost(conferenceDay(style));
      const withTitle = outlineOfMarkdown(renderMarkdown(post, { frontMatter: false }));
      expect(withTitle).toEqual(outlineOfBlocks([...post.blocks, { kind: 'paragraph', content: [{ kind: 'text', text: post.byline }] }], post.title));
      const { body } = splitFrontMatter(renderMarkdown(post, { frontMatter: true }));
      expect(outlineOfMarkdown(body)).toEqual(outlineOfBlocks(post.blocks));
    }
  });

  it('has a structure comparison that notices a difference', () => {
    const post = composePost(conferenceDay());
    const tampered = renderMarkdown(post, { frontMatter: false }).replace('\\*edge\\*', '*edge*');
    expect(outlineOfMarkdown(tampered)).not.toEqual(outlineOfBlocks([...post.blocks, { kind: 'paragraph', content: [{ kind: 'text', text: post.byline }] }], post.title));
  });

  it('counts what commonmark finds in the day: no extra links, emphasis or blocks from user text', () => {
    const { body } = splitFrontMatter(renderMarkdown(composePost(conferenceDay()), { frontMatter: true }));
    const outline = outlineOfMarkdown(body);
    expect(outline.links).toEqual(['https://example.com/slides?talk=1&lang=en example.com/slides', 'mailto:press@example.com press@example.com']);
    expect(outline.strong).toEqual(['what the cloud really costs', 'who here knows their bill?', 'Ada Lovelace', 'Grace Hopper', 'Mary Somerville', 'bold and italic', 'security day']);
    expect(outline.emphasis).toEqual(['Cloud Summit', 'Chris Example during the keynote', 'Most', 'and italic']);
    expect(outline.code).toEqual(['npm run bill']);
    expect(outline.blocks.filter((line) => /^h\d/.test(line))).toHaveLength(5);
    expect(outline.blocks.filter((line) => line.trim() === 'quote')).toHaveLength(2);
    expect(outline.blocks.filter((line) => /^\s*(ul|ol \d+)$/.test(line))).toEqual(['ol 1', '    ul', 'ul']);
  });

  it.each([
    '*a* **b** _c_ __d__ ~~e~~',
    '[f](http://g.test) ![h](i.png) <http://auto.test> <b>tag</b> <!-- comment -->',
    '&amp; &#42; &copy; Q&A AT&T',
    '`code` ``more`` \\ trailing backslash\\',
    '# heading',
    '## heading',
    '> quote',
    '- bullet',
    '+ plus',
    '* star',
    '1. one',
    '2) two',
    '2024.',
    '1.5 million',
    '---',
    '===',
    '***',
    '___',
    '~~~',
    '```',
    '    indented code?',
    '\t# tabbed',
    '[x]: http://reference.test',
    '[^1] footnote',
    'x_y_z and snake_case_name',
    '| a | b |',
    '\\*escaped already\\*',
  ])('keeps %j as literal text', (value) => {
    const { actual } = roundTrip(note(value));
    expect(actual.blocks).toEqual([`p ${value.trim()}`]);
    expect([actual.links, actual.strong, actual.emphasis, actual.code]).toEqual([[], [], [], []]);
  });

  it('escapes block markers at the start of every line, not only the first', () => {
    const state = note(paragraph(text('first'), lineBreak(), text('# second'), lineBreak(), text('- third'), lineBreak(), text('===')));
    const { expected, actual } = roundTrip(state);
    expect(actual).toEqual(expected);
    expect(actual.blocks).toEqual(['p first\n# second\n- third\n===']);
  });

  it('keeps "#" at the end of a heading and turns a line break in a heading into a space', () => {
    const { actual } = roundTrip(note(heading('h2', text('C# and F#'), lineBreak(), text('rock #'))));
    expect(actual.blocks).toEqual(['h2 C# and F# rock #']);
  });

  it('drops emphasis CommonMark could not read (and keeps the words)', () => {
    const markdown = markdownOf(note(paragraph(text('foo'), styled('(bar)', BOLD), text('baz and '), styled('(ok)', BOLD), text(' here'))));
    expect(markdown).toContain('\nfoo(bar)baz and **(ok)** here\n');
    const { expected, actual } = roundTrip(note(paragraph(text('foo'), styled('(bar)', BOLD), text('baz and '), styled('(ok)', BOLD), text(' here'))));
    expect(actual.blocks).toEqual(expected.blocks);
    expect(actual.strong).toEqual(['(ok)']);
  });

  it('writes emphasis that touches other emphasis so commonmark reads both', () => {
    const state = note(paragraph(styled('one', ITALIC), styled('two', BOLD), text(' '), styled('three', BOLD), styled('four', ITALIC)));
    const { expected, actual } = roundTrip(state);
    expect(actual).toEqual(expected);
    expect(actual.strong).toEqual(['two', 'three']);
  });

  it('keeps "!" before a link from turning the link into an image', () => {
    const state = note(paragraph(text('Wow!'), link('https://example.com/', 'see this')));
    const { expected, actual } = roundTrip(state);
    expect(actual).toEqual(expected);
    expect(actual.links).toEqual(['https://example.com/ see this']);
  });

  it('fences code that contains backticks with a longer run', () => {
    const { actual } = roundTrip(note(paragraph(styled('a `b` c', CODE))));
    expect(actual.code).toEqual(['a `b` c']);
  });

  it('keeps link targets with parentheses and entity-like text intact', () => {
    const state = note(paragraph(link('https://en.wikipedia.org/wiki/Cloud_(computing)?a=1&amp;b=2', 'cloud')));
    const { actual } = roundTrip(state);
    expect(actual.links).toEqual(['https://en.wikipedia.org/wiki/Cloud_(computing)?a=1&amp;b=2 cloud']);
  });

  it('keeps two lists in a row apart', () => {
    const state = note(list('bullet', ['a', 'b']), list('bullet', ['c']), list('number', ['d']), list('number', ['e']));
    const { expected, actual } = roundTrip(state);
    expect(actual).toEqual(expected);
    expect(actual.blocks.filter((line) => !line.includes('li'))).toEqual(['ul', 'ul', 'ol 1', 'ol 1']);
  });

  it('indents nested lists and continuation lines under their item', () => {
    const state = note(list('number', [[text('first'), lineBreak(), text('- more of first')], list('bullet', ['nested']), 'second']));
    const { expected, actual } = roundTrip(state);
    expect(actual).toEqual(expected);
    expect(markdownOf(state)).toContain('\n1. first\\\n   \\- more of first\n   - nested\n2. second\n');
  });
});

describe('YAML front matter', () => {
  it('quotes every string so titles and tags cannot break out of their value', () => {
    const hostile = 'Day 1: "quotes", #hash, \\ back\nnew line\u2028sep – ünïcödé';
    const post = composePost({ ...conferenceDay(), title: hostile, author: 'O\'Brien: "Jay"', tags: ['a: b', '- dash', '[x]'], sections: [] });
    const { frontMatter } = splitFrontMatter(renderMarkdown(post, { frontMatter: true }));
    expect(frontMatter).toEqual([
      'title: "Day 1: \\"quotes\\", #hash, \\\\ back new line sep – ünïcödé"',
      'date: 2026-03-10',
      'author: "O\'Brien: \\"Jay\\""',
      'tags:',
      '  - "a: b"',
      '  - "- dash"',
      '  - "[x]"',
    ]);
    // The double-quoted scalars use only escapes YAML and JSON share, so JSON reads them back exactly.
    expect(JSON.parse(frontMatter[0].slice('title: '.length))).toBe(post.title);
    expect(JSON.parse(frontMatter[2].slice('author: '.length))).toBe('O\'Brien: "Jay"');
    expect(frontMatter.slice(4).map((line) => JSON.parse(line.slice(4)))).toEqual(['a: b', '- dash', '[x]']);
  });

  it('writes no author line without an author and an empty tag list as []', () => {
    const post = composePost({ ...conferenceDay(), author: '', tags: [], sections: [] });
    expect(splitFrontMatter(renderMarkdown(post, { frontMatter: true })).frontMatter).toEqual([
      'title: "Cloud Summit 2026 – Day 1 Reflections"',
      'date: 2026-03-10',
      'tags: []',
    ]);
  });

  it('escapes line breaks, line separators and invisible characters', () => {
    const value = 'a\nb\tc\u2028d\u0085e\uFEFFf\u007F"\\';
    const quoted = yamlString(value);
    expect(quoted).toBe('"a\\nb\\tc\\u2028d\\u0085e\\uFEFFf\\u007F\\"\\\\"');
    expect(JSON.parse(quoted)).toBe(value);
  });
});

describe('section headings in Markdown', () => {
  it('escape speaker and title text', () => {
    const post = composePost({ ...conferenceDay(), intro: null, closing: null, byline: '', tags: [], sections: [{ session: SESSIONS.workshop, note: null }] });
    const markdown = renderMarkdown(post, { frontMatter: false });
    expect(markdown).toContain('## Mallory Test, Red team: Hostile \\<input> & \\*edge\\* cases\n');
    expect(outlineOfMarkdown(markdown).blocks[1]).toBe('h2 Mallory Test, Red team: Hostile <input> & *edge* cases');
  });
});
