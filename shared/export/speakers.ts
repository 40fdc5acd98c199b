import type { Session, Speaker } from '../model/event';
import { singleLine } from './inlineContent';
import type { InlineNode } from './postBlocks';

/** "Role at Organisation", or whichever of the two there is; '' for neither. */
function affiliationOf(speaker: Speaker): string {
  const role = singleLine(speaker.role);
  const organisation = singleLine(speaker.organisation);
  return role && organisation ? `${role} at ${organisation}` : role || organisation;
}

function named(speakers: readonly Speaker[]): Speaker[] {
  return speakers.filter((speaker) => singleLine(speaker.name) !== '');
}

/** "Name, Role at Organisation", leaving out whatever is missing: "Name, Role", "Name, Organisation", "Name". */
export function describeSpeaker(speaker: Speaker): string {
  const affiliation = affiliationOf(speaker);
  const name = singleLine(speaker.name);
  return affiliation ? `${name}, ${affiliation}` : name;
}

/**
 * Speakers as an English list: "A and B", "A, B and C"; when the descriptions themselves
 * contain commas, three or more are separated by semicolons ("A, CTO; B, Editor; and C").
 */
export function describeSpeakers(speakers: readonly Speaker[]): string {
  const phrases = named(speakers).map(describeSpeaker);
  if (phrases.length <= 2) return phrases.join(' and ');
  const separator = phrases.some((phrase) => phrase.includes(',')) ? '; ' : ', ';
  const last = phrases[phrases.length - 1];
  return `${phrases.slice(0, -1).join(separator)}${separator === '; ' ? '; and ' : ' and '}${last}`;
}

/**
 * The speakers as a post introduces them, names in bold: one as "**Name**, Role at
 * Organisation" (an apposition, which a sentence closes with a comma before its verb), several
 * as "**A** (Role at Organisation), **B** and **C** (Role)", which reads without semicolons.
 */
export function speakerPhrase(speakers: readonly Speaker[]): { nodes: InlineNode[]; endsWithApposition: boolean } {
  const people = named(speakers);
  const bold = (speaker: Speaker): InlineNode => ({ kind: 'mark', mark: 'bold', children: [{ kind: 'text', text: singleLine(speaker.name) }] });
  if (people.length === 1) {
    const affiliation = affiliationOf(people[0]);
    return { nodes: affiliation ? [bold(people[0]), { kind: 'text', text: `, ${affiliation}` }] : [bold(people[0])], endsWithApposition: affiliation !== '' };
  }
  const nodes: InlineNode[] = [];
  people.forEach((speaker, index) => {
    if (index > 0) nodes.push({ kind: 'text', text: index === people.length - 1 ? ' and ' : ', ' });
    nodes.push(bold(speaker));
    const affiliation = affiliationOf(speaker);
    if (affiliation) nodes.push({ kind: 'text', text: ` (${affiliation})` });
  });
  return { nodes, endsWithApposition: false };
}

/**
 * The longest session heading that names the speakers: "Name, Role at Organisation: Title"
 * up to 80 characters (about one line of a blog's h2 on a laptop, two on a phone). Longer
 * than that, the heading is the title alone and the speakers open the section on their own line.
 */
export const MAX_SPEAKER_HEADING_LENGTH = 80;

export type SessionHeading = {
  text: string;
  /** The section's first line when the speakers did not fit in the heading; null when they did (or nobody is named). */
  speakerLine: InlineNode[] | null;
};

export function sessionHeading(session: Pick<Session, 'title' | 'speakers'>): SessionHeading {
  const title = singleLine(session.title);
  const speakers = describeSpeakers(session.speakers);
  if (!speakers) return { text: title, speakerLine: null };
  const combined = `${speakers}: ${title}`;
  if (Array.from(combined).length <= MAX_SPEAKER_HEADING_LENGTH) return { text: combined, speakerLine: null };
  return { text: title, speakerLine: speakerPhrase(session.speakers).nodes };
}
