import { z } from 'zod';
import { idSchema } from '../model/event';
import { NOTE_NODE_TYPES } from './nodeTypes';

export const NOTE_FILE_FORMAT = 1;
/** Deeper than any real note (lists nest a few levels); stops a hostile file from exhausting the stack. */
const MAX_NODE_DEPTH = 40;

export type SerializedNoteNode = {
  type: string;
  version: number;
  children?: SerializedNoteNode[];
  [key: string]: unknown;
};
export type SerializedNoteState = { root: SerializedNoteNode & { type: 'root'; children: SerializedNoteNode[] } };

const knownNodeTypes = new Set<string>(NOTE_NODE_TYPES);

/** Structural check of a Lexical serialized editor state: known node types, sane nesting. */
function describeNodeProblem(node: unknown, depth: number, path: string): string | null {
  if (depth > MAX_NODE_DEPTH) return `${path}: nested more than ${MAX_NODE_DEPTH} levels deep`;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return `${path}: is not an object`;
  const record = node as Record<string, unknown>;
  if (typeof record.type !== 'string') return `${path}: has no node type`;
  if (!knownNodeTypes.has(record.type)) return `${path}: unknown node type "${record.type.slice(0, 40)}"`;
  if (typeof record.version !== 'number') return `${path}: has no version`;
  if (record.type === 'text' && (typeof record.text !== 'string' || typeof record.format !== 'number')) {
    return `${path}: text node without text or format`;
  }
  if ((record.type === 'link' || record.type === 'autolink') && typeof record.url !== 'string') {
    return `${path}: link without a URL`;
  }
  if (record.children === undefined) return null;
  if (!Array.isArray(record.children)) return `${path}: children is not a list`;
  for (let index = 0; index < record.children.length; index++) {
    const problem = describeNodeProblem(record.children[index], depth + 1, `${path}.children[${index}]`);
    if (problem) return problem;
  }
  return null;
}

export const serializedNoteStateSchema = z.custom<SerializedNoteState>().superRefine((value, context) => {
  const root = (value as { root?: unknown } | null)?.root;
  const problem =
    typeof value !== 'object' || value === null
      ? 'editor state is not an object'
      : (root as { type?: unknown } | undefined)?.type !== 'root' || !Array.isArray((root as { children?: unknown }).children)
        ? 'editor state has no root node'
        : describeNodeProblem(root, 0, 'root');
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

export const noteFileSchema = z.strictObject({
  format: z.literal(NOTE_FILE_FORMAT),
  sessionId: idSchema,
  savedAt: z.iso.datetime(),
  editorState: serializedNoteStateSchema,
});
export type NoteFile = z.infer<typeof noteFileSchema>;

export function emptyNoteState(): SerializedNoteState {
  return {
    root: {
      type: 'root',
      version: 1,
      children: [{ type: 'paragraph', version: 1, children: [], direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' }],
      direction: null,
      format: '',
      indent: 0,
    },
  };
}
