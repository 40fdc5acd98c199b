import { parse } from '@wordpress/block-serialization-default-parser';
import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import { renderHtml } from '../../shared/export/html';
import { renderMarkdown } from '../../shared/export/markdown';
import { renderPlainText } from '../../shared/export/plainText';
import { inlineText, type Block } from '../../shared/export/postBlocks';
import type { PostStyle } from '../../shared/export/postInput';
import { renderWordPress } from '../../shared/export/wordpress';
import { kielDay } from './fixtures/kielDay';

/** The body as a reader scans it: each block's kind (and heading level) and its text. */
function outline(blocks: readonly Block[]): string[] {
  return blocks.map((block) => {
    if (block.kind === 'heading') return `h${block.level} ${inlineText(block.content)}`;
    if (block.kind === 'paragraph') return `p ${inlineText(block.content)}`;
    if (block.kind === 'list') return `${block.ordered ? 'ol' : 'ul'} ${block.items.map((item) => inlineText(item.content)).join(' | ')}`;
    if (block.kind === 'quote') return `quote ${outline(block.blocks).join(' / ')}${block.attribution ? ` — ${block.attribution}` : ''}`;
    return `image ${block.alt}`;
  });
}

describe('the flowing style', () => {
  const flowing = composePost(kielDay('flowing'));
  const html = renderHtml(flowing, { document: false });

  it('introduces each speaker once, in a sentence with the talk’s title, and goes on with the note', () => {
    expect(outline(flowing.blocks)).toEqual([
      'p The Kieler Open Source und Linux Tage went online this year, and still filled every track.',
      // Nobody named, the note starts with a heading: the title leads in.
      'p Software-Freedom-Frühstück.',
      'h2 Coffee, croissants and the GPL',
      'p About forty people joined the video call before nine.',
      // A keynote whose note starts with a quote.
      'p Jim Hall, Project founder at FreeDOS, gave the keynote “Why DOS was (and is) a thing”.',
      'quote p I wanted to keep using DOS, so I wrote my own. — Jim Hall, Project founder',
      'p 09:10 FreeDOS started in 1994 and still ships every few years.',
      // Three speakers, the note starts with a heading.
      'p Dr. Claus Hartmann (Lecturer at Fachhochschule Kiel), Andreas Tille (Debian Developer) and Maren Hachmann (Inkscape contributor) discussed “Nachhaltigkeit und Linux - passt das?”',
      'h2 Three numbers',
      'ul Old laptops run Linux for a decade | 80% of a laptop’s footprint is its manufacture | One reused machine saves 300 kg of CO2',
      'h3 What to do',
      'p Keep the hardware, change the software.',
      // The note names the speaker by surname: no stutter, the title stays.
      'p Jürgen Groß, Kernel developer at SUSE, spoke on “Xen - ist das nicht tot?” Groß is blunt: Xen is far from dead.',
      'quote p KVM won the desktop; Xen still runs the clouds.',
      'image Jürgen Groß comparing Xen and KVM',
      // Nobody named, the note starts with a paragraph: the title runs into it.
      'p Sponsorenvorstellung. Six sponsors, one minute each.',
      // A workshop whose note starts with a list.
      'p Maren Hachmann, Inkscape contributor, ran the workshop “Inkscape für Einsteiger”.',
      'ol Install Inkscape 1.0 | Draw a logo with the pen tool | Export it as plain SVG',
      'p Files: inkscape.org/learn',
      // The note already introduces the speaker in full: the title leads instead of a second introduction.
      'p In “OWASP DevSecOps Maturity Model”, Timo Pagel, who leads the OWASP project, started with a show of hands: who ships weekly?',
      'p Day two brings the Debian packaging workshop. TK room number.',
    ]);
  });

  it('sets the speakers’ names in bold and the titles in quotes, and never a heading per session', () => {
    expect(html).toContain('<p><strong>Jürgen Groß</strong>, Kernel developer at SUSE, spoke on “Xen - ist das nicht tot?” Groß is blunt: Xen is far from dead.</p>');
    expect(html).toContain('<p><strong>Dr. Claus Hartmann</strong> (Lecturer at Fachhochschule Kiel), <strong>Andreas Tille</strong> (Debian Developer) and <strong>Maren Hachmann</strong> (Inkscape contributor) discussed');
    expect(html).toContain('<p><strong>Sponsorenvorstellung.</strong> Six sponsors, one minute each.</p>');
    expect(html).not.toMatch(/<h2>[^<]*(Groß|Hall|Pagel)/);
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
});
