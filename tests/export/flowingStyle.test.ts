import { parse } from '@wordpress/block-serialization-default-parser';
import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import { renderHtml } from '../../shared/export/html';
import { renderMarkdown } from '../../shared/export/markdown';
import { renderPlainText } from '../../shared/export/plainText';
import { inlineText, type Block } from '../../shared/export/postBlocks';
import type { PostStyle } from '../../shared/export/postInput';
import { renderWordPress } from '../../shared/export/wordpress';
import { SESSIONS, conferenceDay } from './fixtures/conferenceDay';
import { kielDay } from './fixtures/kielDay';
import { BOLD, heading, note, styled, text } from './fixtures/noteBuilders';
import type { SerializedNoteState } from '../../shared/note/noteFile';

/** The body as a reader scans it: each block's kind (and heading level) and its text. */
function outline(blocks: readonly Block[]): string[] {
  return blocks.map((block) => {
    if (block.kind === 'heading') return `h${block.level} ${inlineText(block.content)}`;
    if (block.kind === 'paragraph') return `p ${inlineText(block.content)}`;
    if (block.kind === 'list') return `${block.ordered ? 'ol' : 'ul'} ${block.items.map((item) => inlineText(item.content)).join(' | ')}`;
    if (block.kind === 'quote') return `quote ${outline(block.blocks).join(' / ')}${block.attribution ? ` — ${block.attribution}` : ''}`;
    if (block.kind === 'sectionBreak') return '---';
    return `image ${block.alt}`;
  });
}

describe('the flowing style', () => {
  const flowing = composePost(kielDay('flowing'));
  const html = renderHtml(flowing, { document: false });

  it('introduces each speaker once, in a sentence with the talk’s title, and goes on with the note; a section break between parts', () => {
    expect(outline(flowing.blocks)).toEqual([
      'p The Kieler Open Source und Linux Tage went online this year, and still filled every track.',
      '---',
      // Nobody named, the note starts with a heading: the title and the heading lead in together.
      'p Software-Freedom-Frühstück: Coffee, croissants and the GPL. About forty people joined the video call before nine.',
      '---',
      // A keynote whose note starts with a quote.
      'p Jim Hall, Project founder at FreeDOS, gave the keynote “Why DOS was (and is) a thing”.',
      'quote p I wanted to keep using DOS, so I wrote my own. — Jim Hall, Project founder',
      'p 09:10 FreeDOS started in 1994 and still ships every few years.',
      '---',
      // Three speakers, the note starts with a heading: the introduction, then the heading as a bold line before its list.
      'p Dr. Claus Hartmann (Lecturer at Fachhochschule Kiel), Andreas Tille (Debian Developer) and Maren Hachmann (Inkscape contributor) discussed “Nachhaltigkeit und Linux - passt das?”',
      'p Three numbers',
      'ul Old laptops run Linux for a decade | 80% of a laptop’s footprint is its manufacture | One reused machine saves 300 kg of CO2',
      // A heading before a paragraph runs into it.
      'p What to do. Keep the hardware, change the software.',
      '---',
      // The note names the speaker by surname: no stutter, the title stays.
      'p Jürgen Groß, Kernel developer at SUSE, spoke on “Xen - ist das nicht tot?” Groß is blunt: Xen is far from dead.',
      'quote p KVM won the desktop; Xen still runs the clouds.',
      'image Jürgen Groß comparing Xen and KVM',
      '---',
      // Nobody named, the note starts with a paragraph: the title runs into it.
      'p Sponsorenvorstellung. Six sponsors, one minute each.',
      '---',
      // A workshop whose note starts with a list.
      'p Maren Hachmann, Inkscape contributor, ran the workshop “Inkscape für Einsteiger”.',
      'ol Install Inkscape 1.0 | Draw a logo with the pen tool | Export it as plain SVG',
      'p Files: inkscape.org/learn',
      '---',
      // The note already introduces the speaker in full: the title leads instead of a second introduction.
      'p In “OWASP DevSecOps Maturity Model”, Timo Pagel, who leads the OWASP project, started with a show of hands: who ships weekly?',
      '---',
      'p Day two brings the Debian packaging workshop. TK room number.',
    ]);
  });

  it('sets the speakers’ names in bold and the titles in quotes, and never a heading per session', () => {
    expect(html).toContain('<p><strong>Jürgen Groß</strong>, Kernel developer at SUSE, spoke on “Xen - ist das nicht tot?” Groß is blunt: Xen is far from dead.</p>');
    expect(html).toContain('<p><strong>Dr. Claus Hartmann</strong> (Lecturer at Fachhochschule Kiel), <strong>Andreas Tille</strong> (Debian Developer) and <strong>Maren Hachmann</strong> (Inkscape contributor) discussed');
    expect(html).toContain('<p><strong>Sponsorenvorstellung.</strong> Six sponsors, one minute each.</p>');
    expect(html).not.toMatch(/<h2>[^<]*(Groß|Hall|Pagel)/);
  });

  it('turns a note’s headings into bold lead-ins, so no heading of one talk seems to hold the next', () => {
    expect(html).not.toMatch(/<h[1-6]>/);
    expect(html).toContain('<p><strong>Software-Freedom-Frühstück: Coffee, croissants and the GPL.</strong> About forty people joined the video call before nine.</p>');
    expect(html).toContain('<p><strong>Three numbers</strong></p>\n<ul>');
    expect(html).toContain('<p><strong>What to do.</strong> Keep the hardware, change the software.</p>\n<hr>\n<p><strong>Jürgen Groß</strong>');
    expect(html.match(/<hr>/g)).toHaveLength(8);
  });

  it('runs lead-ins as a reader expects: headings in a row, a question, a heading partly in bold, a title with its own question mark', () => {
    const section = (title: string, noteState: SerializedNoteState) =>
      renderHtml(composePost({ ...conferenceDay('flowing'), intro: null, closing: null, sections: [{ session: { ...SESSIONS.lightning, title }, note: noteState }] }), { document: false });
    expect(section('Lightning talks', note(heading('h2', text('Five talks')), heading('h3', text('Why now?')), 'Because the deadline is today.'))).toBe(
      '<p><strong>Lightning talks: Five talks</strong></p>\n<p><strong>Why now?</strong> Because the deadline is today.</p>\n',
    );
    expect(section('Lightning talks', note('Five talks.', heading('h2', text('The '), styled('best', BOLD), text(' one')), 'A parser in 40 lines.'))).toBe(
      '<p><strong>Lightning talks.</strong> Five talks.</p>\n<p><strong>The best one.</strong> A parser in 40 lines.</p>\n',
    );
    expect(section('Who pays?', note(heading('h2', text('Numbers')), 'Nobody knew.'))).toBe('<p><strong>Who pays? Numbers.</strong> Nobody knew.</p>\n');
  });

  it('writes the section break in each format as its readers know it', () => {
    const post = composePost(kielDay('flowing'));
    expect(renderMarkdown(post, { frontMatter: true })).toContain('**What to do.** Keep the hardware, change the software.\n\n---\n\n**Jürgen Groß**');
    expect(renderWordPress(post)).toContain('<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->');
    expect(renderPlainText(post)).toContain('\n\nWhat to do. Keep the hardware, change the software.\n\n* * *\n\nJürgen Groß, Kernel developer');
  });

  it.each([
    ['html', (style: PostStyle) => renderHtml(composePost(kielDay(style)), { document: true })],
    ['md', (style: PostStyle) => renderMarkdown(composePost(kielDay(style)), { frontMatter: true })],
    ['wordpress.html', (style: PostStyle) => renderWordPress(composePost(kielDay(style)))],
    ['txt', (style: PostStyle) => renderPlainText(composePost(kielDay(style)))],
  ])('is pinned for a realistic day, with the heading style beside it, as %s', async (extension, render) => {
    for (const style of ['flowing', 'headings'] as const) await expect(render(style)).toMatchFileSnapshot(`__snapshots__/kiel-day-${style}.${extension}`);
  });

  it('still parses as WordPress blocks with nothing between them', () => {
    for (const style of ['flowing', 'headings'] as const) {
      const blocks = parse(renderWordPress(composePost(kielDay(style))));
      expect(blocks.filter((block) => block.blockName === null && block.innerHTML.trim() !== '')).toEqual([]);
    }
  });
});

describe('the heading style on a realistic day', () => {
  it('puts short speaker and title in one h2, and a long one as the title with the speakers in the first line', () => {
    expect(outline(composePost(kielDay('headings')).blocks).filter((line) => /^h|^p .*\(/.test(line))).toEqual([
      'h2 Software-Freedom-Frühstück',
      'h3 Coffee, croissants and the GPL',
      'h2 Jim Hall, Project founder at FreeDOS: Why DOS was (and is) a thing',
      'h2 Nachhaltigkeit und Linux - passt das?',
      'p Dr. Claus Hartmann (Lecturer at Fachhochschule Kiel), Andreas Tille (Debian Developer) and Maren Hachmann (Inkscape contributor)',
      'h3 Three numbers',
      'h4 What to do',
      'h2 Jürgen Groß, Kernel developer at SUSE: Xen - ist das nicht tot?',
      'h2 Sponsorenvorstellung',
      'h2 Maren Hachmann, Inkscape contributor: Inkscape für Einsteiger',
      'h2 Timo Pagel, Security consultant: OWASP DevSecOps Maturity Model',
    ]);
  });

  it('puts the closing after a section break, so it does not read as part of the last talk', () => {
    expect(outline(composePost(kielDay('headings')).blocks).slice(-3)).toEqual([
      'p Timo Pagel, who leads the OWASP project, started with a show of hands: who ships weekly?',
      '---',
      'p Day two brings the Debian packaging workshop. TK room number.',
    ]);
  });
});
