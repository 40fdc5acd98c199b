import { basename, resolve } from 'node:path';
import { MAX_PROGRAMME_BYTES, type ImportSummary, type ImportWarning } from '../../shared/model/importSummary';
import { importProgramme } from '../services/import/importProgramme';
import { readFileAtMost } from '../services/validation/readAtMost';
import { COMMON_OPTIONS, UsageError, parseCommandLine, parseId } from './cliArguments';
import type { CliSession } from './cliSession';
import type { SingleCommand } from './commandGroup';

const USAGE = `Usage:
  hallnotes import FILE [--event EVENT | --new-event] [--timezone Area/City] [--dry-run] [--library DIR] [--json]`;

const HELP = `${USAGE}

Imports a published conference programme: iCalendar (.ics), frab/Pentabarf schedule.xml,
c3voc/pretalx schedule.json (v1 and v2), pretalx's schedule widget JSON, Sessionize JSON
("All data", schedule grid or sessions list) or CSV (date,start,end,title,speakers,room,kind).
Sessionize and CSV files name no time zone: pass --timezone (or --event) so times are right.

  --event EVENT        merge into this event; without it a new event is created, unless the
                       library already holds this programme (most sessions carry its ids):
                       then that event is updated instead of imported twice
  --new-event          import into a new event even when the library holds this programme
  --timezone Area/City for a new event, show times in this zone instead of the programme's
  --dry-run            print what would be added, updated, flagged or removed; change nothing
  --json               print the summary as JSON
  --library DIR        the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)

Re-importing the same programme changes nothing. Sessions that vanished from the programme
or were cancelled are flagged, not deleted, when they already have notes or are on your list.`;

async function runImport(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(
    args,
    { ...COMMON_OPTIONS, event: { type: 'string' }, 'new-event': { type: 'boolean' }, timezone: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    ['FILE'],
  );
  const eventId = values.event === undefined ? undefined : parseId(values.event, '--event');
  if (eventId && values['new-event']) throw new UsageError('--event and --new-event exclude each other');
  const filePath = resolve(cli.io.cwd, positionals[0]);
  // A FIFO or a device (/dev/zero) reports no size, so the limit is counted as the bytes arrive.
  const bytes = await readFileAtMost(filePath, MAX_PROGRAMME_BYTES);
  const services = cli.open(values.library);
  const summary = await importProgramme({
    services,
    fileName: basename(filePath),
    bytes,
    eventId,
    dryRun: values['dry-run'] === true,
    timeZone: values.timezone,
    updateExisting: values['new-event'] !== true,
  });
  if (values.json) cli.printJson(summary);
  else cli.print(describeSummary(summary));
}

function describeSummary(summary: ImportSummary): string {
  const verb = summary.dryRun ? 'Would import' : 'Imported';
  const target = summary.created ? `a new event "${summary.title}"` : `event "${summary.title}" (${summary.eventId})`;
  const lines: string[] = [];
  const already = summary.alreadyInLibrary;
  if (already && !summary.created) {
    lines.push(`The library already holds this programme as event "${already.title}" (${already.eventId}): ${already.matchingSessions} of its sessions match, so it is updated instead of imported twice (--new-event imports a second copy).`);
  } else if (already) {
    lines.push(`Note: the library already holds this programme as event "${already.title}" (${already.eventId}); this imports a second copy.`);
  }
  lines.push(
    `${verb} into ${target}: ${summary.days} day(s), ${summary.startDate} to ${summary.endDate}, times in ${summary.timezone}.`,
    `  added ${summary.added}, updated ${summary.updated}, unchanged ${summary.unchanged}, flagged ${summary.flagged}, removed ${summary.removed}`,
  );
  if (summary.created && summary.eventId) lines.push(`Event id: ${summary.eventId}`);
  if (summary.warnings.length > 0) lines.push('Check:', ...summary.warnings.flatMap(describeWarning));
  return lines.join('\n');
}

function describeWarning(warning: ImportWarning): string[] {
  const more = warning.sessionCount - warning.sessions.length;
  return [`  - ${warning.message}`, ...warning.sessions.map((session) => `      ${session}`), ...(more > 0 ? [`      … and ${more} more`] : [])];
}

export const IMPORT_COMMAND: SingleCommand = { name: 'import', usage: USAGE, help: HELP, run: runImport };
