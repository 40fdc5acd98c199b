import { createHeadlessEditor } from '@lexical/headless';
import { $createLinkNode } from '@lexical/link';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { MAX_MARKDOWN_BYTES, markdownToNoteState, noteStateToMarkdown } from '../../electron/services/notes/markdownNotes';
import { ServiceError } from '../../electron/services/storage/serviceError';
import { emptyNoteState, serializedNoteStateSchema, type SerializedNoteNode, type SerializedNoteState } from '../../shared/note/noteFile';
import { NOTE_NODES } from '../../shared/note/noteNodes';

/** Flattens a state to "type:text" lines so a failing test shows what the structure was. */
function outline(node: SerializedNoteNode, depth = 0): string[] {
  const label = node.type === 'text' ? `text(${node.format}):${String(node.text)}` : node.type === 'heading' ? `heading:${String(node.tag)}` : node.type;
  const own = node.type === 'link' ? `${label}:${String(node.url)}` : node.type === 'list' ? `${label}:${String(node.listType)}` : label;
  return [`${'  '.repeat(depth)}${own}`, ...(node.children ?? []).flatMap((child) => outline(child, depth + 1))];
}

const FORMAT_BOLD = 1;
const FORMAT_ITALIC = 2;
const FORMAT_STRIKETHROUGH = 4;

describe('markdownToNoteState', () => {
  it('produces exactly the JSON an editor holding the same content saves', () => {
    const editor = createHeadlessEditor({ nodes: [...NOTE_NODES], onError: (error) => { throw error; } });
    editor.update(
      () => {
        const heading = $createHeadingNode('h2').append($createTextNode('Opening keynote'));
        const link = $createLinkNode('https://example.com/talk').append($createTextNode('slides'));
        const paragraph = $createParagraphNode().append($createTextNode('Ada said '), $createTextNode('this').toggleFormat('bold'), $createTextNode(' — see '), link);
        $getRoot().clear().append(heading, paragraph);
      },
      { discrete: true },
    );
    const typedInEditor = editor.getEditorState().toJSON();

    const converted = markdownToNoteState('## Opening keynote\n\nAda said **this** — see [slides](https://example.com/talk)');

    expect(converted).toEqual(typedInEditor);
  });

  it('converts headings, inline formats, lists, quotes and links into the note nodes', () => {
    const state = markdownToNoteState(
      [
        '# Day one',
        '',
        '### Panel',
        '',
        'Plain **bold** *italic* ~~struck~~ [site](https://example.com/)',
        '',
        '- first',
        '- second',
        '    - nested',
        '',
        '1. one',
        '2. two',
        '',
        '> A quote worth keeping',
      ].join('\n'),
    );

    expect(outline(state.root)).toEqual([
      'root',
      '  heading:h1',
      '    text(0):Day one',
      '  heading:h3',
      '    text(0):Panel',
      '  paragraph',
      '    text(0):Plain ',
      `    text(${FORMAT_BOLD}):bold`,
      '    text(0): ',
      `    text(${FORMAT_ITALIC}):italic`,
      '    text(0): ',
      `    text(${FORMAT_STRIKETHROUGH}):struck`,
      '    text(0): ',
      '    link:https://example.com/',
      '      text(0):site',
      '  list:bullet',
      '    listitem',
      '      text(0):first',
      '    listitem',
      '      text(0):second',
      '    listitem',
      '      list:bullet',
      '        listitem',
      '          text(0):nested',
      '  list:number',
      '    listitem',
      '      text(0):one',
      '    listitem',
      '      text(0):two',
      '  quote',
      '    text(0):A quote worth keeping',
    ]);
  });

  it('gives a state the note file validator accepts', () => {
    const state = markdownToNoteState('# Title\n\n- a\n- b\n\n> q\n\n[x](https://example.com)');
    expect(serializedNoteStateSchema.safeParse(state).success).toBe(true);
  });

  it('reads Windows line endings and a byte-order mark like plain newlines', () => {
    expect(markdownToNoteState('\uFEFF# Title\r\n\r\nfirst line\r\nsecond line\r\n')).toEqual(markdownToNoteState('# Title\n\nfirst line\nsecond line\n'));
  });

  it('turns empty Markdown into the empty note', () => {
    expect(markdownToNoteState('')).toEqual(emptyNoteState());
  });

  it('refuses Markdown larger than the limit with a message naming the size', () => {
    const huge = 'a'.repeat(MAX_MARKDOWN_BYTES + 1);
    expect(() => markdownToNoteState(huge)).toThrow(ServiceError);
    expect(() => markdownToNoteState(huge)).toThrow('The Markdown is 10.1 MB; a note can be made from at most 10 MB.');
  });
});

describe('noteStateToMarkdown', () => {
  const CANONICAL = [
    '# Day one',
    '',
    '## Opening keynote',
    '',
    'Plain **bold** *italic* ~~struck~~ and [a link](https://example.com/talk)',
    'a second line after a line break',
    '',
    '- first',
    '- second',
    '    - nested',
    '',
    '1. one',
    '2. two',
    '',
    '> A quote worth keeping',
  ].join('\n');

  it('writes back the Markdown a note was made from', () => {
    expect(noteStateToMarkdown(markdownToNoteState(CANONICAL))).toBe(CANONICAL);
  });

  it('gives back the same note when its Markdown is converted again', () => {
    const state = markdownToNoteState(CANONICAL);
    expect(markdownToNoteState(noteStateToMarkdown(state))).toEqual(state);
  });

  it('writes nothing for an empty note, even one whose root has no children', () => {
    const bare: SerializedNoteState = { root: { ...emptyNoteState().root, children: [] } };
    expect(noteStateToMarkdown(emptyNoteState())).toBe('');
    expect(noteStateToMarkdown(bare)).toBe('');
  });
});
