import { parse } from '@wordpress/block-serialization-default-parser';
import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import { renderWordPress } from '../../shared/export/wordpress';
import { auditHtml } from './helpers/htmlAudit';
import { SESSIONS, conferenceDay } from './fixtures/conferenceDay';
import { BOLD, CODE, ITALIC, STRIKETHROUGH, UNDERLINE, heading, list, note, paragraph, styled, text } from './fixtures/noteBuilders';
import type { SerializedNoteState } from '../../shared/note/noteFile';

type ParsedBlock = ReturnType<typeof parse>[number];

const DAY_BLOCKS = `<!-- wp:paragraph -->
<p>Day one of <em>Cloud Summit</em> drew 1,200 people to Berlin.</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>The theme: <strong>what the cloud really costs</strong>.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Chris Example, Chief Architect at Agency: The reality of cloud</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>09:05 Chris opened with a question: <strong>who here knows their bill?</strong></p>
<!-- /wp:paragraph -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>We moved to the cloud to save money. We stayed because we could not leave.</p>
<!-- /wp:paragraph --><cite>Chris Example, Chief Architect</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:paragraph -->
<p>Three lessons:</p>
<!-- /wp:paragraph -->

<!-- wp:list {"ordered":true} -->
<ol class="wp-block-list"><!-- wp:list-item -->
<li>Measure before you migrate</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Egress is the hidden cost<!-- wp:list -->
<ul class="wp-block-list"><!-- wp:list-item -->
<li>Data out: $0.09/GB</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Data in: free</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list --></li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Plan the exit on day one</li>
<!-- /wp:list-item --></ol>
<!-- /wp:list -->

<!-- wp:image -->
<figure class="wp-block-image"><img src="assets/3f2a9c0000000000000000000000000000000000000000000000000000000000.jpg" alt="Chris Example on stage"/><figcaption class="wp-element-caption">Chris Example during the keynote</figcaption></figure>
<!-- /wp:image -->

<!-- wp:paragraph -->
<p>Slides: <a href="https://example.com/slides?talk=1&amp;lang=en">example.com/slides</a></p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Who pays for the data?</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p><strong>Ada Lovelace</strong> (CTO at Analytical Engines Ltd), <strong>Grace Hopper</strong> (Rear Admiral) and <strong>Mary Somerville</strong> (Royal Society)</p>
<!-- /wp:paragraph -->

<!-- wp:heading {"level":3} -->
<h3 class="wp-block-heading">Key numbers</h3>
<!-- /wp:heading -->

<!-- wp:list -->
<ul class="wp-block-list"><!-- wp:list-item -->
<li>40% of budgets go to storage</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li><em>Most</em> teams never delete anything</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>Data has gravity,<br>and gravity has a price.</p>
<!-- /wp:paragraph --></blockquote>
<!-- /wp:quote -->

<!-- wp:paragraph -->
<p>Contact the organisers at <a href="mailto:press@example.com">press@example.com</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p><span style="text-decoration: underline;">Underlined</span>, <s>struck</s> and <code>npm run bill</code> — <strong>bold <em>and italic</em></strong></p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Mallory Test, Red team: Hostile &lt;input&gt; &amp; *edge* cases</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>click me or me and me data link</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>&lt;img src=x onerror=alert(1)&gt; and " onerror="alert(1)</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>*not bold* _not italic_ [not a link](http://x.test) &lt;b&gt;not html&lt;/b&gt; &amp;amp; ~~not struck~~ \`not code\`</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p># not a heading</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>&gt; not a quote</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>1. not a list</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>- not a bullet</p>
<!-- /wp:paragraph -->

<!-- wp:paragraph -->
<p>Kept from an unknown node</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Lightning talks</h2>
<!-- /wp:heading -->

<!-- wp:separator -->
<hr class="wp-block-separator has-alpha-channel-opacity"/>
<!-- /wp:separator -->

<!-- wp:paragraph -->
<p>Tomorrow: <strong>security day</strong>. See you there!</p>
<!-- /wp:paragraph -->
`;

/** Block names as an indented outline, with attributes when there are any. */
function blockOutline(blocks: readonly ParsedBlock[], depth = 0): string[] {
  return blocks.flatMap((block) => {
    if (block.blockName === null) return [];
    const attributes = block.attrs && Object.keys(block.attrs).length > 0 ? ` ${JSON.stringify(block.attrs)}` : '';
    return [`${'  '.repeat(depth)}${block.blockName}${attributes}`, ...blockOutline(block.innerBlocks, depth + 1)];
  });
}

/** Freeform (non-block) content WordPress would find between blocks, at any depth. */
function freeformContent(blocks: readonly ParsedBlock[]): string[] {
  return blocks.flatMap((block) => [
    ...(block.blockName === null && block.innerHTML.trim() !== '' ? [block.innerHTML] : []),
    ...freeformContent(block.innerBlocks),
  ]);
}

function wordpressOf(state: SerializedNoteState): string {
  return renderWordPress(composePost({ ...conferenceDay(), intro: state, closing: null, byline: '', tags: [], sections: [] }));
}

describe('WordPress export', () => {
  it('pins the block markup for the day', () => {
    expect(renderWordPress(composePost(conferenceDay()))).toBe(DAY_BLOCKS);
  });

  it('pins the flowing style', async () => {
    await expect(renderWordPress(composePost(conferenceDay('flowing')))).toMatchFileSnapshot('__snapshots__/day-flowing.wordpress.html');
  });

  it("parses with WordPress's block parser into the expected blocks, in order, with nothing freeform between them", () => {
    const parsed = parse(DAY_BLOCKS);
    expect(freeformContent(parsed)).toEqual([]);
    expect(blockOutline(parsed)).toEqual([
      'core/paragraph',
      'core/paragraph',
      'core/heading',
      'core/paragraph',
      'core/quote',
      '  core/paragraph',
      'core/paragraph',
      'core/list {"ordered":true}',
      '  core/list-item',
      '  core/list-item',
      '    core/list',
      '      core/list-item',
      '      core/list-item',
      '  core/list-item',
      'core/image',
      'core/paragraph',
      'core/heading',
      'core/paragraph',
      'core/heading {"level":3}',
      'core/list',
      '  core/list-item',
      '  core/list-item',
      'core/quote',
      '  core/paragraph',
      'core/paragraph',
      'core/paragraph',
      'core/heading',
      ...Array(9).fill('core/paragraph'),
      'core/heading',
      'core/separator',
      'core/paragraph',
    ]);
  });

  it('has block checks that notice stray content between blocks', () => {
    expect(freeformContent(parse(`${DAY_BLOCKS}<p>stray</p>\n`))).toEqual(['\n<p>stray</p>\n']);
  });

  it('keeps each block’s own HTML inside its delimiters', () => {
    const tags = parse(DAY_BLOCKS)
      .filter((block) => block.blockName !== null)
      .map((block) => /^\n?<([a-z0-9]+)/.exec(block.innerHTML)?.[1]);
    expect(new Set(tags)).toEqual(new Set(['p', 'h2', 'h3', 'blockquote', 'ol', 'ul', 'figure', 'hr']));
  });

  it('passes the HTML audit: no script, handlers or unsafe URLs; only wp-* classes and core/underline styles', () => {
    for (const style of ['headings', 'flowing'] as const) {
      expect(auditHtml(renderWordPress(composePost(conferenceDay(style))), { document: false, wordpress: true })).toEqual([]);
    }
  });

  it('writes inline formats as WordPress’s format library does', () => {
    const markup = wordpressOf(
      note(paragraph(styled('b', BOLD), text(' '), styled('i', ITALIC), text(' '), styled('u', UNDERLINE), text(' '), styled('s', STRIKETHROUGH), text(' '), styled('c', CODE))),
    );
    expect(markup).toBe(
      '<!-- wp:paragraph -->\n<p><strong>b</strong> <em>i</em> <span style="text-decoration: underline;">u</span> <s>s</s> <code>c</code></p>\n<!-- /wp:paragraph -->\n',
    );
  });

  it('writes ordered lists with a start number and deeper headings with their level', () => {
    const state = note(heading('h1', text('Top')), heading('h3', text('Deep')), {
      ...list('number', ['fourth', 'fifth']),
      start: 4,
    });
    expect(wordpressOf(state)).toBe(
      [
        '<!-- wp:heading -->\n<h2 class="wp-block-heading">Top</h2>\n<!-- /wp:heading -->',
        '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Deep</h3>\n<!-- /wp:heading -->',
        '<!-- wp:list {"ordered":true,"start":4} -->\n<ol start="4" class="wp-block-list"><!-- wp:list-item -->\n<li>fourth</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>fifth</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->\n',
      ].join('\n\n'),
    );
    expect(blockOutline(parse(wordpressOf(state)))).toEqual(['core/heading', 'core/heading {"level":3}', 'core/list {"ordered":true,"start":4}', '  core/list-item', '  core/list-item']);
  });

  it('cannot be tricked into extra blocks by block comments typed into a note or a title', () => {
    const typed = '<!-- wp:html --><script>alert(1)</script><!-- /wp:html -->';
    const post = composePost({ ...conferenceDay(), intro: note(typed), closing: null, byline: '', tags: [], sections: [{ session: { ...SESSIONS.lightning, title: typed }, note: null }] });
    const parsed = parse(renderWordPress(post));
    expect(blockOutline(parsed)).toEqual(['core/paragraph', 'core/heading']);
    expect(parsed[0].innerHTML).toContain('&lt;!-- wp:html --&gt;&lt;script&gt;');
  });
});
