/** Which note: the one of this session, in this event. */
export type NoteAddress = { eventId: string; sessionId: string };

/** One string per note, for maps keyed by note. */
export function noteKey(address: NoteAddress): string {
  return `${address.eventId}/${address.sessionId}`;
}
