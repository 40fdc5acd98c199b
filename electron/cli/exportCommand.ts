import { resolve } from 'node:path';
import { composePost } from '../../shared/export/composePost';
import { findTkMarkers, summarizeTkMarkers, type TkMarker } from '../../shared/export/tkMarkers';
import { EXPORT_FORMATS, type ExportFormat, type PostDay } from '../../shared/model/post';
import type { Services } from '../services/createServices';
import { ServiceError } from '../services/storage/serviceError';
import { COMMON_OPTIONS, parseCommandLine, parseId, requireOption, UsageError } from './cliArguments';
import type { CliSession } from './cliSession';
import type { SingleCommand } from './commandGroup';
import { choosePostDay, POST_DAY_OPTIONS } from './postCommands';

const USAGE = `Usage:
  hallnotes export EVENT [--day N | --whole-event] --format html|markdown|wordpress|text
                   [--out FILE] [--fragment] [--front-matter] [--allow-tk] [--library DIR] [--json]`;

const HELP = `${USAGE}

Exports the post for one day of event EVENT (or the whole event) exactly as the app does:
the same bytes for the same library.

  --day N          the day's post (may be left out when the event has one day)
  --whole-event    the post covering every day of the event
  --format F       html: clean semantic HTML, a complete document unless --fragment
                   markdown: CommonMark; --front-matter adds YAML (title, date, author, tags)
                   wordpress: block-editor markup for WordPress's code editor
                   text: plain text for an email
  --out FILE       write to FILE (replacing it in one step) and copy the post's photos into
                   a folder beside it (FILE-images/); without --out the post goes to stdout
  --fragment       html only: the body alone, for pasting into a CMS
  --front-matter   markdown only: YAML front matter instead of a "# Title" line
  --allow-tk       export although TK markers are left (without it the export is refused
                   and each marker is listed on stderr)
  --json           with --out, print {"path", "bytes", "images", "problems"}
  --library DIR    the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)

Sessions whose note cannot be read are exported without it and named on stderr. A post that
includes no sessions, or that still has TK markers (without --allow-tk), is refused and nothing
is written.`;

async function runExport(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(
    args,
    {
      ...COMMON_OPTIONS,
      ...POST_DAY_OPTIONS,
      format: { type: 'string' },
      out: { type: 'string' },
      fragment: { type: 'boolean' },
      'front-matter': { type: 'boolean' },
      'allow-tk': { type: 'boolean' },
    },
    ['EVENT'],
  );
  const eventId = parseId(positionals[0], 'EVENT');
  const format = parseFormat(requireOption(values.format, '--format'));
  if (values.fragment && format !== 'html') throw new UsageError('--fragment applies to --format html only');
  if (values['front-matter'] && format !== 'markdown') throw new UsageError('--front-matter applies to --format markdown only');
  if (values.out === '') throw new UsageError('--out needs a file name');
  if (values.json && values.out === undefined) throw new UsageError('--json describes the file written with --out; without --out the post itself goes to stdout');
  const allowTkMarkers = values['allow-tk'] === true;
  const options = { format, fragment: values.fragment === true, frontMatter: values['front-matter'] === true, allowTkMarkers };

  const services = cli.open(values.library);
  const day = await choosePostDay(values, services, eventId);
  if (values.out === undefined) {
    const rendered = await services.exporter.render(eventId, day, options);
    if (rendered.status === 'blocked') return refuseTkMarkers(rendered.tkMarkers, cli);
    rendered.problems.forEach((problem) => cli.warn(problem));
    await warnOfAllowedTkMarkers(allowTkMarkers, services, eventId, day, cli);
    cli.io.stdout.write(rendered.text);
    return;
  }
  const targetPath = resolve(cli.io.cwd, values.out);
  const result = await services.exporter.write(eventId, day, options, async () => targetPath);
  if (result.status === 'blocked') return refuseTkMarkers(result.tkMarkers, cli);
  if (result.status !== 'written') return;
  await warnOfAllowedTkMarkers(allowTkMarkers, services, eventId, day, cli);
  if (values.json) {
    cli.printJson(result);
    return;
  }
  result.problems.forEach((problem) => cli.warn(problem));
  const photos = result.images === 0 ? '' : `, ${result.images} photo(s) copied beside it`;
  cli.print(`Wrote ${result.path} (${result.bytes} bytes${photos}).`);
}

/** Lists every marker on stderr and fails, so a script stops before a draft with gaps in it goes anywhere. */
function refuseTkMarkers(markers: readonly TkMarker[], cli: CliSession): never {
  for (const marker of markers) cli.warn(`TK in ${marker.where}: ${marker.excerpt}`);
  const { count, places } = summarizeTkMarkers(markers);
  throw new ServiceError(
    'conflict',
    `${upperFirst(count)} ${markers.length === 1 ? 'is' : 'are'} left to check, in ${places}; nothing was exported. Check them, or export anyway with --allow-tk.`,
  );
}

/** With --allow-tk the post goes out, and stderr still says what was left. */
async function warnOfAllowedTkMarkers(allowed: boolean, services: Services, eventId: string, day: PostDay, cli: CliSession): Promise<void> {
  if (!allowed) return;
  const markers = findTkMarkers(composePost((await services.postResolver.load(eventId, day)).input));
  if (markers.length === 0) return;
  const { count, places } = summarizeTkMarkers(markers);
  cli.warn(`exported with ${count} left to check, in ${places}.`);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function parseFormat(value: string): ExportFormat {
  const format = EXPORT_FORMATS.find((name) => name === value);
  if (!format) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${value}"`);
  return format;
}

export const EXPORT_COMMAND: SingleCommand = { name: 'export', usage: USAGE, help: HELP, run: runExport };
