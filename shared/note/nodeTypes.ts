/**
 * Every Lexical node type a stored note may contain: the types of the node classes in
 * NOTE_NODES (shared/note/noteNodes.ts), which both the editor and the Node side's headless
 * editor register. A type missing here is a note we refuse to store or open.
 */
export const NOTE_NODE_TYPES = [
  'root',
  'paragraph',
  'text',
  'linebreak',
  'tab',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'autolink',
  'attributed-quote',
  'timestamp',
  'image',
  'private-note',
] as const;
export type NoteNodeType = (typeof NOTE_NODE_TYPES)[number];
