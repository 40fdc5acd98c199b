import { eventDayCount } from '../../shared/model/event';
import { POST_STYLES, type PostStyle } from '../../shared/export/postInput';
import { describePostDay, photoDescriptionSchema, type AttentionItem, type PhotoDescription, type PostChanges, type PostDay } from '../../shared/model/post';
import type { Services } from '../services/createServices';
import { markdownToNoteState } from '../services/notes/markdownNotes';
import { describePhoto } from '../services/posts/photoDescriptions';
import { parseOrThrow } from '../services/validation/parseOrThrow';
import { COMMON_OPTIONS, parseCommandLine, parseId, parseWholeNumber, requireOption, UsageError } from './cliArguments';
import type { CliSession } from './cliSession';
import type { CommandGroup } from './commandGroup';
import { readMarkdownSource } from './readMarkdownSource';

const USAGE = `Usage:
  hallnotes post set EVENT [--day N | --whole-event] [--title T] [--intro FILE.md] [--closing FILE.md]
                     [--byline TEXT] [--style headings|flowing] [--sessions ID,ID,…] [--tags a,b]
                     [--library DIR] [--json]
  hallnotes post show EVENT [--day N | --whole-event] [--library DIR] [--json]
  hallnotes post describe-photo EVENT [--day N | --whole-event] (--session SESSION | --intro | --closing)
                     --photo ASSET --alt TEXT [--library DIR] [--json]`;

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
           before it is published (TK markers, empty notes, speakers without a role, …); under
           a photo without alt text, the describe-photo command that gives it one.

post describe-photo  Gives a photo its alt text (what readers who cannot see it get), as the
           app's "Alt text" field in the needs-attention list does: every use of the photo in
           that text without a description of its own gets it; nothing else changes.
  --session SESSION   the photo is in this session's note
  --intro, --closing  the photo is in the post's intro or closing (of --day N or --whole-event)
  --photo ASSET       the photo as post show names it (assets/<hash>.jpg)
  --alt TEXT          what the photo shows, on one line

All:
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
  const notes = [
    ...resolution.problems.map((problem) => `  - ${problem}`),
    ...resolution.attention.map((item) => {
      const command = describePhotoCommand(eventId, day, item);
      return `  - ${item.message}${command ? `\n      ${command}` : ''}`;
    }),
  ];
  if (notes.length > 0) lines.push('Needs attention:', ...notes);
  cli.print(lines.join('\n'));
}

async function describePostPhoto(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(
    args,
    { ...COMMON_OPTIONS, ...POST_DAY_OPTIONS, session: { type: 'string' }, intro: { type: 'boolean' }, closing: { type: 'boolean' }, photo: { type: 'string' }, alt: { type: 'string' } },
    ['EVENT'],
  );
  const eventId = parseId(positionals[0], 'EVENT');
  const places = [values.session !== undefined, values.intro === true, values.closing === true].filter(Boolean).length;
  if (places === 0) throw new UsageError('say where the photo is: --session SESSION, --intro or --closing');
  if (places > 1) throw new UsageError('give only one of --session, --intro and --closing');
  const src = requireOption(values.photo, '--photo');
  const alt = requireOption(values.alt, '--alt');

  const services = cli.open(values.library);
  let where: PhotoDescription;
  let label: string;
  if (values.session !== undefined) {
    const sessionId = parseId(values.session, '--session');
    where = { eventId, sessionId, src, alt };
    label = `“${(await services.events.get(eventId)).sessions.find((session) => session.id === sessionId)?.title ?? sessionId}”`;
  } else {
    const part = values.intro ? 'intro' : 'closing';
    const day = await choosePostDay(values, services, eventId);
    where = { eventId, day, part, src, alt };
    label = `the ${part} of the post for ${describePostDay(day)}`;
  }
  const { described } = await describePhoto(services, parseOrThrow(photoDescriptionSchema, where, 'photo description'));
  if (values.json) {
    cli.printJson({ described });
    return;
  }
  cli.print(described === 0 ? `The photo ${src} already has its alt text in ${label}; nothing changed.` : `Gave the photo ${src} its alt text in ${label} (${described === 1 ? 'one use' : `${described} uses`}).`);
}

/** The command that describes the photo an attention item is about, ready to complete. */
function describePhotoCommand(eventId: string, day: PostDay, item: AttentionItem): string | null {
  if (!item.photo) return null;
  const where = item.photo.part ? `--${item.photo.part}` : item.sessionId ? `--session ${item.sessionId}` : null;
  if (!where) return null;
  return `hallnotes post describe-photo ${eventId} ${day === null ? '--whole-event' : `--day ${day}`} ${where} --photo ${item.photo.src} --alt "…"`;
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
  commands: { set: setPost, show: showPost, 'describe-photo': describePostPhoto },
};
