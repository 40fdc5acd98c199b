import { describeJobState, jobIdSchema, type JobDecision, type OutboxJob } from '../../shared/model/publish';
import { describePostDay } from '../../shared/model/post';
import { COMMON_OPTIONS, parseCommandLine, UsageError } from './cliArguments';
import type { CliSession } from './cliSession';
import { formatTable } from './cliTable';
import type { Command, CommandGroup } from './commandGroup';
import { decisionHint } from './publishCommand';

const USAGE = `Usage:
  hallnotes outbox list [--json]
  hallnotes outbox run [--json]
  hallnotes outbox retry|overwrite|create-new|discard JOB [--json]`;

const HELP = `${USAGE}

The outbox holds every publish until its site has it: posts published without a connection
wait there (the app sends them when the site answers), and so do jobs that stopped.

outbox list        Lists the jobs: waiting, stopped (with why) and sent in the last week.
outbox run         Sends every waiting job now, in the order they were queued.
outbox retry       Tries a stopped job again (after fixing what its message says).
outbox overwrite   The draft was edited on the site since: replace those edits.
outbox create-new  The draft was deleted on the site: make a new one.
outbox discard     Drops the job; nothing more is sent.

  --json         machine-readable output
  --library DIR  the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)`;

async function listJobs(args: string[], cli: CliSession): Promise<void> {
  const { values } = parseCommandLine(args, COMMON_OPTIONS, []);
  printJobs(await cli.open(values.library).publish.outboxJobs(), cli, values.json === true);
}

async function runJobs(args: string[], cli: CliSession): Promise<void> {
  const { values } = parseCommandLine(args, COMMON_OPTIONS, []);
  const jobs = await cli.open(values.library).publish.runOutbox();
  printJobs(jobs, cli, values.json === true);
  if (jobs.some((job) => job.state !== 'done')) cli.exitCode = 1;
}

function decide(decision: JobDecision): Command {
  return async (args, cli) => {
    const { values, positionals } = parseCommandLine(args, COMMON_OPTIONS, ['JOB']);
    if (!jobIdSchema.safeParse(positionals[0]).success) throw new UsageError(`JOB must be a job id as printed by "hallnotes outbox list", not "${positionals[0]}"`);
    const job = await cli.open(values.library).publish.decide(positionals[0], decision);
    if (values.json) cli.printJson({ job });
    else if (!job) cli.print('Discarded; nothing more is sent for it.');
    else if (job.state === 'done') cli.print(`${job.message}\nEdit it at ${job.result?.editUrl}`);
    else cli.warn(`${job.message}${job.state === 'waiting' ? '' : decisionHint(job)}`);
    if (job && job.state !== 'done') cli.exitCode = 1;
  };
}

function printJobs(jobs: OutboxJob[], cli: CliSession, json: boolean): void {
  if (json) return cli.printJson(jobs);
  if (jobs.length === 0) return cli.print('The outbox is empty.');
  const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  cli.print(
    formatTable<OutboxJob>(jobs, [
      { header: 'QUEUED (UTC)', value: (job) => time(job.queuedAt) },
      { header: 'POST', value: (job) => `${job.title} (${describePostDay(job.day)})`, maxWidth: 50 },
      { header: 'TO', value: (job) => job.destinationName, maxWidth: 20 },
      { header: 'STATE', value: (job) => describeJobState(job, (iso) => `${iso.slice(11, 16)} UTC`) },
      { header: 'JOB', value: (job) => job.id },
    ]),
  );
  for (const job of jobs.filter((candidate) => candidate.state !== 'done' && candidate.message)) cli.print(`${job.id}: ${job.message}`);
}

export const OUTBOX_COMMANDS: CommandGroup = {
  name: 'outbox',
  usage: USAGE,
  help: HELP,
  commands: { list: listJobs, run: runJobs, retry: decide('retry'), overwrite: decide('overwrite'), 'create-new': decide('create-new'), discard: decide('discard') },
};
