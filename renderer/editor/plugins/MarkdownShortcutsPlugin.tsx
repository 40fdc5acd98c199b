import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerMarkdownShortcuts, type Transformer } from '@lexical/markdown';
import { $getSelection, $isRangeSelection, $isTextNode, COMPOSITION_END_TAG, type LexicalEditor, type UpdateListener } from 'lexical';

/**
 * Lexical's Markdown shortcuts (`# `, `> `, `- `, `**bold**`, links), woken only by a character
 * that can finish one. registerMarkdownShortcuts answers every typed character with a second
 * editor update (a cascade with its own timer) to look for a pattern, which every keystroke
 * pays for. Only a space, the closing mark of a text format or a text-match trigger can
 * complete a shortcut (the same characters Lexical itself checks after an IME commit), so the
 * shortcuts' update listener hears just the updates that typed one of those.
 */
export function MarkdownShortcutsPlugin({ transformers }: { transformers: Transformer[] }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerTriggeredMarkdownShortcuts(editor, transformers), [editor, transformers]);
  return null;
}

export function registerTriggeredMarkdownShortcuts(editor: LexicalEditor, transformers: Transformer[]): () => void {
  const triggers = shortcutTriggers(transformers);
  const gatedListener = (listener: UpdateListener): UpdateListener => (payload) => {
    if (payload.tags.has(COMPOSITION_END_TAG)) return listener(payload);
    const typed = payload.editorState.read(typedCharacter, { editor });
    if (typed !== null && triggers.has(typed)) listener(payload);
  };
  // Everything but registerUpdateListener goes to the editor itself, bound to it.
  const gated = new Proxy(editor, {
    get(target, property) {
      if (property === 'registerUpdateListener') return (listener: UpdateListener) => target.registerUpdateListener(gatedListener(listener));
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return registerMarkdownShortcuts(gated, transformers);
}

function shortcutTriggers(transformers: Transformer[]): Set<string> {
  const triggers = new Set([' ']);
  for (const transformer of transformers) {
    if (transformer.type === 'text-format') triggers.add(transformer.tag.slice(-1));
    if (transformer.type === 'text-match' && transformer.trigger !== undefined) triggers.add(transformer.trigger);
  }
  return triggers;
}

/** The character just before a collapsed caret in text, or null. */
function typedCharacter(): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node) || selection.anchor.offset === 0) return null;
  return node.getTextContent()[selection.anchor.offset - 1] ?? null;
}
