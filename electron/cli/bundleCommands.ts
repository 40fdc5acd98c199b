import { resolve } from 'node:path';
import { megabytes } from '../../shared/model/byteSize';
import { describeExchangeReport } from '../../shared/model/teamReport';
import type { BundleImportResult } from '../../shared/model/team';
import { COMMON_OPTIONS, parseCommandLine, parseId, requireOption } from './cliArguments';
import type { CliSession } from './cliSession';
import type { CommandGroup } from './commandGroup';

const USAGE = `Usage:
  hallnotes bundle export EVENT --out FILE [--include-private] [--library DIR] [--json]
  hallnotes bundle import FILE [--event EVENT] [--dry-run] [--library DIR] [--json]`;

const HELP = `${USAGE}

An event bundle (.hallnotes) is one file with the whole event: the agenda, every note, the
photos and the posts, with a manifest (format, Hallnotes version, author, a checksum per
file). Hand it to a colleague on a USB stick or by mail; no server involved.

bundle export   Writes the event to FILE. Private notes are left out unless --include-private
                (for your own backup). The author is the default author in the settings.
bundle import   Imports a bundle: into the same event when this library has it (same event id,
                or the same programme imported by both), else as a new event. Merged per
                session: a note only one side changed is taken, a note both changed keeps both
                (theirs as a "from <author>" version to choose from in the app), agenda fields
                merge per field, a deletion never deletes anybody's notes, photos are stored
                once. Importing the same bundle twice changes nothing. A damaged, edited,
                truncated or unsafe bundle is refused and nothing is imported.

  --event EVENT      import into this event (refused if the bundle is of another event)
  --dry-run          only print what the import would do
  --include-private  also export private notes (your own backup; never send that file on)
  --json             machine-readable output
  --library DIR      the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)`;

async function exportBundle(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, out: { type: 'string' }, 'include-private': { type: 'boolean' } }, ['EVENT']);
  const eventId = parseId(positionals[0], 'EVENT');
  const outPath = resolve(cli.io.cwd, requireOption(values.out, '--out'));
  const result = await cli.open(values.library).bundles.export(eventId, { outPath, includePrivate: values['include-private'] === true });
  for (const note of result.leftOut) cli.warn(`left out the note for "${note.sessionTitle}": ${note.reason}`);
  if (values.json) return cli.printJson(result);
  cli.print(
    `Wrote ${result.path} (${megabytes(result.bytes)}): ${result.sessions} sessions, ${result.notes} notes, ${result.photos} photos; ${result.includesPrivate ? 'private notes included (keep this file to yourself)' : 'private notes left out'}.`,
  );
}

async function importBundle(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, event: { type: 'string' }, 'dry-run': { type: 'boolean' } }, ['FILE']);
  const eventId = values.event === undefined ? undefined : parseId(values.event, '--event');
  const path = resolve(cli.io.cwd, positionals[0]);
  const result = await cli.open(values.library).bundles.import({ path }, positionals[0], { eventId, dryRun: values['dry-run'] === true });
  if (values.json) return cli.printJson(result);
  cli.print(describeImport(result));
}

function describeImport(result: BundleImportResult): string {
  const from = `${result.fileName} (“${result.bundleEvent.title}”, exported by ${result.author || 'an unnamed author'} on ${result.exportedAt.slice(0, 10)})`;
  const verb = result.dryRun ? 'Would import' : 'Imported';
  const into =
    result.target.kind === 'new-event'
      ? 'as a new event'
      : `into “${result.target.eventTitle}” (${result.target.eventId}), matched by ${result.target.matchedBy === 'event-id' ? 'its event id' : 'its programme'}`;
  const lines = [`${verb} ${from} ${into}.`, ...describeExchangeReport(result.report).map((line) => `  ${line}`)];
  if (!result.dryRun && result.target.kind === 'new-event') lines.push(`Event id: ${result.eventId}`);
  return lines.join('\n');
}

export const BUNDLE_COMMANDS: CommandGroup = { name: 'bundle', usage: USAGE, help: HELP, commands: { export: exportBundle, import: importBundle } };
