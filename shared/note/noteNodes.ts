import type { Klass, LexicalNode } from 'lexical';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { AttributedQuoteNode } from './nodes/AttributedQuoteNode';
import { ImageNode } from './nodes/ImageNode';
import { PrivateNoteNode } from './nodes/PrivateNoteNode';
import { TimestampNode } from './nodes/TimestampNode';

/**
 * The one list of Lexical node classes a note may contain, registered by the editor in the
 * renderer and by the headless editor on the Node side. Keep in step with NOTE_NODE_TYPES.
 */
export const NOTE_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  AttributedQuoteNode,
  TimestampNode,
  ImageNode,
  PrivateNoteNode,
];
