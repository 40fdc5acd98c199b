import { PRIVATE_NOTE_NODE_TYPE } from '../../shared/export/customNodeTypes';
import { renderMarkdownBlocks } from '../../shared/export/markdown';
import { AS_STORED, noteToBlocks } from '../../shared/export/noteToBlocks';
import { emptyNoteState, type SerializedNoteNode, type SerializedNoteState } from '../../shared/note/noteFile';
import { markdownToNoteState } from '../services/notes/markdownNotes';
import { COMMON_OPTIONS, parseCommandLine, parseId, requireOption, UsageError } from './cliArguments';
import type { CliSession } from './cliSession';
import type { CommandGroup } from './commandGroup';
import { readMarkdownSource } from './readMarkdownSource';

const USAGE = `Usage:
  hallnotes note set EVENT SESSION --from FILE.md [--library DIR] [--json]
  hallnotes note get EVENT SESSION [--format md|json] [--library DIR] [--json]`;

const HELP = `${USAGE}

note set   Replaces the note of session SESSION of event EVENT with a Markdown file.
  --from FILE.md   the Markdown to read; - reads the standard input (required)
                   Understood: # headings, **bold**, *italic*, ~~strikethrough~~,
                   - and 1. lists (indent 4 spaces to nest), > quotes, [links](https://…).
                   Links other than http, https and mailto are kept as plain text.
  --json           print {"savedAt": …, "bytesWritten": …}

note get   Prints the note of session SESSION of event EVENT.
  --format md      as CommonMark, written as the Markdown export writes it (the
                   default); nothing for a session without a note. Private notes
                   are left out (stderr says how many)
  --format json    as the editor's JSON state (the same as --json)

Both:
  --library DIR  the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)`;

type NoteFormat = 'md' | 'json';

async function setNote(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, from: { type: 'string' } }, ['EVENT', 'SESSION']);
  const eventId = parseId(positionals[0], 'EVENT');
  const sessionId = parseId(positionals[1], 'SESSION');
  const source = requireOption(values.from, '--from');
  const services = cli.open(values.library);
  const state = markdownToNoteState(await readMarkdownSource(source, cli.io));
  const saved = await services.notes.save(eventId, sessionId, state);
  if (values.json) cli.printJson(saved);
  else cli.print(`Saved the note of session ${sessionId} (${saved.bytesWritten} bytes).`);
}

async function getNote(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, format: { type: 'string' } }, ['EVENT', 'SESSION']);
  const eventId = parseId(positionals[0], 'EVENT');
  const sessionId = parseId(positionals[1], 'SESSION');
  const format = chooseFormat(values.format, values.json === true);
  const { note } = await cli.open(values.library).notes.load(eventId, sessionId);
  if (format === 'json') {
    cli.printJson(note?.editorState ?? emptyNoteState());
    return;
  }
  if (!note) return;
  // The export's serializer: note text is escaped, so raw HTML or a `[x]: javascript:` line in a
  // note stays text wherever the Markdown is rendered.
  cli.print(renderMarkdownBlocks(noteToBlocks(note.editorState, AS_STORED)));
  const privateNotes = countPrivateNotes(note.editorState);
  if (privateNotes > 0) {
    const count = privateNotes === 1 ? '1 private note' : `${privateNotes} private notes`;
    cli.warn(`This note has ${count}, which Markdown leaves out; --format json shows the whole note.`);
  }
}

/** Walks without recursion, so a deeply nested note cannot overflow the stack. */
function countPrivateNotes(state: SerializedNoteState): number {
  let count = 0;
  const stack: SerializedNoteNode[] = [state.root];
  while (stack.length > 0) {
    const node = stack.pop() as SerializedNoteNode;
    if (node.type === PRIVATE_NOTE_NODE_TYPE) count++;
    else if (Array.isArray(node.children)) stack.push(...node.children);
  }
  return count;
}

function chooseFormat(format: string | undefined, json: boolean): NoteFormat {
  if (format === undefined) return json ? 'json' : 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, not "${format}"`);
  if (json && format === 'md') throw new UsageError('--json asks for JSON but --format asks for md; give one of them');
  return format;
}

export const NOTE_COMMANDS: CommandGroup = {
  name: 'note',
  usage: USAGE,
  help: HELP,
  commands: { set: setNote, get: getNote },
};
