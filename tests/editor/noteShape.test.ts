import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $createListItemNode, $createListNode, registerList } from '@lexical/list';
import { $convertFromMarkdownString } from '@lexical/markdown';
import { $createQuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { serializedNoteStateSchema, type SerializedNoteNode, type SerializedNoteState } from '../../shared/note/noteFile';
import { NOTE_MARKDOWN_TRANSFORMERS } from '../../shared/note/markdownTransformers';
import { NOTE_NODES } from '../../shared/note/noteNodes';
import { noteStateText } from '../../shared/note/noteText';
import { $createTimestampNode } from '../../shared/note/nodes/TimestampNode';
import { registerNoteShape } from '../../renderer/editor/plugins/NoteShapePlugin';

function editor(): LexicalEditor {
  const created = createHeadlessEditor({ nodes: [...NOTE_NODES], onError: (error) => { throw error; } });
  registerList(created);
  registerNoteShape(created);
  return created;
}

const stored = (target: LexicalEditor) => target.getEditorState().toJSON() as unknown as SerializedNoteState;
const depthOf = (node: SerializedNoteNode): number => 1 + Math.max(0, ...(node.children ?? []).map(depthOf));

describe('the note keeps the shape the save validator accepts', () => {
  it('nests a list typed 21 levels deep (84 spaces and "- ") nine levels deep', () => {
    const note = editor();
    note.update(() => $convertFromMarkdownString(`${' '.repeat(84)}- Deepest point`, NOTE_MARKDOWN_TRANSFORMERS), { discrete: true });
    const state = stored(note);
    expect(serializedNoteStateSchema.safeParse(state).success).toBe(true);
    expect(noteStateText(state)).toBe('Deepest point');
    expect(depthOf(state.root)).toBe(2 * 9 + 2);
  });

  it('keeps a pasted list 30 levels deep at nine, every item kept', () => {
    const note = editor();
    note.update(() => {
      let list = $createListNode('bullet').append($createListItemNode().append($createTextNode('level 30')));
      for (let level = 29; level >= 1; level--) list = $createListNode('bullet').append($createListItemNode().append($createTextNode(`level ${level}`)), $createListItemNode().append(list));
      $getRoot().append(list);
    }, { discrete: true });
    const state = stored(note);
    expect(serializedNoteStateSchema.safeParse(state).success).toBe(true);
    for (let level = 1; level <= 30; level++) expect(noteStateText(state)).toContain(`level ${level}`);
  });

  it('joins a quote pasted in a quote, 50 deep, into one, and drops a timestamp without a time', () => {
    const note = editor();
    note.update(() => {
      let quote = $createQuoteNode().append($createTextNode('the end'));
      for (let level = 0; level < 50; level++) quote = $createQuoteNode().append($createTextNode('said '), quote);
      $getRoot().append(quote, $createParagraphNode().append($createTimestampNode('not a time'), $createTextNode('starts')));
    }, { discrete: true });
    const state = stored(note);
    expect(serializedNoteStateSchema.safeParse(state).success).toBe(true);
    expect(state.root.children.map((node) => node.type)).toEqual(['quote', 'paragraph']);
    expect(noteStateText(state).replace(/\n/g, '')).toBe(`${'said '.repeat(50)}the endstarts`);
  });
});
