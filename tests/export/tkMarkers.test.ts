import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import type { PostInput } from '../../shared/export/postInput';
import { findTkMarkers } from '../../shared/export/tkMarkers';
import { SESSIONS, conferenceDay, session, speaker } from './fixtures/conferenceDay';
import { attributedQuote, image, list, note, paragraph, privateNote, text } from './fixtures/noteBuilders';

function markersOf(post: Partial<PostInput>) {
  return findTkMarkers(composePost({ ...conferenceDay(), ...post }));
}

describe('TK markers in a post', () => {
  it('are found wherever the reader would see them, each with where it is and the words around it', () => {
    const markers = markersOf({
      title: 'Cloud Summit TK – Day 1',
      intro: note('The venue held TK people this year.'),
      closing: note(paragraph(text('See you tomorrow.'))),
      sections: [
        {
          session: session('roles', 'Who pays?', [speaker('Ada Lovelace', 'TK')]),
          note: note(
            list('bullet', ['Storage is 40% of budgets', 'Egress costs TK per GB']),
            attributedQuote({ name: 'Ada Lovelace' }, '10:00', text('We never delete anything (TK: exact words).')),
            image(`assets/${'a'.repeat(64)}.jpg`, '', 'TK: who is on the left?'),
            privateNote(paragraph(text('TK: call her back'))),
          ),
        },
      ],
    });
    expect(markers).toEqual([
      { where: 'The title', sessionId: null, excerpt: 'Cloud Summit TK – Day 1' },
      { where: 'The intro', sessionId: null, excerpt: 'The venue held TK people this year.' },
      { where: '“Who pays?”', sessionId: 'roles', excerpt: 'Ada Lovelace, TK: Who pays?' },
      { where: '“Who pays?”', sessionId: 'roles', excerpt: 'Egress costs TK per GB' },
      { where: '“Who pays?”', sessionId: 'roles', excerpt: 'We never delete anything (TK: exact words).' },
      { where: '“Who pays?”', sessionId: 'roles', excerpt: 'TK: who is on the left?' },
    ]);
  });

  it('shows a few words either side of a marker in a long paragraph', () => {
    const long = `${'Before the marker there are many words in this sentence. '.repeat(3)}The figure was TK percent. ${'After it the speaker went on and on about other things. '.repeat(3)}`;
    const [marker] = markersOf({ intro: note(long), sections: [] });
    expect(marker.excerpt).toBe('…words in this sentence. The figure was TK percent. After it the speaker went on…');
  });

  it('are not “Tk”, “tkinter”, or TK in a private note', () => {
    expect(markersOf({ intro: note('Tk and tkinter are a toolkit; ATK is not TK-free either way'), sections: [{ session: SESSIONS.keynote, note: note(privateNote(paragraph(text('TK')))) }] })).toEqual([
      { where: 'The intro', sessionId: null, excerpt: 'Tk and tkinter are a toolkit; ATK is not TK-free either way' },
    ]);
    expect(markersOf({ intro: note('Tk and tkinter'), closing: null, sections: [{ session: SESSIONS.keynote, note: note('Checked.') }] })).toEqual([]);
  });
});
