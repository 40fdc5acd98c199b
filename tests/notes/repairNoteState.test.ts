import { describe, expect, it } from 'vitest';
import { serializedNoteStateSchema, type SerializedNoteNode, type SerializedNoteState } from '../../shared/note/noteFile';
import { noteStateText } from '../../shared/note/noteText';
import { repairClipboardNodes, repairNoteState } from '../../shared/note/repairNoteState';
import { sanitizeNoteState } from '../../shared/note/sanitizeNoteState';
import { linkNode, noteState, paragraph, textNode } from '../helpers/noteStates';

const valid = (state: SerializedNoteState) => serializedNoteStateSchema.safeParse(state).success;
const root = (...children: unknown[]) => ({ root: { type: 'root', version: 1, children } }) as unknown as SerializedNoteState;

function nestedList(levels: number): SerializedNoteNode {
  let item: SerializedNoteNode = { type: 'listitem', version: 1, children: [textNode(`level ${levels}`)] };
  for (let level = levels - 1; level >= 1; level--) {
    item = { type: 'listitem', version: 1, children: [textNode(`level ${level}`), { type: 'list', version: 1, listType: 'bullet', tag: 'ul', children: [item] }] };
  }
  return { type: 'list', version: 1, listType: 'bullet', tag: 'ul', children: [item] };
}

function depthOf(node: SerializedNoteNode): number {
  return 1 + Math.max(0, ...(node.children ?? []).map(depthOf));
}

describe('repairing a note the validator refuses', () => {
  it('keeps a list 30 levels deep as nine levels and lines of text, every word kept', () => {
    const refused = root(nestedList(30));
    expect(valid(refused)).toBe(false);
    const { state, repairs } = repairNoteState(refused);
    expect(valid(state)).toBe(true);
    expect(depthOf(state.root)).toBeLessThanOrEqual(2 * 9 + 3);
    for (let level = 1; level <= 30; level++) expect(noteStateText(state)).toContain(`level ${level}`);
    expect(repairs).toEqual(['a list nested more than 9 levels deep was kept as lines of text']);
  });

  it('joins quotes pasted inside quotes, 50 deep, into one', () => {
    let quote: SerializedNoteNode = { type: 'quote', version: 1, children: [textNode('the end')] };
    for (let level = 0; level < 50; level++) quote = { type: 'quote', version: 1, children: [textNode('said '), quote] };
    const { state, repairs } = repairNoteState(root(quote));
    expect(valid(state)).toBe(true);
    expect(state.root.children).toHaveLength(1);
    expect(noteStateText(state).replace(/\n/g, '')).toBe(`${'said '.repeat(50)}the end`);
    expect(repairs).toContain('a block inside another (a quote in a quote) was joined to the one around it');
  });

  it('drops a hostile timestamp, inline styles and unsafe links, and keeps the text of kinds notes do not have', () => {
    const { state, repairs } = repairNoteState(
      root(
        paragraph({ type: 'timestamp', version: 1, time: `<img onerror=alert(1)>${'9'.repeat(5000)}` } as SerializedNoteNode, { ...textNode(' starts'), style: 'color: red' }),
        paragraph(linkNode('javascript:alert(1)', 'click me')),
        { type: 'table', version: 1, children: [{ type: 'tablecell', version: 1, children: [textNode('cell text')] }] },
        textNode('loose text at the top'),
        { type: 'attributed-quote', version: 1, speaker: { name: 7 }, time: 'noon', children: [textNode('quoted')] },
      ),
    );
    expect(valid(state)).toBe(true);
    expect(JSON.stringify(state)).not.toMatch(/onerror|color: red|javascript/);
    expect(noteStateText(state)).toBe(' starts\nclick me\ncell text\nloose text at the top\nquoted');
    expect(repairs).toEqual([
      'a timestamp that was not a time was left out',
      'content of a kind notes do not have ("table") was kept as text',
      'content of a kind notes do not have ("tablecell") was kept as text',
      'a quote’s attribution was mended',
    ]);
  });

  it('changes nothing in a note that was fine', () => {
    const fine = noteState('First paragraph', [textNode('with a '), linkNode('https://example.org/', 'link')]);
    expect(repairNoteState(fine)).toEqual({ state: sanitizeNoteState(fine), repairs: [] });
  });

  it('cleans a clipboard fragment into blocks a note can take, or keeps a few copied words inline', () => {
    expect(repairClipboardNodes([textNode('copied words'), { type: 'heading', version: 1, tag: 'h2', children: [textNode('Title')] }]).nodes.map((node) => node.type)).toEqual(['paragraph', 'heading']);
    const words = repairClipboardNodes([{ ...textNode('a few words'), style: 'color: red' }, linkNode('javascript:alert(1)', ' and a link')]);
    expect(words.nodes).toEqual([textNode('a few words'), textNode(' and a link')]);
  });

  it('turns any tree at all into a note the validator takes, keeping its text', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const types = ['paragraph', 'text', 'list', 'listitem', 'quote', 'link', 'heading', 'timestamp', 'image', 'attributed-quote', 'private-note', 'linebreak', 'code', 'table', 'autolink', 42];
    // Mostly one child, now and then two: deep trees of a few hundred nodes.
    const tree = (depth: number): unknown => {
      const type = types[Math.floor(random() * types.length)];
      if (depth > 60 || random() < 0.03) return { type: 'text', version: 1, text: `w${depth}`, format: 0 };
      const children = Array.from({ length: random() < 0.1 && depth < 12 ? 2 : 1 }, () => tree(depth + 1));
      return { type, version: random() < 0.9 ? 1 : 'x', url: random() < 0.5 ? 'https://example.org/' : undefined, time: random() < 0.5 ? '09:30' : {}, children };
    };
    for (let round = 0; round < 200; round++) {
      const { state } = repairNoteState({ root: { type: 'root', children: [tree(0), tree(0)] } });
      expect(valid(state), JSON.stringify(state).slice(0, 300)).toBe(true);
    }
  });
});
