import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import { renderMarkdown } from '../../shared/export/markdown';
import type { SerializedNoteNode } from '../../shared/note/noteFile';
import { outlineOfBlocks, outlineOfMarkdown } from './helpers/markdownStructure';
import { conferenceDay } from './fixtures/conferenceDay';
import { BOLD, CODE, ITALIC, STRIKETHROUGH, heading, lineBreak, link, list, note, paragraph, quote, styled } from './fixtures/noteBuilders';

/** Text pieces chosen to sit awkwardly next to emphasis delimiters. */
const PIECES = ['a', 'word', ' ', 'x y', '(p)', '.', '!', '*', '_', '"q"', '#', '1.', '-', '`', '~', '[', ']', '\\', 'é', '2024.', ' lead', 'trail ', '&amp;', '<b>', '>', '+', '=', '|', ':', '日本', '😀'];
const FORMATS = [0, BOLD, ITALIC, STRIKETHROUGH, BOLD | ITALIC, BOLD | STRIKETHROUGH, ITALIC | STRIKETHROUGH, BOLD | ITALIC | STRIKETHROUGH, CODE];

/** mulberry32: a small seeded generator, so every run checks the same cases. */
function generator(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) % below;
  };
}

function randomInline(random: (below: number) => number): SerializedNoteNode[] {
  const piece = () => PIECES[random(PIECES.length)];
  const format = () => FORMATS[random(FORMATS.length)];
  return Array.from({ length: 1 + random(7) }, () => {
    const kind = random(10);
    if (kind === 0) return lineBreak();
    if (kind === 1) return { ...link('https://example.com/', ''), children: [styled(piece(), format()), styled(piece(), format())] };
    return styled(piece() + (random(2) ? piece() : ''), format());
  });
}

/**
 * What a reader should see: the same text and links. Strikethrough may be left out where its
 * `~~` would not be read, and a line's leading spaces are dropped (HTML collapses them too).
 */
function visible(value: unknown): string {
  return JSON.stringify(value)
    .replace(/~~/g, '')
    .replace(/(\\n)[ \u00a0]+/g, '$1');
}

describe('Markdown round trip of awkwardly formatted text', () => {
  it('reads back with the same blocks, text and links, and never with emphasis that was not meant', () => {
    const random = generator(20261128);
    const problems: string[] = [];
    for (let round = 0; round < 3000; round++) {
      const inline = randomInline(random);
      const container = random(4);
      const block = [paragraph(...inline), heading('h2', ...inline), list('bullet', ['x', inline]), quote(...inline)][container];
      const post = composePost({ ...conferenceDay(), intro: note(block), closing: null, byline: '', tags: [], sections: [] });
      const markdown = renderMarkdown(post, { frontMatter: false });
      const expected = outlineOfBlocks(post.blocks, post.title);
      const actual = outlineOfMarkdown(markdown);
      if (visible([actual.blocks, actual.links]) !== visible([expected.blocks, expected.links])) problems.push(markdown);
      const meant = [...expected.strong, ...expected.emphasis].map((text) => visible(text));
      for (const text of [...actual.strong, ...actual.emphasis]) if (!meant.includes(visible(text))) problems.push(markdown);
    }
    expect(problems).toEqual([]);
  });
});
