import { describe, expect, it } from 'vitest';
import { countWords, noteStateText, readingMinutes } from '../../shared/note/noteText';
import { countTkMarkers } from '../../shared/note/tkMarkers';
import { markdownToNoteState } from '../../electron/services/notes/markdownNotes';

describe('noteStateText', () => {
  it('gives one line per block, including headings, quotes and nested list items', () => {
    const state = markdownToNoteState('# Cloud\n\nSome **bold** [link](https://example.org) text\n\n> A quote\n\n- one\n    - nested\n- two');
    expect(noteStateText(state)).toBe('Cloud\nSome bold link text\nA quote\none\nnested\ntwo');
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['Cloud costs fell 38% in 2025.', 6],
    ["Raman's team — the platform-team — won't wait", 6],
    ['Ünïcödé wörds zählen auch', 4],
    ['@handle and #hashtag count', 4],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('readingMinutes', () => {
  it('rounds to whole minutes with at least one for any text', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(2300)).toBe(10);
  });
});

describe('countTkMarkers', () => {
  it('counts TK as a word, not inside other words or in other cases', () => {
    expect(countTkMarkers('Revenue was TK million (TK: check) and TK.')).toBe(3);
    expect(countTkMarkers('Tk and tk and TKO and ATK and tkinter')).toBe(0);
  });
});
