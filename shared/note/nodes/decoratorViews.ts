import type { LexicalEditor, LexicalNode } from 'lexical';

/**
 * Decorator nodes live in shared/ because the Node side's headless editor (CLI, Markdown
 * conversion) registers every note node, and it has no React. Their views are React
 * components that exist only in the renderer, which registers one per node type at start-up
 * (renderer/editor/nodes/noteNodeViews.tsx). Without a view, decorate() gives null, which is
 * all a headless editor needs.
 */
export type DecoratorView = (node: LexicalNode, editor: LexicalEditor) => unknown;

const views = new Map<string, DecoratorView>();

export function setDecoratorView(type: string, view: DecoratorView): void {
  views.set(type, view);
}

export function decoratorViewOf(node: LexicalNode, editor: LexicalEditor): unknown {
  return views.get(node.getType())?.(node, editor) ?? null;
}
