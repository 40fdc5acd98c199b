import type { TrashEntry } from '../../shared/model/trash';
import { trashEntryIdSchema } from '../../shared/model/trash';
import { COMMON_OPTIONS, parseCommandLine, UsageError } from './cliArguments';
import type { CliSession } from './cliSession';
import { formatTable } from './cliTable';
import type { CommandGroup } from './commandGroup';

const USAGE = `Usage:
  hallnotes trash list [--library DIR] [--json]
  hallnotes trash restore ID [--library DIR] [--json]
  hallnotes trash empty [--library DIR] [--json]`;

const HELP = `${USAGE}

Deleted events and sessions are moved to the trash (the library's trash/ folder), not erased.

trash list      Lists what is in the trash, newest deletion first, with the ID to restore it.
trash restore   Puts an event (its whole folder) or a session (into its event's agenda, with
                its note) back. Nothing is overwritten: an event whose id is taken again, or a
                session whose event is gone or no longer has its day, is refused with the reason.
trash empty     Erases everything in the trash for good, with the history of deleted sessions.

  --json         machine-readable output
  --library DIR  the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)`;

async function listTrash(args: string[], cli: CliSession): Promise<void> {
  const { values } = parseCommandLine(args, COMMON_OPTIONS, []);
  const entries = await cli.open(values.library).trash.list();
  if (values.json) cli.printJson(entries);
  else if (entries.length === 0) cli.print('The trash is empty.');
  else {
    cli.print(
      formatTable<TrashEntry>(entries, [
        { header: 'DELETED (UTC)', value: (entry) => entry.deletedAt?.slice(0, 19).replace('T', ' ') ?? '?' },
        { header: 'KIND', value: (entry) => entry.kind },
        { header: 'TITLE', value: (entry) => entry.title, maxWidth: 40 },
        { header: 'DETAIL', value: describeEntry, maxWidth: 40 },
        { header: 'ID', value: (entry) => entry.id },
      ]),
    );
  }
}

function describeEntry(entry: TrashEntry): string {
  if (entry.kind === 'event') return entry.sessions === null ? 'unreadable event.json' : `${entry.sessions} session(s)`;
  return `${entry.words ?? 0} words, from ${entry.eventTitle ? `"${entry.eventTitle}"` : `${entry.eventId} (not in the library)`}`;
}

async function restoreFromTrash(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, COMMON_OPTIONS, ['ID']);
  const entryId = positionals[0];
  if (!trashEntryIdSchema.safeParse(entryId).success) throw new UsageError(`ID must be an id printed by "hallnotes trash list" (events/… or sessions/…), not "${entryId}"`);
  const restored = await cli.open(values.library).trash.restore(entryId);
  if (values.json) cli.printJson(restored);
  else if (restored.kind === 'event') cli.print(`Put event "${restored.title}" (${restored.eventId}) back.`);
  else cli.print(`Put session "${restored.title}" (${restored.sessionId}) back into event ${restored.eventId}.`);
}

async function emptyTrash(args: string[], cli: CliSession): Promise<void> {
  const { values } = parseCommandLine(args, COMMON_OPTIONS, []);
  const { removed } = await cli.open(values.library).trash.empty();
  if (values.json) cli.printJson({ removed });
  else cli.print(removed === 0 ? 'The trash was already empty.' : `Erased ${removed} item(s) from the trash.`);
}

export const TRASH_COMMANDS: CommandGroup = {
  name: 'trash',
  usage: USAGE,
  help: HELP,
  commands: { list: listTrash, restore: restoreFromTrash, empty: emptyTrash },
};
