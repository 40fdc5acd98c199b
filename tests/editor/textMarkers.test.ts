import { describe, expect, test } from 'vitest';
import { blockStats, sameNoteStats, sumBlockStats } from '../../renderer/editor/blockStats';
import { findMarkers, type MarkerKind } from '../../renderer/editor/textMarkers';

function marked(text: string, kind: MarkerKind): string[] {
  return findMarkers(text)
    .filter((match) => match.kind === kind)
    .map((match) => text.slice(match.start, match.end));
}

describe('markers the note highlights', () => {
  test('TK is found as a word of its own, in capitals only', () => {
    expect(marked('Revenue TK, crowd (TK) and TK: later; TKO, tkinter, Tk and ATK are not', 'tk')).toEqual(['TK', 'TK', 'TK']);
  });

  test('hashtags need a letter and start a word', () => {
    expect(marked('#keynote #AI2026 #día_uno #1 issue#3 &#39; ##double', 'hashtag')).toEqual(['#keynote', '#AI2026', '#día_uno']);
  });

  test('handles are @names and fediverse @name@server, never the middle of an e-mail address', () => {
    expect(marked('ask @ada, @grace.hopper and @lovelace@engines.social; mail ada@example.org', 'handle')).toEqual(['@ada', '@grace.hopper', '@lovelace@engines.social']);
  });
});

describe('block stats', () => {
  test('words, characters (an emoji is one) and each TK with the words around it', () => {
    const stats = blockStats('Revenue grew TK percent 🎉 in the year that the analysts had predicted would be flat, says TK');
    expect(stats.words).toBe(17);
    expect(stats.characters).toBe(92);
    // Cut at spaces, never inside a word.
    expect(stats.tkSnippets).toEqual(['Revenue grew TK percent 🎉 in the year that the…', '…had predicted would be flat, says TK']);
  });

  test('blocks add up in order, and a TK is known by its block and place', () => {
    const total = sumBlockStats([
      ['7', blockStats('One TK two')],
      ['9', blockStats('three TK TK')],
    ]);
    expect(total).toMatchObject({ words: 6, characters: 21 });
    expect(total.tks.map((tk) => tk.id)).toEqual(['7:0', '9:0', '9:1']);
    expect(sameNoteStats(total, sumBlockStats([['7', blockStats('One TK two')], ['9', blockStats('three TK TK')]]))).toBe(true);
    expect(sameNoteStats(total, sumBlockStats([['7', blockStats('One TK two')]]))).toBe(false);
    expect(sameNoteStats(null, total)).toBe(false);
  });
});
