import { expect, test } from 'vitest';
import type { SerializedNoteNode, SerializedNoteState } from '../../shared/note/noteFile';
import { countWords, noteStateText } from '../../shared/note/noteText';
import { paragraph, textNode } from '../helpers/noteStates';

const state: SerializedNoteState = {
  root: {
    type: 'root',
    version: 1,
    children: [
      paragraph({ type: 'timestamp', version: 1, time: '09:30' } as SerializedNoteNode, textNode(' Doors open')),
      { type: 'attributed-quote', version: 1, speaker: { name: 'Ada' }, children: [textNode('Engines weave')] },
      { type: 'image', version: 1, src: `assets/${'1'.repeat(64)}.png`, caption: 'Main stage' },
      { type: 'private-note', version: 1, children: [textNode('Call 555 0199 after')] },
    ],
  },
};

test('the text of a note includes timestamps, quotes, captions and, unless asked not to, private notes', () => {
  expect(noteStateText(state)).toBe('09:30 Doors open\nEngines weave\nMain stage\nCall 555 0199 after');
  expect(noteStateText(state, { includePrivate: false })).toBe('09:30 Doors open\nEngines weave\nMain stage');
  expect(countWords(noteStateText(state, { includePrivate: false }))).toBe(7);
});
