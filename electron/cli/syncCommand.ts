import { resolve } from 'node:path';
import type { SyncStatus } from '../../shared/model/team';
import { describeExchangeReport } from '../../shared/model/teamReport';
import { ServiceError } from '../services/storage/serviceError';
import { readFileAtMost } from '../services/validation/readAtMost';
import { COMMON_OPTIONS, parseCommandLine, parseId } from './cliArguments';
import type { CliSession } from './cliSession';
import type { SingleCommand } from './commandGroup';

const USAGE = `Usage:
  hallnotes sync EVENT [--remote URL] [--username NAME] [--token-file FILE] [--library DIR] [--json]`;

const HELP = `${USAGE}

Syncs event EVENT through a shared Git repository (GitHub, GitLab, Gitea, any HTTPS Git
server): commits the event here, fetches the team's changes, merges them per session (as
bundles do: a note both changed keeps both versions, agenda fields merge per field, nothing is
ever overwritten without a snapshot) and pushes. Offline, it commits here and says so; run it
again later.

  --remote URL       the repository (https://…; http:// only for this computer); needed the
                     first time, remembered after
  --username NAME    the user name sent with the token (default "hallnotes"; GitLab: "oauth2")
  --token-file FILE  a file holding the access token; or set HALLNOTES_SYNC_TOKEN. The token is
                     stored in a file only you can read in the settings folder, never in the
                     library or the repository.
  --json             print the sync status as JSON
  --library DIR      the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)

What is pushed: the event, its agenda, notes (without private notes), posts and photos. Not
pushed: private notes, snapshots (History), the trash, settings, tokens.
Exit status 1 when the remote could not be reached or refused the sync; nothing is lost.`;

async function runSync(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(
    args,
    { ...COMMON_OPTIONS, remote: { type: 'string' }, username: { type: 'string' }, 'token-file': { type: 'string' } },
    ['EVENT'],
  );
  const eventId = parseId(positionals[0], 'EVENT');
  let token = cli.io.env.HALLNOTES_SYNC_TOKEN?.trim() || undefined;
  if (values['token-file'] !== undefined) {
    const path = resolve(cli.io.cwd, values['token-file']);
    token = (await readFileAtMost(path, 64 * 1024)).toString('utf8').trim();
    if (!token) throw new ServiceError('invalid-argument', `The token file ${path} is empty.`);
  }
  const status = await cli.open(values.library).sync.sync(eventId, { remoteUrl: values.remote, username: values.username, token });
  if (values.json) cli.printJson(status);
  else cli.print(describeStatus(status));
  if (status.state !== 'synced') throw new ServiceError('io-error', status.message ?? 'The sync did not finish.');
}

function describeStatus(status: SyncStatus): string {
  if (status.state !== 'synced') return `Not synced with ${status.remoteUrl}; ${status.pendingCommits} local commit(s) wait to be pushed.`;
  const lines = [`Synced with ${status.remoteUrl}.`, ...describeExchangeReport(status.cameIn!).map((line) => `  ${line}`)];
  return lines.join('\n');
}

export const SYNC_COMMAND: SingleCommand = { name: 'sync', usage: USAGE, help: HELP, run: runSync };
