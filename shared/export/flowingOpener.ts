import type { Session, SessionKind } from '../model/event';
import { singleLine } from './inlineContent';
import { inlineText, type Block, type InlineNode } from './postBlocks';
import { speakerPhrase } from './speakers';

/** What the speakers did, by kind of session: "Name, Role, spoke on “Title”." */
const DID: Record<SessionKind, string> = {
  keynote: 'gave the keynote',
  plenary: 'spoke on',
  panel: 'discussed',
  'break-out': 'spoke on',
  workshop: 'ran the workshop',
  break: 'spoke on',
};
/** How a sentence opens with the session when the note introduces the speaker itself: "In the keynote “Title”, …". */
const IN: Record<SessionKind, string> = { keynote: 'In the keynote', plenary: 'In', panel: 'In the panel', 'break-out': 'In', workshop: 'In the workshop', break: 'In' };
const ENDS_A_SENTENCE = /[.!?…]$/u;

/**
 * A session in the flowing style: the speakers are introduced once, in a sentence with the
 * talk's title, and the note goes on from there in the same paragraph:
 * - "**Name**, Role at Organisation, spoke on “Title”. <the note's first paragraph>"; the
 *   verb follows the kind of session (gave the keynote, discussed, ran the workshop);
 * - when the note's first words already introduce its one speaker by full name, the title
 *   leads instead of a second introduction: "In “Title”, Name, who …";
 * - with nobody named, the title runs in, in bold: "**Title.** <the first paragraph>"; when
 *   the note starts with a heading, title and heading lead in together: "**Title: Heading.** …";
 *   before a quote, a list or a photo (or no note) the title is a bold line of its own.
 * A note that starts with something other than a paragraph gets the introduction as a
 * paragraph of its own before it. The note's headings become bold lead-ins (`leadIns`): a
 * flowing section has no heading of its own, so one inside it would outrank the talk and seem
 * to hold the sessions after it.
 */
export function flowingSection(session: Pick<Session, 'title' | 'speakers' | 'kind'>, noteBlocks: readonly Block[]): Block[] {
  const [first, ...rest] = noteBlocks;
  const opening = first?.kind === 'paragraph' ? first.content : null;
  const title = singleLine(session.title);
  const phrase = speakerPhrase(session.speakers);

  if (phrase.nodes.length === 0) {
    if (opening) return [paragraph([bold([text(withFullStop(title))]), text(' '), ...opening]), ...leadIns(rest)];
    if (first?.kind === 'heading') return leadIns([{ ...first, content: [text(`${title}${ENDS_A_SENTENCE.test(title) ? ' ' : ': '}`), ...first.content] }, ...rest]);
    return [paragraph([bold([text(title)])]), ...leadIns(noteBlocks)];
  }
  if (opening && introducesItsSpeaker(opening, session)) {
    return [paragraph([text(`${IN[session.kind]} “${title}”, `), ...opening]), ...leadIns(rest)];
  }
  const lead: InlineNode[] = [...phrase.nodes, text(`${phrase.endsWithApposition ? ',' : ''} ${DID[session.kind]} “${title}”${ENDS_A_SENTENCE.test(title) ? '' : '.'}`)];
  return opening ? [paragraph([...lead, text(' '), ...opening]), ...leadIns(rest)] : [paragraph(lead), ...leadIns(noteBlocks)];
}

/**
 * A note's headings as bold lead-ins: run into the paragraph after them ("**What to do.** Keep
 * the hardware…"), or a bold line of their own before a list, quote or photo.
 */
function leadIns(blocks: readonly Block[]): Block[] {
  const result: Block[] = [];
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (block.kind !== 'heading') {
      result.push(block);
      continue;
    }
    const next = blocks[index + 1];
    if (next?.kind === 'paragraph') {
      result.push(paragraph([bold(withFullStopAfter(block.content)), text(' '), ...next.content]));
      index += 1;
    } else {
      result.push(paragraph([bold(block.content)]));
    }
  }
  return result;
}

/** The note opens with the full name of the session's only speaker ("Timo Pagel, who leads …"). */
function introducesItsSpeaker(content: readonly InlineNode[], session: Pick<Session, 'speakers'>): boolean {
  const names = session.speakers.map((speaker) => singleLine(speaker.name)).filter((name) => name !== '');
  if (names.length !== 1) return false;
  const opening = inlineText(content).trimStart().toLocaleLowerCase();
  const name = names[0].toLocaleLowerCase();
  return opening.startsWith(name) && !/^[\p{L}\p{N}]/u.test(opening.slice(name.length));
}

function withFullStop(title: string): string {
  return ENDS_A_SENTENCE.test(title) ? title : `${title}.`;
}

/** A lead-in ends with a full stop unless it already ends a sentence or opens one ("Numbers:"). */
function withFullStopAfter(content: readonly InlineNode[]): InlineNode[] {
  return /[.!?…:]$/u.test(inlineText(content).trimEnd()) ? [...content] : [...content, text('.')];
}

/** Bold around content that may be partly bold already, without nesting bold in bold. */
function bold(children: readonly InlineNode[]): InlineNode {
  return { kind: 'mark', mark: 'bold', children: children.flatMap(withoutBold) };
}

function withoutBold(node: InlineNode): InlineNode[] {
  if (node.kind === 'mark') return node.mark === 'bold' ? node.children.flatMap(withoutBold) : [{ ...node, children: node.children.flatMap(withoutBold) }];
  if (node.kind === 'link') return [{ ...node, children: node.children.flatMap(withoutBold) }];
  return [node];
}

function text(value: string): InlineNode {
  return { kind: 'text', text: value };
}

function paragraph(content: InlineNode[]): Block {
  return { kind: 'paragraph', content };
}
