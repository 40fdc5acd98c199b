import { describeSnapshotReason, type SnapshotSummary } from '../../shared/model/history';
import { COMMON_OPTIONS, parseCommandLine, parseId } from './cliArguments';
import type { CliSession } from './cliSession';
import { formatTable } from './cliTable';
import type { SingleCommand } from './commandGroup';

const USAGE = `Usage:
  hallnotes history EVENT SESSION [--library DIR] [--json]`;

const HELP = `${USAGE}

Lists the snapshots kept of the note of session SESSION of event EVENT, newest first: when
each was taken, why, and how many words it holds. Snapshots are taken while a note is edited
(at most one every five minutes), before a snapshot is restored and before a programme import
changes the session. They are kept for the period set in the app (30 days by default).
Restore one in the app: the note's History button.

  --json         print an array of {"id", "takenAt", "reason", "words"}
  --library DIR  the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)`;

async function listHistory(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, COMMON_OPTIONS, ['EVENT', 'SESSION']);
  const eventId = parseId(positionals[0], 'EVENT');
  const sessionId = parseId(positionals[1], 'SESSION');
  const snapshots = await cli.open(values.library).history.list(eventId, sessionId);
  if (values.json) cli.printJson(snapshots);
  else if (snapshots.length === 0) cli.print('No snapshots of this note yet.');
  else {
    cli.print(
      formatTable<SnapshotSummary>(snapshots, [
        { header: 'TAKEN (UTC)', value: (snapshot) => snapshot.takenAt.slice(0, 19).replace('T', ' ') },
        { header: 'WORDS', value: (snapshot) => snapshot.words, align: 'right' },
        { header: 'WHY', value: (snapshot) => describeSnapshotReason(snapshot) },
        { header: 'ID', value: (snapshot) => snapshot.id },
      ]),
    );
  }
}

export const HISTORY_COMMAND: SingleCommand = { name: 'history', usage: USAGE, help: HELP, run: listHistory };
