import type { Klass, LexicalNode } from 'lexical';
import { ImageNode } from '../../shared/note/nodes/ImageNode';
import { NOTE_NODES } from '../../shared/note/noteNodes';
import { EditorImageNode } from './nodes/EditorImageNode';

/** The note's node classes as the renderer registers them: the shared list, with views for the nodes that have one. */
export const EDITOR_NOTE_NODES: ReadonlyArray<Klass<LexicalNode>> = NOTE_NODES.map((node) => (node === ImageNode ? EditorImageNode : node));
