import type { Session } from '../../../shared/model/event';

/** Lower case, accents and other combining marks dropped: "Jürgen" is found by "jurgen". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words typed in the filter, folded; every one must match. */
export function filterWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/** What type-to-filter looks in: the title, the speakers (names and organisations) and the room, folded once per session. */
export function searchableText(session: Session): string {
  return foldText([session.title, session.room, ...session.speakers.flatMap((speaker) => [speaker.name, speaker.organisation])].join('\n'));
}

export function matchesWords(searchable: string, words: readonly string[]): boolean {
  return words.every((word) => searchable.includes(word));
}
