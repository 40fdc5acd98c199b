import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import { renderHtml } from '../../shared/export/html';
import { renderMarkdown } from '../../shared/export/markdown';
import { renderPlainText } from '../../shared/export/plainText';
import { inlineText, type Block } from '../../shared/export/postBlocks';
import type { PostInput } from '../../shared/export/postInput';
import { MAX_SPEAKER_HEADING_LENGTH, describeSpeakers, sessionHeading } from '../../shared/export/speakers';
import { renderWordPress } from '../../shared/export/wordpress';
import { PRIVATE_PHONE_NUMBER, SESSIONS, conferenceDay, emptyPost, session, speaker } from './fixtures/conferenceDay';
import { BOLD, ITALIC, heading, image, lineBreak, link, list, note, paragraph, privateNote, styled, text, timestamp } from './fixtures/noteBuilders';

function allFormats(post: PostInput): string[] {
  const composed = composePost(post);
  return [
    renderHtml(composed, { document: true }),
    renderHtml(composed, { document: false }),
    renderMarkdown(composed, { frontMatter: true }),
    renderWordPress(composed),
    renderPlainText(composed),
  ];
}

function postWithNote(noteState: PostInput['sections'][number]['note'], style: PostInput['style'] = 'headings'): PostInput {
  return { ...conferenceDay(style), intro: null, closing: null, byline: '', tags: [], sections: [{ session: SESSIONS.keynote, note: noteState }] };
}

function summary(blocks: readonly Block[]): string[] {
  return blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `h${block.level} ${inlineText(block.content)}`;
      case 'paragraph':
        return `p ${inlineText(block.content)}`;
      case 'list':
        return `${block.ordered ? 'ol' : 'ul'} ${block.items.map((item) => inlineText(item.content)).join(' | ')}`;
      case 'quote':
        return `quote ${summary(block.blocks).join(' / ')}${block.attribution ? ` — ${block.attribution}` : ''}`;
      case 'image':
        return `image ${block.src}`;
      case 'sectionBreak':
        return '---';
    }
  });
}

describe('session headings', () => {
  it('names one speaker with role and organisation', () => {
    expect(sessionHeading(SESSIONS.keynote)).toEqual({ speakerLine: null, text: 'Chris Example, Chief Architect at Agency: The reality of cloud' });
  });

  it('leaves out a missing role or organisation without stray commas', () => {
    expect(describeSpeakers([speaker('Grace Hopper', 'Rear Admiral')])).toBe('Grace Hopper, Rear Admiral');
    expect(describeSpeakers([speaker('Mary Somerville', '', 'Royal Society')])).toBe('Mary Somerville, Royal Society');
    expect(describeSpeakers([speaker('  Alan Turing ', '  ', '')])).toBe('Alan Turing');
  });

  it('joins several speakers as an English list, with semicolons when their descriptions have commas', () => {
    expect(describeSpeakers([speaker('Ada Lovelace', 'CTO', 'Analytical'), speaker('Charles Babbage', 'Founder', 'Engines')])).toBe(
      'Ada Lovelace, CTO at Analytical and Charles Babbage, Founder at Engines',
    );
    expect(describeSpeakers([speaker('Ada'), speaker('Grace'), speaker('Mary')])).toBe('Ada, Grace and Mary');
    expect(describeSpeakers(SESSIONS.panel.speakers)).toBe('Ada Lovelace, CTO at Analytical Engines Ltd; Grace Hopper, Rear Admiral; and Mary Somerville, Royal Society');
  });

  it(`names the speakers in the heading up to ${MAX_SPEAKER_HEADING_LENGTH} characters, else gives the title and opens the section with them`, () => {
    const titled = (title: string) => sessionHeading({ title, speakers: [speaker('Priya Raman', 'Chief Architect', 'Northwind')] });
    const prefix = 'Priya Raman, Chief Architect at Northwind: ';
    const fits = 'x'.repeat(MAX_SPEAKER_HEADING_LENGTH - prefix.length);
    expect(titled(fits)).toEqual({ text: `${prefix}${fits}`, speakerLine: null });
    expect(titled(`${fits}y`)).toEqual({
      text: `${fits}y`,
      speakerLine: [{ kind: 'mark', mark: 'bold', children: [{ kind: 'text', text: 'Priya Raman' }] }, { kind: 'text', text: ', Chief Architect at Northwind' }],
    });
    // Characters, not UTF-16 units: a title in another script is not cut short.
    expect(titled('🎤'.repeat(MAX_SPEAKER_HEADING_LENGTH - prefix.length)).speakerLine).toBeNull();
    const panel = composePost({ ...conferenceDay(), sections: [{ session: SESSIONS.panel, note: null }] });
    expect(renderHtml(panel, { document: false })).toContain(
      '<h2>Who pays for the data?</h2>\n<p><strong>Ada Lovelace</strong> (CTO at Analytical Engines Ltd), <strong>Grace Hopper</strong> (Rear Admiral) and <strong>Mary Somerville</strong> (Royal Society)</p>',
    );
  });

  it('keeps a title or name typed with line breaks on one line', () => {
    expect(sessionHeading({ title: 'Cloud\ncosts\u2028today', speakers: [speaker('Ada\nLovelace', 'CTO\t')] }).text).toBe('Ada Lovelace, CTO: Cloud costs today');
  });

  it('is the title alone when nobody is named', () => {
    expect(sessionHeading(SESSIONS.lightning)).toEqual({ text: 'Lightning talks', speakerLine: null });
  });
});

describe('composePost', () => {
  it('lays out the day: intro, one heading per session with its note below it, closing; byline and tags beside the body', () => {
    const post = composePost(conferenceDay());
    expect(post.title).toBe('Cloud Summit 2026 – Day 1 Reflections');
    expect(summary(post.blocks)).toEqual([
      'p Day one of Cloud Summit drew 1,200 people to Berlin.',
      'p The theme: what the cloud really costs.',
      'h2 Chris Example, Chief Architect at Agency: The reality of cloud',
      'p 09:05 Chris opened with a question: who here knows their bill?',
      'quote p We moved to the cloud to save money. We stayed because we could not leave. — Chris Example, Chief Architect',
      'p Three lessons:',
      'ol Measure before you migrate | Egress is the hidden cost | Plan the exit on day one',
      'image assets/3f2a9c0000000000000000000000000000000000000000000000000000000000.jpg',
      'p Slides: example.com/slides',
      'h2 Who pays for the data?',
      'p Ada Lovelace (CTO at Analytical Engines Ltd), Grace Hopper (Rear Admiral) and Mary Somerville (Royal Society)',
      'h3 Key numbers',
      'ul 40% of budgets go to storage | Most teams never delete anything',
      'quote p Data has gravity,\nand gravity has a price.',
      'p Contact the organisers at press@example.com.',
      'p Underlined, struck and npm run bill — bold and italic',
      'h2 Mallory Test, Red team: Hostile <input> & *edge* cases',
      'p <script>alert(1)</script>',
      'p click me or me and me data link',
      'p <img src=x onerror=alert(1)> and " onerror="alert(1)',
      'p *not bold* _not italic_ [not a link](http://x.test) <b>not html</b> &amp; ~~not struck~~ `not code`',
      'p # not a heading',
      'p > not a quote',
      'p 1. not a list',
      'p - not a bullet',
      'p Kept from an unknown node',
      'h2 Lightning talks',
      // The closing after a section break, so it does not read as the end of the lightning talks.
      '---',
      'p Tomorrow: security day. See you there!',
    ]);
    expect(post.byline).toBe('Posted by Jane Doe');
    expect(post.tags).toEqual(['cloud', 'conference', 'Day 1']);
  });

  it('tells the caller which sessions have nothing to export and whether the post is empty', () => {
    const post = composePost(conferenceDay());
    expect(post.isEmpty).toBe(false);
    expect(post.sessionsWithoutNotes).toEqual(['lightning']);
    const onlyPrivate = composePost(postWithNote(note(privateNote(paragraph(text('for me only'))))));
    expect(onlyPrivate.sessionsWithoutNotes).toEqual(['keynote']);
  });

  it('opens each session with a sentence introducing the speakers in bold and the title in the flowing style', () => {
    const post = composePost(conferenceDay('flowing'));
    const html = renderHtml(post, { document: false });
    expect(html).toContain('<p><strong>Chris Example</strong>, Chief Architect at Agency, gave the keynote “The reality of cloud”. <time datetime="09:05">09:05</time> Chris opened');
    // The panel note starts with a heading, so the sentence is a paragraph of its own, and the heading a bold line before its list.
    expect(html).toContain(
      '<p><strong>Ada Lovelace</strong> (CTO at Analytical Engines Ltd), <strong>Grace Hopper</strong> (Rear Admiral) and <strong>Mary Somerville</strong> (Royal Society) discussed “Who pays for the data?”</p>\n<p><strong>Key numbers</strong></p>\n<ul>',
    );
    // Nobody named and no note: the title in bold on a line of its own, after a section break.
    expect(html).toContain('<hr>\n<p><strong>Lightning talks</strong></p>\n<hr>');
    expect(html).not.toContain('<h2>Chris Example');
  });

  it('puts note headings below the section headings, and intro headings below the title', () => {
    const post = composePost({
      ...postWithNote(note(heading('h1', text('Top')), heading('h3', text('Deep')))),
      intro: note(heading('h1', text('Before we start'))),
    });
    expect(summary(post.blocks)).toEqual(['h2 Before we start', 'h2 Chris Example, Chief Architect at Agency: The reality of cloud', 'h3 Top', 'h4 Deep']);
  });

  it('keeps a stretch of formatting as one span even when Lexical split it into several text nodes', () => {
    const post = composePost(postWithNote(note(paragraph(styled('bold ', BOLD), styled('and both', BOLD | ITALIC), text(' then plain')))));
    expect(renderHtml(post, { document: false })).toContain('<p><strong>bold <em>and both</em></strong> then plain</p>');
    expect(renderMarkdown(post, { frontMatter: false })).toContain('\n**bold *and both*** then plain\n');
  });

  it('moves spaces at the edges of a formatted stretch outside it', () => {
    const post = composePost(postWithNote(note(paragraph(text('a'), styled(' spaced ', BOLD), text('b')))));
    expect(renderMarkdown(post, { frontMatter: false })).toContain('\na **spaced** b\n');
  });

  it('attaches a nested list to the item before it', () => {
    const post = composePost(postWithNote(note(list('bullet', ['parent', list('number', ['child one', 'child two']), 'sibling']))));
    expect(post.blocks[1]).toMatchObject({
      kind: 'list',
      items: [{ lists: [{ kind: 'list', ordered: true, items: [{}, {}] }] }, { lists: [] }],
    });
    expect(renderPlainText(post)).toContain('- parent\n  1. child one\n  2. child two\n- sibling');
  });

  it('renders the text of node types it does not know, keeping known structure inside them', () => {
    const post = composePost(
      postWithNote(
        note(
          { type: 'future-callout', version: 1, children: [paragraph(text('Inside a callout')), list('bullet', ['still a list'])] },
          paragraph(text('Before '), { type: 'hashtag', version: 1, text: '#cloud', format: BOLD }, text(' after')),
        ),
      ),
    );
    expect(summary(post.blocks).slice(1)).toEqual(['p Inside a callout', 'ul still a list', 'p Before #cloud after']);
  });

  it('keeps only the words of an image that points outside the assets folder', () => {
    for (const src of ['https://tracker.example/pixel.gif', 'assets/../../etc/passwd', '/home/me/photo.jpg', 'javascript:alert(1)']) {
      const post = composePost(postWithNote(note(image(src, 'alt words', 'Caption words'))));
      expect(summary(post.blocks).slice(1)).toEqual(['p Caption words']);
    }
  });

  it('never exports a private note, in any format, wherever it sits', () => {
    const post = conferenceDay();
    post.sections.push({ session: session('extra', 'Extra', []), note: note(paragraph(text('Public '), privateNote(text(`inline ${PRIVATE_PHONE_NUMBER}`)))) });
    for (const output of allFormats(post)) expect(output).not.toContain(PRIVATE_PHONE_NUMBER);
  });

  it('keeps the words of unsafe links and drops only the link', () => {
    for (const output of allFormats(conferenceDay())) {
      expect(output).toContain('click me or me and me data link');
      expect(output.toLowerCase()).not.toMatch(/javascript:|java\u0000script|data:text/);
    }
  });

  it('keeps a safe link that is nested inside another link as text only', () => {
    const outer = { ...link('https://a.example/', 'outer '), children: [text('outer '), link('https://b.example/', 'inner')] };
    const post = composePost(postWithNote(note(paragraph(outer))));
    expect(renderHtml(post, { document: false })).toContain('<p><a href="https://a.example/">outer inner</a></p>');
  });
});

describe('an empty post', () => {
  it('is flagged as empty and renders a minimal document in every format', () => {
    const post = composePost(emptyPost());
    expect(post.isEmpty).toBe(true);
    expect(post.sessionsWithoutNotes).toEqual([]);
    expect(renderHtml(post, { document: false })).toBe('');
    expect(renderPlainText(post)).toBe('Cloud Summit 2026 – Day 1 Reflections\n=====================================\n\nPosted by Jane Doe\n');
    expect(renderMarkdown(post, { frontMatter: false })).toBe('# Cloud Summit 2026 – Day 1 Reflections\n\nPosted by Jane Doe\n');
  });

  it('with no byline or tags either, still gives a valid document and empty fragments', () => {
    const post = composePost({ ...emptyPost(), byline: '', tags: [] });
    expect(renderHtml(post, { document: false })).toBe('');
    expect(renderWordPress(post)).toBe('');
    expect(renderHtml(post, { document: true })).toBe(
      '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Cloud Summit 2026 – Day 1 Reflections</title>\n<meta name="author" content="Jane Doe">\n</head>\n<body>\n<h1>Cloud Summit 2026 – Day 1 Reflections</h1>\n</body>\n</html>\n',
    );
  });
});

describe('a timestamp typed before the text', () => {
  it('is followed by one space in every format, though the editor adds one and the reporter types another', () => {
    for (const after of [[text('  Chris opened.')], [text(' '), text(' Chris opened.')], [text(' \t Chris opened.')]]) {
      const outputs = allFormats(postWithNote(note(paragraph(timestamp('09:05'), ...after))));
      for (const output of outputs) expect(output).toMatch(/09:05(<\/time>)? Chris opened\./);
    }
  });

  it('keeps a line break after it', () => {
    const post = composePost(postWithNote(note(paragraph(timestamp('09:05'), text(' '), lineBreak(), text('Chris opened.')))));
    expect(renderPlainText(post)).toContain('09:05\nChris opened.');
  });
});
