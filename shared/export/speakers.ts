import type { Session, Speaker } from '../model/event';
import { singleLine } from './inlineContent';

/** "Name, Role at Organisation", leaving out whatever is missing: "Name, Role", "Name, Organisation", "Name". */
export function describeSpeaker(speaker: Speaker): string {
  const name = singleLine(speaker.name);
  const role = singleLine(speaker.role);
  const organisation = singleLine(speaker.organisation);
  const affiliation = role && organisation ? `${role} at ${organisation}` : role || organisation;
  return affiliation ? `${name}, ${affiliation}` : name;
}

/**
 * Speakers as an English list: "A and B", "A, B and C"; when the descriptions themselves
 * contain commas, three or more are separated by semicolons ("A, CTO; B, Editor; and C").
 */
export function describeSpeakers(speakers: readonly Speaker[]): string {
  const phrases = speakers.map(describeSpeaker).filter((phrase) => phrase !== '');
  if (phrases.length <= 2) return phrases.join(' and ');
  const separator = phrases.some((phrase) => phrase.includes(',')) ? '; ' : ', ';
  const last = phrases[phrases.length - 1];
  return `${phrases.slice(0, -1).join(separator)}${separator === '; ' ? '; and ' : ' and '}${last}`;
}

/** "Speakers: Title", or the title alone when nobody is named. */
export function sessionHeadingText(session: Pick<Session, 'title' | 'speakers'>): string {
  const title = singleLine(session.title);
  const speakers = describeSpeakers(session.speakers);
  return speakers ? `${speakers}: ${title}` : title;
}
