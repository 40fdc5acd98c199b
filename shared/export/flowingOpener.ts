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
 * - with nobody named, the title runs in, in bold: "**Title.** <the first paragraph>".
 * A note that starts with something other than a paragraph (a heading, a quote, a list, a
 * photo) gets the sentence as a paragraph of its own before it.
 */
export function flowingSection(session: Pick<Session, 'title' | 'speakers' | 'kind'>, noteBlocks: readonly Block[]): Block[] {
  const [first, ...rest] = noteBlocks;
  const opening = first?.kind === 'paragraph' ? first.content : null;
  const title = singleLine(session.title);
  const phrase = speakerPhrase(session.speakers);

  if (opening && introducesItsSpeaker(opening, session)) {
    return [paragraph([text(`${IN[session.kind]} “${title}”, `), ...opening]), ...rest];
  }
  const lead: InlineNode[] =
    phrase.nodes.length === 0
      ? [{ kind: 'mark', mark: 'bold', children: [text(withFullStop(title))] }]
      : [...phrase.nodes, text(`${phrase.endsWithApposition ? ',' : ''} ${DID[session.kind]} “${title}”${ENDS_A_SENTENCE.test(title) ? '' : '.'}`)];
  return opening ? [paragraph([...lead, text(' '), ...opening]), ...rest] : [paragraph(lead), ...noteBlocks];
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

function text(value: string): InlineNode {
  return { kind: 'text', text: value };
}

function paragraph(content: InlineNode[]): Block {
  return { kind: 'paragraph', content };
}
