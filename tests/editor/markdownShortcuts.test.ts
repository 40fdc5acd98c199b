import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { registerMarkdownShortcuts } from '@lexical/markdown';
import { $isHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $getRoot, $getSelection, $isElementNode, $isRangeSelection, type LexicalEditor } from 'lexical';
import { NOTE_MARKDOWN_TRANSFORMERS } from '../../shared/note/markdownTransformers';
import { NOTE_NODES } from '../../shared/note/noteNodes';
import { registerTriggeredMarkdownShortcuts } from '../../renderer/editor/plugins/MarkdownShortcutsPlugin';

function editorWith(register: (editor: LexicalEditor) => () => void) {
  const editor = createHeadlessEditor({ namespace: 'test', nodes: [...NOTE_NODES], onError: (error) => { throw error; } });
  editor.update(() => $getRoot().append($createParagraphNode()).selectEnd(), { discrete: true });
  // Counts every editor update started, including those the shortcuts start from their listener.
  let updates = 0;
  const update = editor.update.bind(editor);
  editor.update = (...args: Parameters<LexicalEditor['update']>) => {
    updates += 1;
    update(...args);
  };
  register(editor);
  /** Types one character at a time, each its own update, as keystrokes are. */
  const type = (text: string) => {
    for (const character of text) {
      editor.update(() => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(character);
      }, { discrete: true });
    }
  };
  return { editor, type, updates: () => updates };
}

function firstBlock(editor: LexicalEditor) {
  return editor.getEditorState().read(() => {
    const block = $getRoot().getFirstChildOrThrow();
    return { heading: $isHeadingNode(block) ? block.getTag() : null, text: block.getTextContent(), bold: $isElementNode(block) ? block.getAllTextNodes().filter((node) => node.hasFormat('bold')).map((node) => node.getTextContent()) : [] };
  });
}

describe('Markdown shortcuts woken only by a character that can finish one', () => {
  it('still turns "## " into a heading and **…** into bold, as Lexical does', () => {
    const { editor, type } = editorWith((target) => registerTriggeredMarkdownShortcuts(target, NOTE_MARKDOWN_TRANSFORMERS));
    type('## Funding');
    expect(firstBlock(editor)).toMatchObject({ heading: 'h2', text: 'Funding' });
    type(' with **one or two** maintainers');
    expect(firstBlock(editor).bold).toEqual(['one or two']);
  });

  it('costs a plain letter one editor update, where Lexical alone starts a second one for every character', () => {
    const gated = editorWith((target) => registerTriggeredMarkdownShortcuts(target, NOTE_MARKDOWN_TRANSFORMERS));
    const plain = editorWith((target) => registerMarkdownShortcuts(target, NOTE_MARKDOWN_TRANSFORMERS));
    gated.type('latency');
    plain.type('latency');
    expect(gated.updates()).toBe(7);
    expect(plain.updates()).toBe(14);
  });
});
