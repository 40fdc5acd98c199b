/**
 * Composes a day's post into one block tree that every export format renders. Pure: no
 * DOM, no clock, no file system and no runtime dependencies, so the main process (exporting
 * from disk) and the renderer (the live preview) run the same code and get the same bytes.
 */
import { singleLine } from './inlineContent';
import { noteToBlocks } from './noteToBlocks';
import { inlineText, type Block, type InlineNode } from './postBlocks';
import type { PostInput, PostSection } from './postInput';
import { flowingSection } from './flowingOpener';
import { sessionHeading } from './speakers';

export type ComposedPost = {
  title: string;
  date: string;
  author: string;
  /** "Posted by …": printed at the end of standalone documents; CMS formats have an author field instead. */
  byline: string;
  /** Metadata only (front matter, the HTML head, a CMS's tags): never a line of the body. */
  tags: string[];
  /** The intro's first paragraph as plain text, clipped to what CMS excerpt fields take; '' without an intro. */
  excerpt: string;
  /** The body in reading order: intro, sessions, closing. The title, byline and tags are not in it. */
  blocks: Block[];
  /** Where each run of blocks comes from, in order: the intro, each session, the closing. */
  parts: PostPart[];
  /** No session is included; the caller should say so instead of exporting a hollow post. */
  isEmpty: boolean;
  /** Included sessions whose note has nothing to export (missing, empty or only private notes). */
  sessionsWithoutNotes: string[];
};

/** `blockCount` blocks of the body, following those of the parts before it; `label` names the part for the reporter. */
export type PostPart = { label: string; sessionId: string | null; blockCount: number };

/**
 * The parts of a post: the intro, the sessions, the closing. In the heading style each session
 * opens with its h2 and a note's headings sit below it (h3, h4); in the flowing style sessions
 * have no heading, so a section break stands between every two parts and a note's headings
 * become bold lead-ins (flowingSection). In both, a section break comes before the closing.
 */
const SECTION_BREAK: Block = { kind: 'sectionBreak' };

/** Note headings sit one level below what contains them: the post title (h1) or a session heading (h2). */
const UNDER_TITLE = { topHeadingLevel: 2 };
const UNDER_SESSION_HEADING = { topHeadingLevel: 3 };

/** Ghost's custom_excerpt takes at most 300 characters; WordPress takes any length. */
const EXCERPT_LENGTH = 300;

export function composePost(post: PostInput): ComposedPost {
  const blocks: Block[] = [];
  const parts: PostPart[] = [];
  const add = (label: string, sessionId: string | null, partBlocks: Block[]) => {
    blocks.push(...partBlocks);
    if (partBlocks.length > 0) parts.push({ label, sessionId, blockCount: partBlocks.length });
  };
  // A part after another begins with a section break where nothing else marks where it starts.
  const afterBreak = (partBlocks: Block[]): Block[] => (blocks.length > 0 && partBlocks.length > 0 ? [SECTION_BREAK, ...partBlocks] : partBlocks);
  const intro = noteToBlocks(post.intro, UNDER_TITLE);
  add('The intro', null, intro);
  const sessionsWithoutNotes: string[] = [];
  for (const section of post.sections) {
    const noteBlocks = noteToBlocks(section.note, post.style === 'headings' ? UNDER_SESSION_HEADING : UNDER_TITLE);
    if (noteBlocks.length === 0) sessionsWithoutNotes.push(section.session.id);
    const sectionBlocks = post.style === 'headings' ? headedSection(section, noteBlocks) : afterBreak(flowingSection(section.session, noteBlocks));
    add(`“${singleLine(section.session.title)}”`, section.session.id, sectionBlocks);
  }
  // Without the break the closing would read as the end of the last talk.
  add('The closing', null, afterBreak(noteToBlocks(post.closing, UNDER_TITLE)));

  return {
    title: singleLine(post.title),
    date: post.date,
    author: singleLine(post.author),
    byline: singleLine(post.byline),
    tags: uniqueTags(post.tags),
    excerpt: excerptOf(intro),
    blocks,
    parts,
    isEmpty: post.sections.length === 0,
    sessionsWithoutNotes,
  };
}

/** A heading per session; when the speakers make it too long, they open the section on a line of their own instead. */
function headedSection(section: PostSection, noteBlocks: Block[]): Block[] {
  const heading = sessionHeading(section.session);
  const speakerLine: Block[] = heading.speakerLine ? [paragraph(heading.speakerLine)] : [];
  return [{ kind: 'heading', level: 2, content: [text(heading.text)] }, ...speakerLine, ...noteBlocks];
}

function excerptOf(intro: readonly Block[]): string {
  const first = intro.find((block) => block.kind === 'paragraph');
  return first ? clipAtWord(singleLine(inlineText(first.content)), EXCERPT_LENGTH) : '';
}

/** At most `length` characters: cut at a space and ended with "…" when the text is longer. */
function clipAtWord(text: string, length: number): string {
  const characters = Array.from(text);
  if (characters.length <= length) return text;
  const room = characters.slice(0, length - 1).join('');
  const lastSpace = room.lastIndexOf(' ');
  return `${(lastSpace > 0 ? room.slice(0, lastSpace) : room).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => singleLine(tag)).filter((tag) => tag !== ''))];
}

function text(value: string): InlineNode {
  return { kind: 'text', text: value };
}

function paragraph(content: InlineNode[]): Block {
  return { kind: 'paragraph', content };
}
