import type { FeaturedPhotoChoice, OutboxJob, PostPhoto, PublishOutcome } from '../../shared/model/publish';
import { assetFileOf } from '../../shared/note/assetPath';
import { ServiceError } from '../services/storage/serviceError';
import { COMMON_OPTIONS, parseCommandLine, parseId, requireOption, UsageError } from './cliArguments';
import type { CliSession } from './cliSession';
import type { SingleCommand } from './commandGroup';
import { choosePostDay, POST_DAY_OPTIONS } from './postCommands';
import { readSecret, SECRET_ENVIRONMENT_VARIABLE } from './readSecret';

/** `publish` exits with this when the post waits in the outbox because the site did not answer. */
export const EXIT_QUEUED = 3;

const USAGE = `Usage:
  hallnotes publish EVENT [--day N | --whole-event] --to DESTINATION [--publish-anyway]
                    [--featured-photo N|first|none|FILE] [--password-file FILE]
                    [--library DIR] [--json]`;

const HELP = `${USAGE}

Publishes the post for one day of event EVENT (or the whole event) as a draft, never live, to
a destination added with "hallnotes destination add": the same post, the same bytes, as the
app publishes. Publishing again updates the same draft; photos already on the site are not
sent again. Private notes never leave this computer.

  --day N            the day's post (may be left out when the event has one day)
  --whole-event      the post covering every day of the event
  --to DESTINATION   the destination's name (or id)
  --publish-anyway   publish even though TK markers remain (otherwise they stop it)
  --featured-photo P the draft's featured image, kept for the next publishes of the post:
                     N (the post's Nth photo), first (the default), none, or the photo's
                     file (assets/<sha256>.png); a number it does not have lists them
  --password-file F  the password or key for this run only (- for the standard input);
                     else $${SECRET_ENVIRONMENT_VARIABLE}, else the stored one
  --json             print the outcome as JSON

Exit status: 0 the draft is on the site; 3 the site did not answer and the post waits in the
outbox ("hallnotes outbox run" sends it, as does the app); 1 anything else, with the reason.
When the draft was edited or deleted on the site since the last publish, nothing is
overwritten: "hallnotes outbox overwrite JOB" or "hallnotes outbox create-new JOB" decides.`;

async function runPublish(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, ...POST_DAY_OPTIONS, to: { type: 'string' }, 'publish-anyway': { type: 'boolean' }, 'featured-photo': { type: 'string' }, 'password-file': { type: 'string' } }, ['EVENT']);
  const eventId = parseId(positionals[0], 'EVENT');
  const to = requireOption(values.to, '--to');
  const secret = await readSecret(values['password-file'], cli.io);
  const services = cli.open(values.library);
  const day = await choosePostDay(values, services, eventId);
  const destination = await services.publish.findDestination(to);
  if (secret) await services.publish.useSecretForThisRun(destination.id, secret);
  const featured = values['featured-photo'];
  if (featured !== undefined) {
    const { photos } = await services.publish.postSettings(eventId, day);
    await services.publish.savePostSettings(eventId, day, { featuredPhoto: parseFeaturedPhoto(featured, photos) });
  }
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

/** `--featured-photo`: a number counts the post's photos from 1, in reading order. */
function parseFeaturedPhoto(value: string, photos: readonly PostPhoto[]): FeaturedPhotoChoice {
  const word = value.trim().toLowerCase();
  if (word === 'none' || word === 'first') return { kind: word };
  const choices = photos.length === 0 ? 'the post shows no photo' : `the post shows ${photos.length === 1 ? 'one photo' : `${photos.length} photos`} (${photos.map((photo, index) => `${index + 1} ${photo.src}`).join(', ')})`;
  if (/^\d+$/.test(word)) {
    const photo = photos[Number(word) - 1];
    if (!photo) throw new ServiceError('invalid-argument', `--featured-photo ${value}: ${choices}.`);
    return { kind: 'photo', file: photo.file };
  }
  const file = assetFileOf(word.startsWith('assets/') ? word : `assets/${word}`);
  if (!file) throw new UsageError(`--featured-photo must be a photo's number, first, none or its file (assets/<sha256>.png), not "${value}"`);
  return { kind: 'photo', file };
}

/** What to type next for a job that stopped. */
export function decisionHint(job: Pick<OutboxJob, 'problem' | 'id'>): string {
  if (job.problem === 'remote-edited') return ` To overwrite it: hallnotes outbox overwrite ${job.id}`;
  if (job.problem === 'remote-deleted') return ` To make a new draft: hallnotes outbox create-new ${job.id}`;
  return ` After fixing it: hallnotes outbox retry ${job.id}`;
}

export const PUBLISH_COMMAND: SingleCommand = { name: 'publish', usage: USAGE, help: HELP, run: runPublish };
