import type { OutboxJob, PublishOutcome } from '../../shared/model/publish';
import { COMMON_OPTIONS, parseCommandLine, parseId, requireOption } from './cliArguments';
import type { CliSession } from './cliSession';
import type { SingleCommand } from './commandGroup';
import { choosePostDay, POST_DAY_OPTIONS } from './postCommands';
import { readSecret, SECRET_ENVIRONMENT_VARIABLE } from './readSecret';

/** `publish` exits with this when the post waits in the outbox because the site did not answer. */
export const EXIT_QUEUED = 3;

const USAGE = `Usage:
  hallnotes publish EVENT [--day N | --whole-event] --to DESTINATION [--publish-anyway]
                    [--password-file FILE] [--library DIR] [--json]`;

const HELP = `${USAGE}

Publishes the post for one day of event EVENT (or the whole event) as a draft, never live, to
a destination added with "hallnotes destination add": the same post, the same bytes, as the
app publishes. Publishing again updates the same draft; photos already on the site are not
sent again. Private notes never leave this computer.

  --day N            the day's post (may be left out when the event has one day)
  --whole-event      the post covering every day of the event
  --to DESTINATION   the destination's name (or id)
  --publish-anyway   publish even though TK markers remain (otherwise they stop it)
  --password-file F  the password or key for this run only (- for the standard input);
                     else $${SECRET_ENVIRONMENT_VARIABLE}, else the stored one
  --json             print the outcome as JSON

Exit status: 0 the draft is on the site; 3 the site did not answer and the post waits in the
outbox ("hallnotes outbox run" sends it, as does the app); 1 anything else, with the reason.
When the draft was edited or deleted on the site since the last publish, nothing is
overwritten: "hallnotes outbox overwrite JOB" or "hallnotes outbox create-new JOB" decides.`;

async function runPublish(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, ...POST_DAY_OPTIONS, to: { type: 'string' }, 'publish-anyway': { type: 'boolean' }, 'password-file': { type: 'string' } }, ['EVENT']);
  const eventId = parseId(positionals[0], 'EVENT');
  const to = requireOption(values.to, '--to');
  const secret = await readSecret(values['password-file'], cli.io);
  const services = cli.open(values.library);
  const day = await choosePostDay(values, services, eventId);
  const destination = await services.publish.findDestination(to);
  if (secret) await services.publish.useSecretForThisRun(destination.id, secret);
  const outcome = await services.publish.publish({ eventId, day, destinationId: destination.id, publishAnyway: values['publish-anyway'] === true });
  cli.exitCode = outcome.status === 'sent' ? 0 : outcome.status === 'queued' ? EXIT_QUEUED : 1;
  if (values.json) cli.printJson(outcome);
  else printOutcome(outcome, cli);
}

function printOutcome(outcome: PublishOutcome, cli: CliSession): void {
  if (outcome.status === 'blocked') {
    cli.warn(outcome.message);
    outcome.items.forEach((item) => cli.io.stderr.write(`  - ${item}\n`));
    cli.io.stderr.write('Run again with --publish-anyway to publish it as it is.\n');
    return;
  }
  const { job } = outcome;
  if (outcome.status === 'sent') cli.print(`${job.message}\nEdit it at ${job.result?.editUrl}`);
  else if (outcome.status === 'queued') cli.print(`Queued in the outbox: ${job.message} It is sent when the site answers (the app does that by itself, or run "hallnotes outbox run").`);
  else cli.warn(`${job.message}${decisionHint(job)}`);
}

/** What to type next for a job that stopped. */
export function decisionHint(job: Pick<OutboxJob, 'problem' | 'id'>): string {
  if (job.problem === 'remote-edited') return ` To overwrite it: hallnotes outbox overwrite ${job.id}`;
  if (job.problem === 'remote-deleted') return ` To make a new draft: hallnotes outbox create-new ${job.id}`;
  return ` After fixing it: hallnotes outbox retry ${job.id}`;
}

export const PUBLISH_COMMAND: SingleCommand = { name: 'publish', usage: USAGE, help: HELP, run: runPublish };
