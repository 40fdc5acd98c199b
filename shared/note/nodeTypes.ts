/**
 * Every Lexical node type a stored note may contain. The editor registers exactly the
 * node classes that produce these types (renderer/editor/noteNodes.ts), and the Node side's
 * headless editor (electron/services/notes/headlessNoteEditor.ts) does the same, so a type
 * missing here is a note we cannot open.
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
] as const;
export type NoteNodeType = (typeof NOTE_NODE_TYPES)[number];
