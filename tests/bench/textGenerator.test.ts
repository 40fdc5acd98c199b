import { describe, expect, it } from 'vitest';
import { closingText, generateNote } from '../../scripts/bench/benchLibrary';
import { noteLengths } from '../../scripts/bench/servicesLibrary';
import { generateNoteMarkdown, generateTitle, seededRandom } from '../../scripts/bench/textGenerator';
import { serializedNoteStateSchema, type SerializedNoteNode } from '../../shared/note/noteFile';
import { countWords } from '../../shared/note/noteText';

function allNodes(node: SerializedNoteNode): SerializedNoteNode[] {
  return [node, ...(node.children ?? []).flatMap(allNodes)];
}

describe('benchmark data generator', () => {
  it('gives the same text for the same seed, and different text for another', () => {
    expect(generateNoteMarkdown(seededRandom('a'), 500)).toBe(generateNoteMarkdown(seededRandom('a'), 500));
    expect(generateNoteMarkdown(seededRandom('a'), 500)).not.toBe(generateNoteMarkdown(seededRandom('b'), 500));
    expect(generateTitle(seededRandom(7))).toBe(generateTitle(seededRandom(7)));
  });

  it('draws numbers in [0, 1) from a seeded sequence', () => {
    const random = seededRandom(1);
    const draws = Array.from({ length: 1000 }, random);
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });

  it.each([1, 30, 200, 3_000, 20_000])('writes a note of exactly %i words as the app counts them', (words) => {
    const note = generateNote(seededRandom(`words-${words}`), words);
    expect(countWords(note.plainText)).toBe(words);
  });

  it('writes notes the editor stores: headings, paragraphs, both kinds of list and bold text, valid as a note', () => {
    const note = generateNote(seededRandom('structure'), 20_000);
    expect(serializedNoteStateSchema.safeParse(note.state).success).toBe(true);
    const nodes = allNodes(note.state.root);
    expect(nodes.some((node) => node.type === 'heading' && node.tag === 'h2')).toBe(true);
    expect(nodes.some((node) => node.type === 'heading' && node.tag === 'h3')).toBe(true);
    expect(nodes.some((node) => node.type === 'list' && node.listType === 'bullet')).toBe(true);
    expect(nodes.some((node) => node.type === 'list' && node.listType === 'number')).toBe(true);
    expect(nodes.some((node) => node.type === 'text' && node.format === 1)).toBe(true);
    expect(nodes.filter((node) => node.type === 'paragraph').length).toBeGreaterThan(100);
  });

  it('ends every note with plain text, which the browser measures look for', () => {
    for (const seed of ['end-1', 'end-2', 'end-3']) {
      const note = generateNote(seededRandom(seed), 1_200);
      const last = note.state.root.children.at(-1)!;
      expect(last.type).toBe('paragraph');
      const lastText = last.children!.at(-1)!;
      expect(lastText).toMatchObject({ type: 'text', format: 0 });
      expect(String(lastText.text).endsWith(closingText(note.plainText))).toBe(true);
      expect(closingText(note.plainText).length).toBe(32);
    }
  });

  it('splits a word total into note lengths that add up exactly', () => {
    const lengths = noteLengths(seededRandom('lengths'), 60, 120_000);
    expect(lengths).toHaveLength(60);
    expect(lengths.reduce((sum, length) => sum + length, 0)).toBe(120_000);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(50);
    expect(new Set(lengths).size).toBeGreaterThan(30);
  });
});
