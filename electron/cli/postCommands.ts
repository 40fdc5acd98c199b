import { eventDayCount } from '../../shared/model/event';
import { POST_STYLES, type PostStyle } from '../../shared/export/postInput';
import { describePostDay, type PostChanges, type PostDay } from '../../shared/model/post';
import type { Services } from '../services/createServices';
import { markdownToNoteState } from '../services/notes/markdownNotes';
import { COMMON_OPTIONS, parseCommandLine, parseId, parseWholeNumber, UsageError } from './cliArguments';
import type { CliSession } from './cliSession';
import type { CommandGroup } from './commandGroup';
import { readMarkdownSource } from './readMarkdownSource';

const USAGE = `Usage:
  hallnotes post set EVENT [--day N | --whole-event] [--title T] [--intro FILE.md] [--closing FILE.md]
                     [--byline TEXT] [--style headings|flowing] [--sessions ID,ID,…] [--tags a,b]
                     [--library DIR] [--json]
  hallnotes post show EVENT [--day N | --whole-event] [--library DIR] [--json]`;

const HELP = `${USAGE}

post set   Changes the post for one day of event EVENT (or for the whole event); options
           left out keep their current value.
  --day N             the day's post (may be left out when the event has one day)
  --whole-event       the post covering every day of the event
  --title T           the title; "" goes back to the default "<Event> – Day N Reflections"
  --intro FILE.md     the intro, from Markdown (- reads the standard input)
  --closing FILE.md   the closing words, from Markdown (- reads the standard input)
  --byline TEXT       e.g. "Posted by Jane Doe"; "" goes back to the event's author
  --style S           headings: a heading per session; flowing: paragraphs opening with the speaker
  --sessions IDS      the sessions to include, in post order, comma-separated (ids as printed
                      by "hallnotes session list"); "default" goes back to the covered sessions
                      in programme order
  --tags a,b          the post's tags, comma-separated; "" for none
  --json              print the post as JSON

post show  Prints the post's title, byline, style, tags and sessions, and what needs attention
           before it is published (TK markers, empty notes, speakers without a role, …).

Both:
  --library DIR  the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)`;

/** The day options every post and export command takes. */
export const POST_DAY_OPTIONS = { day: { type: 'string' }, 'whole-event': { type: 'boolean' } } as const;

/** --day N, --whole-event, or for a one-day event nothing at all. */
export async function choosePostDay(values: { day?: string; 'whole-event'?: boolean }, services: Services, eventId: string): Promise<PostDay> {
  if (values.day !== undefined && values['whole-event']) throw new UsageError('give --day N or --whole-event, not both');
  if (values['whole-event']) return null;
  if (values.day !== undefined) {
    const day = parseWholeNumber(values.day, '--day');
    if (day < 1) throw new UsageError('--day counts from 1 (the first day of the event)');
    return day;
  }
  const event = await services.events.get(eventId);
  const days = eventDayCount(event);
  if (days === 1) return 1;
  throw new UsageError(`"${event.title}" has ${days} days: give --day N (1 to ${days}) or --whole-event`);
}

async function setPost(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(
    args,
    {
      ...COMMON_OPTIONS,
      ...POST_DAY_OPTIONS,
      title: { type: 'string' },
      intro: { type: 'string' },
      closing: { type: 'string' },
      byline: { type: 'string' },
      style: { type: 'string' },
      sessions: { type: 'string' },
      tags: { type: 'string' },
    },
    ['EVENT'],
  );
  const eventId = parseId(positionals[0], 'EVENT');
  if (values.intro === '-' && values.closing === '-') throw new UsageError('only one of --intro and --closing can read the standard input');
  const changes: PostChanges = {};
  if (values.title !== undefined) changes.title = values.title;
  if (values.byline !== undefined) changes.byline = values.byline;
  if (values.style !== undefined) changes.style = parseStyle(values.style);
  if (values.sessions !== undefined) changes.sessionIds = parseSessions(values.sessions);
  if (values.tags !== undefined) changes.tags = splitList(values.tags);
  if (values.intro !== undefined) changes.intro = markdownToNoteState(await readMarkdownSource(values.intro, cli.io));
  if (values.closing !== undefined) changes.closing = markdownToNoteState(await readMarkdownSource(values.closing, cli.io));
  if (Object.keys(changes).length === 0) throw new UsageError('nothing to change: give at least one of --title, --intro, --closing, --byline, --style, --sessions, --tags');

  const services = cli.open(values.library);
  const day = await choosePostDay(values, services, eventId);
  const saved = await services.posts.save(eventId, day, changes);
  if (values.json) {
    cli.printJson(saved.post);
    return;
  }
  const { post } = saved;
  const sessions = post.settings.sessionIds ?? post.defaults.sessionIds;
  cli.print(`Saved the post for ${describePostDay(day)}: “${post.settings.title || post.defaults.title}”, ${sessions.length} session(s) (${saved.bytesWritten} bytes).`);
}

async function showPost(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, ...POST_DAY_OPTIONS }, ['EVENT']);
  const eventId = parseId(positionals[0], 'EVENT');
  const services = cli.open(values.library);
  const day = await choosePostDay(values, services, eventId);
  const [post, resolution] = await Promise.all([services.posts.get(eventId, day), services.postResolver.resolve(eventId, day)]);
  if (values.json) {
    cli.printJson({ post, problems: resolution.problems, attention: resolution.attention });
    return;
  }
  const { input } = resolution;
  const lines = [input.title, [input.byline || '(no byline)', `style: ${input.style}`, `tags: ${input.tags.join(', ') || 'none'}`].join(' · ')];
  lines.push(post.settings.sessionIds === null ? 'Sessions (the covered ones, in programme order):' : 'Sessions (in post order):');
  if (input.sections.length === 0) lines.push('  none: the export will refuse an empty post');
  input.sections.forEach(({ session }, index) => lines.push(`  ${index + 1}. ${session.id}  ${session.title}`));
  const notes = [...resolution.problems, ...resolution.attention.map((item) => item.message)];
  if (notes.length > 0) lines.push('Needs attention:', ...notes.map((note) => `  - ${note}`));
  cli.print(lines.join('\n'));
}

function parseStyle(value: string): PostStyle {
  const style = POST_STYLES.find((name) => name === value);
  if (!style) throw new UsageError(`--style must be ${POST_STYLES.join(' or ')}, not "${value}"`);
  return style;
}

function parseSessions(value: string): string[] | null {
  if (value.trim() === 'default') return null;
  return splitList(value).map((id) => parseId(id, 'each id in --sessions'));
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export const POST_COMMANDS: CommandGroup = {
  name: 'post',
  usage: USAGE,
  help: HELP,
  commands: { set: setPost, show: showPost },
};
