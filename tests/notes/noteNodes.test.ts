import { describe, expect, test } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor, type SerializedEditorState } from 'lexical';
import { AS_STORED, noteToBlocks } from '../../shared/export/noteToBlocks';
import { NOTE_NODE_TYPES } from '../../shared/note/nodeTypes';
import { serializedNoteStateSchema, type SerializedNoteNode, type SerializedNoteState } from '../../shared/note/noteFile';
import { NOTE_NODES } from '../../shared/note/noteNodes';
import { $createAttributedQuoteNode, $isAttributedQuoteNode } from '../../shared/note/nodes/AttributedQuoteNode';
import { $createImageNode, $isImageNode } from '../../shared/note/nodes/ImageNode';
import { $createPrivateNoteNode } from '../../shared/note/nodes/PrivateNoteNode';
import { $createTimestampNode, $isTimestampNode } from '../../shared/note/nodes/TimestampNode';

const PHOTO = `assets/${'ab'.repeat(32)}.jpg`;

function headlessEditor(): LexicalEditor {
  return createHeadlessEditor({ namespace: 'test', nodes: [...NOTE_NODES], onError: (error) => { throw error; } });
}

function build(fill: () => void): SerializedNoteState {
  const editor = headlessEditor();
  editor.update(fill, { discrete: true });
  return editor.getEditorState().toJSON() as unknown as SerializedNoteState;
}

/** Parses the JSON in a fresh editor (as the CLI and the app do when opening a note) and serialises it again. */
function roundTrip(state: SerializedNoteState): SerializedNoteState {
  const editor = headlessEditor();
  const parsed = editor.parseEditorState(JSON.parse(JSON.stringify(state)) as SerializedEditorState);
  return parsed.toJSON() as unknown as SerializedNoteState;
}

function topLevel(state: SerializedNoteState): SerializedNoteNode[] {
  return state.root.children;
}

describe('Hallnotes note nodes in a headless editor (plain Node, no DOM)', () => {
  test('every registered node class has its type listed for the validator, and the other way round', () => {
    const types = NOTE_NODES.map((klass) => klass.getType());
    for (const type of types) expect(NOTE_NODE_TYPES).toContain(type);
    for (const type of ['attributed-quote', 'timestamp', 'image', 'private-note']) expect(types).toContain(type);
  });

  test('an attributed quote keeps its words, speaker and time through JSON, in the fields the export reads', () => {
    const state = build(() => {
      $getRoot().append($createAttributedQuoteNode({ name: 'Ada Lovelace', role: 'Analyst at Engine Works' }, '14:05').append($createTextNode('It weaves algebraic patterns.')));
    });
    const [quote] = topLevel(state);
    expect(quote).toMatchObject({ type: 'attributed-quote', speaker: { name: 'Ada Lovelace', role: 'Analyst at Engine Works' }, time: '14:05' });
    expect(quote.children?.[0]).toMatchObject({ type: 'text', text: 'It weaves algebraic patterns.' });
    expect(roundTrip(state)).toEqual(state);
    expect(noteToBlocks(state, AS_STORED)).toEqual([
      { kind: 'quote', attribution: 'Ada Lovelace, Analyst at Engine Works', blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'It weaves algebraic patterns.' }] }] },
    ]);
  });

  test('a quote without a time or role leaves them out of the JSON and reads back the same', () => {
    const state = build(() => $getRoot().append($createAttributedQuoteNode({ name: 'Grace Hopper' }, null).append($createTextNode('Ship it.'))));
    const [quote] = topLevel(state);
    expect(quote.speaker).toEqual({ name: 'Grace Hopper' });
    expect(quote.time).toBeUndefined();
    expect(roundTrip(state)).toEqual(state);
    headlessEditor().parseEditorState(state as unknown as SerializedEditorState).read(() => {
      const node = $getRoot().getFirstChild();
      expect($isAttributedQuoteNode(node) && node.getTime()).toBeNull();
    });
  });

  test('a timestamp is an inline "HH:MM" node whose text is its time; midnight too', () => {
    const state = build(() => {
      $getRoot().append($createParagraphNode().append($createTimestampNode('00:00'), $createTextNode(' doors open '), $createTimestampNode('23:59')));
    });
    const stamps = topLevel(state)[0].children!.filter((node) => node.type === 'timestamp');
    expect(stamps.map((stamp) => stamp.time)).toEqual(['00:00', '23:59']);
    expect(roundTrip(state)).toEqual(state);
    headlessEditor().parseEditorState(state as unknown as SerializedEditorState).read(() => {
      expect($getRoot().getTextContent()).toBe('00:00 doors open 23:59');
      expect($isTimestampNode($getRoot().getFirstDescendant())).toBe(true);
    });
  });

  test('a photo keeps its stored file, description and caption; an address outside the assets folder is not kept', () => {
    const state = build(() => {
      $getRoot().append($createImageNode({ src: PHOTO, alt: 'Slide 3', caption: 'Revenue by year' }), $createImageNode({ src: '../../../etc/passwd', caption: 'Stolen' }));
    });
    const [photo, refused] = topLevel(state);
    expect(photo).toMatchObject({ type: 'image', src: PHOTO, alt: 'Slide 3', caption: 'Revenue by year' });
    expect(refused.src).toBeUndefined();
    expect(roundTrip(state)).toEqual(state);
    const parsed = headlessEditor().parseEditorState({ root: { ...state.root, children: [{ ...photo, src: 'https://evil.example/x.png' }] } } as unknown as SerializedEditorState);
    parsed.read(() => {
      const node = $getRoot().getFirstChild();
      expect($isImageNode(node) && node.getSrc()).toBe('');
    });
  });

  test('a private note round-trips and is never exported', () => {
    const state = build(() => {
      $getRoot().append($createParagraphNode().append($createTextNode('Public')), $createPrivateNoteNode().append($createTextNode('Call 555 0199')));
    });
    expect(topLevel(state).map((node) => node.type)).toEqual(['paragraph', 'private-note']);
    expect(roundTrip(state)).toEqual(state);
    expect(JSON.stringify(noteToBlocks(state, AS_STORED))).not.toContain('555');
  });

  test('the note validator accepts these nodes and names a field of the wrong kind', () => {
    const state = build(() => {
      $getRoot().append(
        $createAttributedQuoteNode({ name: 'Ada' }, '09:30').append($createTextNode('Quote')),
        $createParagraphNode().append($createTimestampNode('09:31')),
        $createImageNode({ src: PHOTO }),
        $createPrivateNoteNode().append($createTextNode('Mine')),
      );
    });
    expect(serializedNoteStateSchema.safeParse(state).success).toBe(true);
    const broken = (index: number, changes: Record<string, unknown>) => {
      const children = topLevel(state).map((node, at) => (at === index ? { ...node, ...changes } : node));
      return serializedNoteStateSchema.safeParse({ root: { ...state.root, children } });
    };
    expect(broken(0, { speaker: 'Ada' }).error?.issues[0].message).toMatch(/root\.children\[0\]: quote with a speaker that is not a name and role/);
    expect(broken(0, { time: 930 }).error?.issues[0].message).toMatch(/quote with a time that is not text/);
    expect(broken(2, { caption: 'x'.repeat(5000) }).error?.issues[0].message).toMatch(/root\.children\[2\]: photo whose/);
    const stamp = { ...topLevel(state)[1], children: [{ type: 'timestamp', version: 1 }] };
    expect(serializedNoteStateSchema.safeParse({ root: { ...state.root, children: [stamp] } }).error?.issues[0].message).toMatch(/timestamp without a time/);
  });
});
