import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import { renderHtml } from '../../shared/export/html';
import { auditHtml, elementNames } from './helpers/htmlAudit';
import { SESSIONS, conferenceDay } from './fixtures/conferenceDay';
import { link, note, paragraph, text } from './fixtures/noteBuilders';

const DAY_FRAGMENT = `<p>Day one of <em>Cloud Summit</em> drew 1,200 people to Berlin.</p>
<p>The theme: <strong>what the cloud really costs</strong>.</p>
<h2>Chris Example, Chief Architect at Agency: The reality of cloud</h2>
<p><time datetime="09:05">09:05</time> Chris opened with a question: <strong>who here knows their bill?</strong></p>
<blockquote>
<p>We moved to the cloud to save money. We stayed because we could not leave.</p>
<cite>Chris Example, Chief Architect</cite>
</blockquote>
<p>Three lessons:</p>
<ol>
<li>Measure before you migrate</li>
<li>Egress is the hidden cost
<ul>
<li>Data out: $0.09/GB</li>
<li>Data in: free</li>
</ul>
</li>
<li>Plan the exit on day one</li>
</ol>
<figure>
<img src="assets/3f2a9c0000000000000000000000000000000000000000000000000000000000.jpg" alt="Chris Example on stage">
<figcaption>Chris Example during the keynote</figcaption>
</figure>
<p>Slides: <a href="https://example.com/slides?talk=1&amp;lang=en">example.com/slides</a></p>
<h2>Who pays for the data?</h2>
<p><strong>Ada Lovelace</strong> (CTO at Analytical Engines Ltd), <strong>Grace Hopper</strong> (Rear Admiral) and <strong>Mary Somerville</strong> (Royal Society)</p>
<h3>Key numbers</h3>
<ul>
<li>40% of budgets go to storage</li>
<li><em>Most</em> teams never delete anything</li>
</ul>
<blockquote>
<p>Data has gravity,<br>and gravity has a price.</p>
</blockquote>
<p>Contact the organisers at <a href="mailto:press@example.com">press@example.com</a>.</p>
<p><u>Underlined</u>, <s>struck</s> and <code>npm run bill</code> — <strong>bold <em>and italic</em></strong></p>
<h2>Mallory Test, Red team: Hostile &lt;input&gt; &amp; *edge* cases</h2>
<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>
<p>click me or me and me data link</p>
<p>&lt;img src=x onerror=alert(1)&gt; and " onerror="alert(1)</p>
<p>*not bold* _not italic_ [not a link](http://x.test) &lt;b&gt;not html&lt;/b&gt; &amp;amp; ~~not struck~~ \`not code\`</p>
<p># not a heading</p>
<p>&gt; not a quote</p>
<p>1. not a list</p>
<p>- not a bullet</p>
<p>Kept from an unknown node</p>
<h2>Lightning talks</h2>
<hr>
<p>Tomorrow: <strong>security day</strong>. See you there!</p>
`;

describe('HTML export', () => {
  it('pins the fragment for a realistic day', () => {
    expect(renderHtml(composePost(conferenceDay()), { document: false })).toBe(DAY_FRAGMENT);
  });

  it('wraps the same body in a complete HTML5 document with charset, title, author, tags, lang, the title as h1 and the byline at the end', () => {
    const title = 'Cloud Summit 2026 – Day 1 Reflections';
    expect(renderHtml(composePost(conferenceDay()), { document: true })).toBe(
      `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n<meta name="author" content="Jane Doe">\n<meta name="keywords" content="cloud, conference, Day 1">\n</head>\n<body>\n<h1>${title}</h1>\n${DAY_FRAGMENT}<p>Posted by Jane Doe</p>\n</body>\n</html>\n`,
    );
  });

  it('pins the flowing style', async () => {
    await expect(renderHtml(composePost(conferenceDay('flowing')), { document: false })).toMatchFileSnapshot('__snapshots__/day-flowing.html');
  });

  it('passes the parse5 audit as a fragment and as a document: only semantic tags, no script, handlers, style, class or unsafe URL', () => {
    for (const style of ['headings', 'flowing'] as const) {
      const post = composePost(conferenceDay(style));
      expect(auditHtml(renderHtml(post, { document: false }), { document: false })).toEqual([]);
      expect(auditHtml(renderHtml(post, { document: true }), { document: true })).toEqual([]);
    }
  });

  it('has an audit that does catch dangerous markup', () => {
    const bad = '<p class="x" style="color:red" onclick="go()"><script>1</script><a href="javascript:alert(1)">x</a><img src="https://t.example/p.gif" onerror="x"></p>';
    expect(auditHtml(bad, { document: false })).toEqual([
      'class attribute on <p>',
      'style attribute on <p>',
      'event handler onclick on <p>',
      '<script> element',
      'unsafe link javascript:alert(1)',
      'image outside assets: https://t.example/p.gif',
      'event handler onerror on <img>',
    ]);
  });

  it('escapes hostile text so it stays text', () => {
    const html = renderHtml(composePost(conferenceDay()), { document: true });
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).toContain('<p>&lt;img src=x onerror=alert(1)&gt; and " onerror="alert(1)</p>');
    expect(html).toContain('<h2>Mallory Test, Red team: Hostile &lt;input&gt; &amp; *edge* cases</h2>');
    expect(elementNames(renderHtml(composePost(conferenceDay()), { document: false }))).not.toContain('script');
  });

  it('escapes quotes and ampersands inside attributes', () => {
    const post = composePost({
      ...conferenceDay(),
      sections: [{ session: SESSIONS.keynote, note: note(paragraph(link('https://example.com/?q="x"&a=\'1\'', 'quoted'))) }],
    });
    const html = renderHtml(post, { document: false });
    expect(html).toContain('<a href="https://example.com/?q=%22x%22&amp;a=%271%27">quoted</a>');
    expect(auditHtml(html, { document: false })).toEqual([]);
  });

  it('escapes the title in the document head and uses a valid lang, ignoring one that is not a language tag', () => {
    const post = composePost({ ...conferenceDay(), title: 'Day 1 </title><script>x</script>', sections: [] });
    const german = renderHtml(post, { document: true, language: 'de-DE' });
    expect(german).toContain('<html lang="de-DE">');
    expect(german).toContain('<title>Day 1 &lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>');
    expect(auditHtml(german, { document: true })).toEqual([]);
    expect(renderHtml(post, { document: true, language: '" onload="x' })).toContain('<html lang="en">');
  });

  it('writes an ordered list that does not start at one with its start number', () => {
    const state = note({
      type: 'list', version: 1, listType: 'number', start: 4, tag: 'ol',
      children: [{ type: 'listitem', version: 1, value: 4, children: [text('fourth')] }],
    });
    const post = composePost({ ...conferenceDay(), intro: null, closing: null, byline: '', tags: [], sections: [{ session: SESSIONS.lightning, note: state }] });
    expect(renderHtml(post, { document: false })).toBe('<h2>Lightning talks</h2>\n<ol start="4">\n<li>fourth</li>\n</ol>\n');
  });
});
