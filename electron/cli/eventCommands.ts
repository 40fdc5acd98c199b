import type { EventSummary } from '../../shared/model/event';
import { COMMON_OPTIONS, parseCommandLine, parseId, requireOption } from './cliArguments';
import type { CliSession } from './cliSession';
import { formatTable } from './cliTable';
import type { CommandGroup } from './commandGroup';

const USAGE = `Usage:
  hallnotes event create --title T --start YYYY-MM-DD [--end YYYY-MM-DD] [--venue V]
                         [--timezone Area/City] [--author NAME] [--library DIR] [--json]
  hallnotes event list [--library DIR] [--json]
  hallnotes event recover EVENT [--library DIR] [--json]`;

const HELP = `${USAGE}

event create   Adds an event to the library and prints its id.
  --title T             the event's name (required)
  --start YYYY-MM-DD    the first day (required)
  --end YYYY-MM-DD      the last day (default: the start day; at most 31 days)
  --venue V             where it takes place
  --timezone Area/City  the IANA time zone of the agenda, e.g. Europe/Berlin
                        (default: this computer's)
  --author NAME         the byline for posts (default: the author set in the app)

event list     Lists the events in the library, newest first.

event recover  Gives an event folder whose event.json was moved to quarantine its event back:
               the newest quarantined copy that reads, else one rebuilt from what can still be
               read, with a session for every note no session claims. Prints what was done.

All:
  --library DIR  the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)
  --json         print JSON: {"id": …} for create, an array of events for list`;

async function createEvent(args: string[], cli: CliSession): Promise<void> {
  const { values } = parseCommandLine(
    args,
    {
      ...COMMON_OPTIONS,
      title: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      venue: { type: 'string' },
      timezone: { type: 'string' },
      author: { type: 'string' },
    },
    [],
  );
  const title = requireOption(values.title, '--title');
  const startDate = requireOption(values.start, '--start');
  const services = cli.open(values.library);
  const event = await services.events.create({
    title,
    startDate,
    endDate: values.end,
    venue: values.venue,
    timezone: values.timezone ?? machineTimeZone(),
    author: values.author ?? services.preferences.get().defaultAuthor,
  });
  if (values.json) cli.printJson({ id: event.id });
  else cli.print(event.id);
}

async function listEvents(args: string[], cli: CliSession): Promise<void> {
  const { values } = parseCommandLine(args, COMMON_OPTIONS, []);
  const { events, problems } = await cli.open(values.library).events.list();
  // A damaged event is reported but does not hide the others.
  for (const problem of problems) cli.warn(`skipped ${problem.location}: ${problem.message}`);
  if (values.json) cli.printJson(events);
  else if (events.length === 0) cli.print(`There are no events in ${cli.libraryPath}.`);
  else cli.print(formatEventTable(events));
}

async function recoverEvent(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, COMMON_OPTIONS, ['EVENT']);
  const eventId = parseId(positionals[0], 'EVENT');
  const services = cli.open(values.library);
  const recovered = await services.events.recover(eventId, () => services.notes.sessionsWithFiles(eventId));
  if (values.json) cli.printJson({ id: recovered.event.id, how: recovered.how, sessions: recovered.event.sessions.length });
  else cli.print(recovered.message);
}

function formatEventTable(events: EventSummary[]): string {
  return formatTable(events, [
    { header: 'ID', value: (event) => event.id },
    { header: 'START', value: (event) => event.startDate },
    { header: 'END', value: (event) => event.endDate },
    { header: 'TIME ZONE', value: (event) => event.timezone },
    { header: 'SESSIONS', value: (event) => event.sessionCount, align: 'right' },
    { header: 'TITLE', value: (event) => event.title, maxWidth: 40 },
    { header: 'VENUE', value: (event) => event.venue, maxWidth: 30 },
  ]);
}

function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export const EVENT_COMMANDS: CommandGroup = {
  name: 'event',
  usage: USAGE,
  help: HELP,
  commands: { create: createEvent, list: listEvents, recover: recoverEvent },
};
