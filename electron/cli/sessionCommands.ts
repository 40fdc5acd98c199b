import { sessionDate, sessionEndDate } from '../../shared/model/sessionTime';
import { eventDayCount, SESSION_KINDS, SESSION_STATUSES, type EventFile, type Session } from '../../shared/model/event';
import { ServiceError } from '../services/storage/serviceError';
import { COMMON_OPTIONS, parseCommandLine, parseId, parseWholeNumber, requireOption } from './cliArguments';
import type { CliSession } from './cliSession';
import { formatTable } from './cliTable';
import type { CommandGroup } from './commandGroup';
import { parseSpeakerArgument } from './speakerArgument';

const USAGE = `Usage:
  hallnotes session add EVENT --day N --start HH:MM [--end HH:MM] --title T [--kind K]
                        [--room R] [--status S] [--speaker "Name; Role; Organisation"]...
                        [--library DIR] [--json]
  hallnotes session list EVENT [--day N] [--library DIR] [--json]`;

const HELP = `${USAGE}

session add    Adds a session to the agenda of event EVENT and prints the session's id.
  --day N         the day of the event, 1 for the first (required)
  --start HH:MM   the start time, 24-hour, in the event's time zone (required)
  --end HH:MM     the end time
  --title T       the session's title (required)
  --kind K        ${SESSION_KINDS.join(', ')} (default: plenary)
  --room R        the room or track
  --status S      ${SESSION_STATUSES.join(', ')} (default: planned)
  --speaker "Name; Role; Organisation"
                  a speaker; repeat for each one. Role and organisation may be left out.

session list   Lists the agenda of event EVENT in programme order.
  --day N         only that day

Both:
  --library DIR  the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)
  --json         print JSON: {"id": …} for add, an array of sessions for list`;

async function addSession(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(
    args,
    {
      ...COMMON_OPTIONS,
      day: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      title: { type: 'string' },
      kind: { type: 'string' },
      room: { type: 'string' },
      status: { type: 'string' },
      speaker: { type: 'string', multiple: true },
    },
    ['EVENT'],
  );
  const eventId = parseId(positionals[0], 'EVENT');
  const day = parseWholeNumber(requireOption(values.day, '--day'), '--day');
  const start = requireOption(values.start, '--start');
  const title = requireOption(values.title, '--title');
  const speakers = (values.speaker ?? []).map(parseSpeakerArgument);
  const { session } = await cli.open(values.library).events.addSession(eventId, {
    day,
    start,
    end: values.end ?? null,
    title,
    // The services validate kind and status and name the allowed values.
    kind: values.kind as Session['kind'] | undefined,
    room: values.room,
    status: values.status as Session['status'] | undefined,
    speakers,
  });
  if (values.json) cli.printJson({ id: session.id });
  else cli.print(session.id);
}

async function listSessions(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, day: { type: 'string' } }, ['EVENT']);
  const eventId = parseId(positionals[0], 'EVENT');
  const day = values.day === undefined ? undefined : parseWholeNumber(values.day, '--day');
  const event = await cli.open(values.library).events.get(eventId);
  const days = eventDayCount(event);
  if (day !== undefined && (day < 1 || day > days)) {
    throw new ServiceError('invalid-argument', `Event "${event.title}" has ${days} day(s); there is no day ${day}.`);
  }
  const sessions = event.sessions.filter((session) => day === undefined || session.day === day).map((session) => describeSession(event, session));
  if (values.json) cli.printJson(sessions);
  else if (sessions.length === 0) cli.print(`Event "${event.title}" has no sessions${day === undefined ? '' : ` on day ${day}`} yet.`);
  else cli.print(formatSessionTable(sessions));
}

type SessionListing = Session & { date: string; endDate: string | null };

/** The JSON shape of a listed session: the stored session plus the calendar dates it starts and ends on. */
function describeSession(event: EventFile, session: Session): SessionListing {
  const { id, day, start, end, title, kind, room, status, speakers } = session;
  return { id, day, date: sessionDate(event, session), start, end, endDate: sessionEndDate(event, session), title, kind, room, status, speakers };
}

function formatSessionTable(sessions: SessionListing[]): string {
  return formatTable(sessions, [
    { header: 'ID', value: (session) => session.id },
    { header: 'DAY', value: (session) => session.day, align: 'right' },
    { header: 'DATE', value: (session) => session.date },
    { header: 'TIME', value: (session) => (session.end ? `${session.start}-${session.end}` : session.start) },
    { header: 'KIND', value: (session) => session.kind },
    { header: 'STATUS', value: (session) => session.status },
    { header: 'ROOM', value: (session) => session.room, maxWidth: 20 },
    { header: 'TITLE', value: (session) => session.title, maxWidth: 40 },
    { header: 'SPEAKERS', value: (session) => session.speakers.map((speaker) => speaker.name).join(', '), maxWidth: 40 },
  ]);
}

export const SESSION_COMMANDS: CommandGroup = {
  name: 'session',
  usage: USAGE,
  help: HELP,
  commands: { add: addSession, list: listSessions },
};
