import { eventDayCount, SESSION_KINDS, SESSION_STATUSES, type EventFile, type Session } from '../../shared/model/event';
import { runningSessionIds } from '../../shared/model/onNow';
import { ServiceError } from '../services/storage/serviceError';
import { COMMON_OPTIONS, parseCommandLine, parseId, parseWholeNumber, requireOption } from './cliArguments';
import type { CliSession } from './cliSession';
import type { CommandGroup } from './commandGroup';
import { describeBriefly, describeSession, formatSessionTable, momentOf, parseAtOption } from './sessionListing';
import { parseSpeakerArgument } from './speakerArgument';

const USAGE = `Usage:
  hallnotes session add EVENT --day N --start HH:MM [--end HH:MM] --title T [--kind K]
                        [--room R] [--status S] [--speaker "Name; Role; Organisation"]...
                        [--library DIR] [--json]
  hallnotes session list EVENT [--day N] [--room R] [--picked] [--at YYYY-MM-DDTHH:MM]
                         [--library DIR] [--json]
  hallnotes session pick EVENT SESSION [--off] [--library DIR] [--json]`;

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
  --room R        only that room or track (any case)
  --picked        only the sessions on my list
  --at YYYY-MM-DDTHH:MM
                  only the sessions running at that date and time on the event's clock

session pick   Puts session SESSION on my list of sessions to cover (the app's "On my list").
  --off           takes it off the list instead

All:
  --library DIR  the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)
  --json         print JSON: {"id": …} for add, an array of sessions for list,
                 {"id": …, "picked": true|false} for pick`;

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
  const { values, positionals } = parseCommandLine(
    args,
    { ...COMMON_OPTIONS, day: { type: 'string' }, room: { type: 'string' }, picked: { type: 'boolean' }, at: { type: 'string' } },
    ['EVENT'],
  );
  const eventId = parseId(positionals[0], 'EVENT');
  const day = values.day === undefined ? undefined : parseWholeNumber(values.day, '--day');
  const at = values.at === undefined ? undefined : parseAtOption(values.at);
  const event = await cli.open(values.library).events.get(eventId);
  const days = eventDayCount(event);
  if (day !== undefined && (day < 1 || day > days)) {
    throw new ServiceError('invalid-argument', `Event "${event.title}" has ${days} day(s); there is no day ${day}.`);
  }
  const room = values.room === undefined ? undefined : knownRoom(event, values.room);
  const running = at ? runningSessionIds(event, momentOf(event, at)) : null;
  const sessions = event.sessions
    .filter((session) => day === undefined || session.day === day)
    .filter((session) => room === undefined || session.room.toLowerCase() === room)
    .filter((session) => !values.picked || session.picked)
    .filter((session) => !running || running.has(session.id))
    .map((session) => describeSession(event, session));
  if (values.json) cli.printJson(sessions);
  else if (sessions.length > 0) cli.print(formatSessionTable(sessions));
  else if (room === undefined && !values.picked && !at) cli.print(`Event "${event.title}" has no sessions${day === undefined ? '' : ` on day ${day}`} yet.`);
  else {
    const filters = [day !== undefined && `day ${day}`, values.room !== undefined && `room "${values.room}"`, values.picked && 'on my list', at && `running at ${at.date} ${at.time}`];
    cli.print(`No session of "${event.title}" matches: ${filters.filter(Boolean).join(', ')}.`);
  }
}

/** The room as written in any case, lower-cased; a room no session has is most likely a typo, so say which rooms there are. */
function knownRoom(event: EventFile, room: string): string {
  const wanted = room.toLowerCase();
  const rooms = [...new Set(event.sessions.map((session) => session.room).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (rooms.some((candidate) => candidate.toLowerCase() === wanted)) return wanted;
  const named = rooms.length === 0 ? 'its sessions have no rooms' : `its rooms are ${rooms.slice(0, 30).join(', ')}${rooms.length > 30 ? ` and ${rooms.length - 30} more` : ''}`;
  throw new ServiceError('invalid-argument', `Event "${event.title}" has no room "${room}"; ${named}.`);
}

async function pickSession(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, off: { type: 'boolean' } }, ['EVENT', 'SESSION']);
  const eventId = parseId(positionals[0], 'EVENT');
  const sessionId = parseId(positionals[1], 'SESSION');
  const picked = !values.off;
  const { session } = await cli.open(values.library).events.updateSession(eventId, sessionId, { picked });
  if (values.json) cli.printJson({ id: session.id, picked });
  else cli.print(`${picked ? 'On your list' : 'Off your list'}: ${describeBriefly({ ...session, picked: false })}.`);
}

export const SESSION_COMMANDS: CommandGroup = {
  name: 'session',
  usage: USAGE,
  help: HELP,
  commands: { add: addSession, list: listSessions, pick: pickSession },
};
