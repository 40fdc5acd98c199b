import { ServiceError } from '../services/storage/serviceError';
import { isHelpRequest, UsageError } from './cliArguments';
import { CliSession, type CliIo } from './cliSession';
import type { CommandGroup, SingleCommand } from './commandGroup';
import { BUNDLE_COMMANDS } from './bundleCommands';
import { EVENT_COMMANDS } from './eventCommands';
import { EXPORT_COMMAND } from './exportCommand';
import { HISTORY_COMMAND } from './historyCommand';
import { IMPORT_COMMAND } from './importCommand';
import { DESTINATION_COMMANDS } from './destinationCommands';
import { NOTE_COMMANDS } from './noteCommands';
import { OUTBOX_COMMANDS } from './outboxCommands';
import { NOW_COMMAND } from './nowCommand';
import { POST_COMMANDS } from './postCommands';
import { PUBLISH_COMMAND } from './publishCommand';
import { SEARCH_COMMAND } from './searchCommand';
import { SESSION_COMMANDS } from './sessionCommands';
import { SYNC_COMMAND } from './syncCommand';
import { TRASH_COMMANDS } from './trashCommands';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const GROUPS: readonly CommandGroup[] = [EVENT_COMMANDS, SESSION_COMMANDS, NOTE_COMMANDS, POST_COMMANDS, TRASH_COMMANDS, BUNDLE_COMMANDS, DESTINATION_COMMANDS, OUTBOX_COMMANDS];
const SINGLE_COMMANDS: readonly SingleCommand[] = [IMPORT_COMMAND, EXPORT_COMMAND, SEARCH_COMMAND, HISTORY_COMMAND, NOW_COMMAND, SYNC_COMMAND, PUBLISH_COMMAND];

const USAGE = `Usage: hallnotes event|session|note|post|trash|bundle COMMAND [options]
       hallnotes import FILE [options]
       hallnotes search QUERY [options]
       hallnotes export EVENT --format F [options]
       hallnotes history EVENT SESSION [options]
       hallnotes publish EVENT --to DESTINATION [options]
       hallnotes destination|outbox COMMAND [options]
       hallnotes sync EVENT [options]
       hallnotes now EVENT [options]
Run "hallnotes --help" for the list of commands.`;

const HELP = `hallnotes: manage a Hallnotes library (events, their agendas, session notes) from scripts.

Usage:
  hallnotes event create --title T --start YYYY-MM-DD [--end YYYY-MM-DD] [--venue V]
                         [--timezone Area/City] [--author NAME]
  hallnotes event list
  hallnotes session add EVENT --day N --start HH:MM [--end HH:MM] --title T [--kind K]
                        [--room R] [--status S] [--speaker "Name; Role; Organisation"]...
  hallnotes session list EVENT [--day N] [--room R] [--picked] [--at YYYY-MM-DDTHH:MM]
  hallnotes session pick EVENT SESSION [--off]
  hallnotes now EVENT [--at YYYY-MM-DDTHH:MM]
  hallnotes note set EVENT SESSION --from FILE.md
  hallnotes note get EVENT SESSION [--format md|json]
  hallnotes import FILE [--event EVENT] [--timezone Area/City] [--dry-run]
  hallnotes search QUERY [--limit N]
  hallnotes post set EVENT [--day N | --whole-event] [--title T] [--intro FILE.md]
                     [--closing FILE.md] [--byline TEXT] [--style headings|flowing]
                     [--sessions ID,ID,…] [--tags a,b]
  hallnotes post show EVENT [--day N | --whole-event]
  hallnotes export EVENT [--day N | --whole-event] --format html|markdown|wordpress|text
                   [--out FILE] [--fragment] [--front-matter]
  hallnotes history EVENT SESSION
  hallnotes trash list
  hallnotes trash restore ID
  hallnotes trash empty
  hallnotes destination add --kind wordpress|ghost --name NAME --url URL [--user NAME]
                            [--password-file FILE]
  hallnotes destination list | test NAME | remove NAME
  hallnotes publish EVENT [--day N | --whole-event] --to DESTINATION [--publish-anyway]
                    [--password-file FILE]
  hallnotes outbox list | run | retry JOB | overwrite JOB | create-new JOB | discard JOB
  hallnotes bundle export EVENT --out FILE [--include-private]
  hallnotes bundle import FILE [--event EVENT] [--dry-run]
  hallnotes sync EVENT [--remote URL] [--username NAME] [--token-file FILE]

Every command also takes:
  --library DIR  the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)
  --json         machine-readable JSON output
  -h, --help     help for the command group, e.g. "hallnotes session --help"

Environment:
  HALLNOTES_LIBRARY     the library folder when --library is not given
  HALLNOTES_CONFIG_DIR  the settings folder (default: the app's, e.g. ~/.config/Hallnotes);
                        its default author is used by "event create" without --author
  HALLNOTES_PUBLISH_SECRET  a destination's password or key for one command, not stored
  HALLNOTES_SYNC_TOKEN  the access token "sync" sends to the Git remote

Exit status: 0 on success, 1 on an error (a message on stderr), 2 on a mistake in the command line,
3 when "publish" left the post waiting in the outbox (the site did not answer).`;

/** Runs one command line and returns the exit code; never throws and never prints a stack trace. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cli = new CliSession(io);
  const [groupName, commandName, ...args] = argv;
  if (groupName === undefined) return usageError(cli, 'no command given', USAGE);
  if (groupName === '--help' || groupName === '-h' || groupName === 'help') {
    cli.print(HELP);
    return EXIT_OK;
  }
  const single = SINGLE_COMMANDS.find((candidate) => candidate.name === groupName);
  if (single) return runSingle(single, argv.slice(1), cli);
  const group = GROUPS.find((candidate) => candidate.name === groupName);
  if (!group) return usageError(cli, `unknown command "${groupName}"`, USAGE);
  if (isHelpRequest(argv.slice(1))) {
    cli.print(group.help);
    return EXIT_OK;
  }
  if (commandName === undefined) return usageError(cli, `"hallnotes ${group.name}" needs a command`, group.usage);
  const command = Object.hasOwn(group.commands, commandName) ? group.commands[commandName] : undefined;
  if (!command) return usageError(cli, `unknown command "${group.name} ${commandName}"`, group.usage);
  return runCommand(() => command(args, cli), cli, group.usage);
}

async function runSingle(single: SingleCommand, args: string[], cli: CliSession): Promise<number> {
  if (isHelpRequest(args)) {
    cli.print(single.help);
    return EXIT_OK;
  }
  return runCommand(() => single.run(args, cli), cli, single.usage);
}

async function runCommand(run: () => Promise<void>, cli: CliSession, usage: string): Promise<number> {
  try {
    await run();
    return cli.exitCode ?? EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) return usageError(cli, error.message, usage);
    cli.warn(describeFailure(error, cli.libraryPath));
    return EXIT_FAILURE;
  }
}

function usageError(cli: CliSession, message: string, usage: string): number {
  cli.warn(message);
  cli.io.stderr.write(`\n${usage}\n`);
  return EXIT_USAGE;
}

/** One line naming what went wrong. ServiceError messages are written for users; anything else is unexpected. */
function describeFailure(error: unknown, libraryPath: string | null): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
  if (!(error instanceof ServiceError)) return `unexpected error: ${message}`;
  // "No such event" is most often the wrong library, so say which one was searched.
  if (error.code === 'not-found' && libraryPath) return `${message} (library: ${libraryPath})`;
  return message;
}
