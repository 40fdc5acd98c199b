import { z } from 'zod';
import { idSchema } from '../model/event';
import { NOTE_NODE_TYPES } from './nodeTypes';
import { MAX_NODE_DEPTH } from './noteLimits';

export const NOTE_FILE_FORMAT = 1;

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
  const fieldProblem = describeCustomFieldProblem(record);
  if (fieldProblem) return `${path}: ${fieldProblem}`;
  if (record.children === undefined) return null;
  if (!Array.isArray(record.children)) return `${path}: children is not a list`;
  for (let index = 0; index < record.children.length; index++) {
    const problem = describeNodeProblem(record.children[index], depth + 1, `${path}.children[${index}]`);
    if (problem) return problem;
  }
  return null;
}

const MAX_FIELD_LENGTH = 1000;

function isOptionalText(value: unknown, allowNull = false): boolean {
  return value === undefined || (allowNull && value === null) || (typeof value === 'string' && value.length <= MAX_FIELD_LENGTH);
}

/** The fields of Hallnotes' own nodes (shared/note/nodes/): right types, sane lengths. Their meaning is checked by sanitizeNoteState. */
function describeCustomFieldProblem(record: Record<string, unknown>): string | null {
  switch (record.type) {
    case 'attributed-quote': {
      const speaker = record.speaker as Record<string, unknown> | undefined;
      if (speaker !== undefined && (typeof speaker !== 'object' || speaker === null || !isOptionalText(speaker.name) || !isOptionalText(speaker.role))) {
        return 'quote with a speaker that is not a name and role';
      }
      return isOptionalText(record.time, true) ? null : 'quote with a time that is not text';
    }
    case 'timestamp':
      return typeof record.time === 'string' && record.time.length <= 20 ? null : 'timestamp without a time';
    case 'image':
      return isOptionalText(record.src) && isOptionalText(record.alt) && isOptionalText(record.caption) ? null : 'photo whose address, description or caption is not text';
    default:
      return null;
  }
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
