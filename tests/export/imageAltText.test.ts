import { parse } from '@wordpress/block-serialization-default-parser';
import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import { renderHtml } from '../../shared/export/html';
import { renderMarkdown } from '../../shared/export/markdown';
import { renderPlainText } from '../../shared/export/plainText';
import { renderPostParts } from '../../shared/export/renderedPost';
import { renderWordPress } from '../../shared/export/wordpress';
import type { SerializedNoteState } from '../../shared/note/noteFile';
import { SESSIONS, conferenceDay } from './fixtures/conferenceDay';
import { image, note } from './fixtures/noteBuilders';

const SRC = `assets/${'c'.repeat(64)}.jpg`;

function postShowing(noteState: SerializedNoteState) {
  return composePost({ ...conferenceDay(), intro: null, closing: null, sections: [{ session: SESSIONS.keynote, note: noteState }] });
}

describe('alt text of a photo', () => {
  it('is the caption when the reporter gave only a caption, in every format and in what a publisher uploads', () => {
    const post = postShowing(note(image(SRC, '', 'Chris Example on the main stage')));
    expect(renderHtml(post, { document: false })).toContain(`<img src="${SRC}" alt="Chris Example on the main stage">\n<figcaption>Chris Example on the main stage</figcaption>`);
    expect(renderMarkdown(post, { frontMatter: true })).toContain(`![Chris Example on the main stage](${SRC})`);
    const image_ = parse(renderWordPress(post)).find((block) => block.blockName === 'core/image')!;
    expect(image_.innerHTML).toContain('alt="Chris Example on the main stage"');
    expect(renderPostParts(post, 'wordpress').images).toEqual([{ src: SRC, alt: 'Chris Example on the main stage', caption: 'Chris Example on the main stage' }]);
  });

  it('is its own description when it has one, next to a different caption', () => {
    const post = postShowing(note(image(SRC, 'A full hall seen from the stage', 'The keynote filled Hall A')));
    expect(renderHtml(post, { document: false })).toContain('alt="A full hall seen from the stage">\n<figcaption>The keynote filled Hall A</figcaption>');
    expect(renderPlainText(post)).toContain('[Image: A full hall seen from the stage]\nThe keynote filled Hall A');
  });

  it('is not written twice in plain text when it is the caption', () => {
    const text = renderPlainText(postShowing(note(image(SRC, '', 'Chris Example on the main stage'))));
    expect(text).toContain('[Image: Chris Example on the main stage]\n\n');
    expect(text.match(/Chris Example on the main stage/g)).toHaveLength(1);
  });
});
