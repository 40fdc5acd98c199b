import { PRIVATE_NOTE_NODE_TYPE } from '../../../shared/export/customNodeTypes';
import type { SerializedNoteNode, SerializedNoteState } from '../../../shared/note/noteFile';
import { canonicalJson } from './canonicalJson';

/**
 * Private notes ("for me only" blocks) never leave the machine unless the reporter exports
 * their own backup. What a team shares is the note without them; when a teammate's version of
 * a note replaces the local one, the local private blocks are put back where they were.
 */
export function withoutPrivateBlocks(state: SerializedNoteState): SerializedNoteState {
  return { root: { ...state.root, children: stripChildren(state.root.children) } };
}

export function hasPrivateBlocks(state: SerializedNoteState): boolean {
  return containsPrivate(state.root);
}

function stripChildren(children: SerializedNoteNode[]): SerializedNoteNode[] {
  return children
    .filter((child) => child.type !== PRIVATE_NOTE_NODE_TYPE)
    .map((child) => (child.children ? { ...child, children: stripChildren(child.children) } : child));
}

function containsPrivate(node: SerializedNoteNode): boolean {
  return node.type === PRIVATE_NOTE_NODE_TYPE || (node.children ?? []).some(containsPrivate);
}

/** A private block and the shared block it followed (null: it opened the note). */
type PlacedPrivateBlock = { block: SerializedNoteNode; after: string | null };

function placedPrivateBlocks(state: SerializedNoteState): PlacedPrivateBlock[] {
  const placed: PlacedPrivateBlock[] = [];
  let previousShared: string | null = null;
  const visit = (children: SerializedNoteNode[], topLevel: boolean) => {
    for (const child of children) {
      if (child.type === PRIVATE_NOTE_NODE_TYPE) placed.push({ block: child, after: topLevel ? previousShared : null });
      else {
        if (child.children) visit(child.children, false);
        if (topLevel) previousShared = canonicalJson(stripNode(child));
      }
    }
  };
  visit(state.root.children, true);
  return placed;
}

function stripNode(node: SerializedNoteNode): SerializedNoteNode {
  return node.children ? { ...node, children: stripChildren(node.children) } : node;
}

/**
 * The shared content with the private blocks of `sources` put back: each after the block it
 * followed, if that block is still there, else at the end. Nothing private is ever dropped;
 * a block already present is not repeated.
 */
export function restorePrivateBlocks(shared: SerializedNoteState, ...sources: (SerializedNoteState | null | undefined)[]): SerializedNoteState {
  const children = [...shared.root.children];
  const present = new Set(children.filter((child) => child.type === PRIVATE_NOTE_NODE_TYPE).map((child) => canonicalJson(child)));
  for (const source of sources) {
    if (!source) continue;
    let cursor = 0;
    for (const { block, after } of placedPrivateBlocks(source)) {
      const key = canonicalJson(block);
      if (present.has(key)) continue;
      present.add(key);
      const anchor = after === null ? -1 : findAnchor(children, after, cursor);
      const index = after === null ? Math.min(cursor, children.length) : anchor === -1 ? children.length : anchor + 1;
      children.splice(index, 0, block);
      cursor = index + 1;
    }
  }
  return { root: { ...shared.root, children } };
}

function findAnchor(children: SerializedNoteNode[], anchor: string, from: number): number {
  for (let index = from; index < children.length; index++) if (children[index].type !== PRIVATE_NOTE_NODE_TYPE && canonicalJson(children[index]) === anchor) return index;
  for (let index = 0; index < from; index++) if (children[index].type !== PRIVATE_NOTE_NODE_TYPE && canonicalJson(children[index]) === anchor) return index;
  return -1;
}
