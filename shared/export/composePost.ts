/**
 * Composes a day's post into one block tree that every export format renders. Pure: no
 * DOM, no clock, no file system and no runtime dependencies, so the main process (exporting
 * from disk) and the renderer (the live preview) run the same code and get the same bytes.
 */
import { singleLine } from './inlineContent';
import { noteToBlocks } from './noteToBlocks';
import type { Block, InlineNode } from './postBlocks';
import type { PostInput, PostSection } from './postInput';
import { describeSpeakers, sessionHeadingText } from './speakers';

export type ComposedPost = {
  title: string;
  date: string;
  author: string;
  byline: string;
  tags: string[];
  /** The body in reading order: intro, sessions, closing, byline, tags. The title is not in it. */
  blocks: Block[];
  /** No session is included; the caller should say so instead of exporting a hollow post. */
  isEmpty: boolean;
  /** Included sessions whose note has nothing to export (missing, empty or only private notes). */
  sessionsWithoutNotes: string[];
};

/** Note headings sit one level below what contains them: the post title (h1) or a session heading (h2). */
const UNDER_TITLE = { topHeadingLevel: 2 };
const UNDER_SESSION_HEADING = { topHeadingLevel: 3 };

export function composePost(post: PostInput): ComposedPost {
  const blocks: Block[] = [...noteToBlocks(post.intro, UNDER_TITLE)];
  const sessionsWithoutNotes: string[] = [];
  for (const section of post.sections) {
    const noteBlocks = noteToBlocks(section.note, post.style === 'headings' ? UNDER_SESSION_HEADING : UNDER_TITLE);
    if (noteBlocks.length === 0) sessionsWithoutNotes.push(section.session.id);
    blocks.push(...(post.style === 'headings' ? headedSection(section, noteBlocks) : flowingSection(section, noteBlocks)));
  }
  blocks.push(...noteToBlocks(post.closing, UNDER_TITLE));

  const byline = singleLine(post.byline);
  const tags = uniqueTags(post.tags);
  if (byline) blocks.push(paragraph([text(byline)]));
  if (tags.length > 0) blocks.push(paragraph([text(`Tags: ${tags.join(', ')}`)]));

  return {
    title: singleLine(post.title),
    date: post.date,
    author: singleLine(post.author),
    byline,
    tags,
    blocks,
    isEmpty: post.sections.length === 0,
    sessionsWithoutNotes,
  };
}

function headedSection(section: PostSection, noteBlocks: Block[]): Block[] {
  return [{ kind: 'heading', level: 2, content: [text(sessionHeadingText(section.session))] }, ...noteBlocks];
}

/**
 * The first paragraph opens with the speakers in bold ("**Name, Role at Organisation**, …").
 * With nobody named the session title opens it instead; when the note does not start with a
 * paragraph, a short one naming speakers and title comes first.
 */
function flowingSection(section: PostSection, noteBlocks: Block[]): Block[] {
  const speakers = describeSpeakers(section.session.speakers);
  const title = singleLine(section.session.title);
  const opener: InlineNode = { kind: 'mark', mark: 'bold', children: [text(speakers || title)] };
  const [first, ...rest] = noteBlocks;
  if (first?.kind === 'paragraph') return [paragraph([opener, text(speakers ? ', ' : ': '), ...first.content]), ...rest];
  return [paragraph(speakers ? [opener, text(`: ${title}`)] : [opener]), ...noteBlocks];
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
