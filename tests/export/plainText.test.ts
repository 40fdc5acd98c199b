import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import { renderPlainText } from '../../shared/export/plainText';
import { conferenceDay } from './fixtures/conferenceDay';
import { lineBreak, link, list, note, paragraph, quote, text } from './fixtures/noteBuilders';
import type { SerializedNoteState } from '../../shared/note/noteFile';

const DAY_TEXT = `Cloud Summit 2026 – Day 1 Reflections
=====================================

Day one of Cloud Summit drew 1,200 people to Berlin.

The theme: what the cloud really costs.

Chris Example, Chief Architect at Agency: The reality of cloud
--------------------------------------------------------------

09:05 Chris opened with a question: who here knows their bill?

> We moved to the cloud to save money. We stayed because we could not leave.
>
> — Chris Example, Chief Architect

Three lessons:

1. Measure before you migrate
2. Egress is the hidden cost
   - Data out: $0.09/GB
   - Data in: free
3. Plan the exit on day one

[Image: Chris Example on stage]
Chris Example during the keynote

Slides: example.com/slides (https://example.com/slides?talk=1&lang=en)

Who pays for the data?
----------------------

Ada Lovelace (CTO at Analytical Engines Ltd), Grace Hopper (Rear Admiral) and Mary Somerville (Royal Society)

Key numbers
~~~~~~~~~~~

- 40% of budgets go to storage
- Most teams never delete anything

> Data has gravity,
> and gravity has a price.

Contact the organisers at press@example.com.

Underlined, struck and npm run bill — bold and italic

Mallory Test, Red team: Hostile <input> & *edge* cases
------------------------------------------------------

<script>alert(1)</script>

click me or me and me data link

<img src=x onerror=alert(1)> and " onerror="alert(1)

*not bold* _not italic_ [not a link](http://x.test) <b>not html</b> &amp; ~~not struck~~ \`not code\`

# not a heading

> not a quote

1. not a list

- not a bullet

Kept from an unknown node

Lightning talks
---------------

* * *

Tomorrow: security day. See you there!

Posted by Jane Doe
`;

function textOf(state: SerializedNoteState): string {
  return renderPlainText(composePost({ ...conferenceDay(), title: '', intro: state, closing: null, byline: '', tags: [], sections: [] }));
}

describe('plain text export', () => {
  it('pins the day: underlined headings, "- " and "1. " lists, "> " quotes, "text (url)" links, unwrapped paragraphs', () => {
    expect(renderPlainText(composePost(conferenceDay()))).toBe(DAY_TEXT);
  });

  it('pins the flowing style', async () => {
    await expect(renderPlainText(composePost(conferenceDay('flowing')))).toMatchFileSnapshot('__snapshots__/day-flowing.txt');
  });

  it('does not repeat a URL or address that is already the link text', () => {
    const state = note(paragraph(link('https://example.com', 'https://example.com'), text(' and '), link('mailto:a@example.com', 'a@example.com')));
    expect(textOf(state)).toBe('https://example.com and a@example.com\n');
  });

  it('does not wrap long paragraphs and keeps the note’s own line breaks', () => {
    const long = 'word '.repeat(60).trim();
    expect(textOf(note(paragraph(text(long), lineBreak(), text('next line'))))).toBe(`${long}\nnext line\n`);
  });

  it('quotes every line of a quote and indents continuation lines of list items', () => {
    const state = note(quote(text('one'), lineBreak(), text('two')), list('number', [[text('item'), lineBreak(), text('continued')]]));
    expect(textOf(state)).toBe('> one\n> two\n\n1. item\n   continued\n');
  });
});
