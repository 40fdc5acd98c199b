import { eventMomentAt } from '../../shared/model/eventMoment';
import { onNowDecision, type OnNowReason } from '../../shared/model/onNow';
import { ServiceError } from '../services/storage/serviceError';
import { COMMON_OPTIONS, parseCommandLine, parseId } from './cliArguments';
import type { CliSession } from './cliSession';
import type { SingleCommand } from './commandGroup';
import { describeBriefly, describeSession, formatSessionTable, momentOf, parseAtOption } from './sessionListing';

const USAGE = `Usage:
  hallnotes now EVENT [--at YYYY-MM-DDTHH:MM] [--library DIR] [--json]`;

const HELP = `${USAGE}

Prints what the app opens in event EVENT now (or at --at): the session running that is marked
live, else my pick, else the one I have a note in; when several parallel sessions are equally
likely, the sessions the app asks to choose from. Between sessions: my next pick, else the next
slot; after the day: my last pick, else my last note, else the last session.
  --at YYYY-MM-DDTHH:MM  a date and time on the event's clock instead of now
  --library DIR          the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)
  --json                 print {"reason": …, "session": {…}} or {"reason": …, "choose": [{…}, …]}`;

const OPENING: Record<OnNowReason, string> = {
  running: 'On now',
  next: 'Next',
  'last-of-day': 'Last of the day',
  'before-event': 'The event has not started; first',
  'after-event': 'The event is over; last',
};

async function printOnNow(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, at: { type: 'string' } }, ['EVENT']);
  const eventId = parseId(positionals[0], 'EVENT');
  const at = values.at === undefined ? undefined : parseAtOption(values.at);
  const services = cli.open(values.library);
  const event = await services.events.get(eventId);
  if (event.sessions.length === 0) throw new ServiceError('conflict', `Event "${event.title}" has no sessions yet.`);
  // "Has a note" as the app's agenda counts it: at least one word.
  const stats = await services.search.stats(eventId);
  const moment = at ? momentOf(event, at) : eventMomentAt(event, Date.now());
  const decision = onNowDecision(event, moment, (sessionId) => (stats[sessionId]?.words ?? 0) > 0)!;
  const byId = new Map(event.sessions.map((session) => [session.id, session]));

  if (decision.kind === 'session') {
    const session = byId.get(decision.sessionId)!;
    if (values.json) cli.printJson({ reason: decision.reason, session: describeSession(event, session) });
    else cli.print(`${OPENING[decision.reason]}: ${describeBriefly(session)}.`);
    return;
  }
  const choices = decision.sessionIds.map((sessionId) => describeSession(event, byId.get(sessionId)!));
  if (values.json) {
    cli.printJson({ reason: decision.reason, choose: choices });
    return;
  }
  const when = decision.reason === 'running' ? `are on now (day ${decision.day}, ${formatMinutes(moment.minutes)})` : `start at ${choices[0].start} (day ${decision.day})`;
  cli.print(`${choices.length} sessions ${when}; the app asks which one you are in:\n${formatSessionTable(choices)}`);
}

function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export const NOW_COMMAND: SingleCommand = { name: 'now', usage: USAGE, help: HELP, run: printOnNow };
