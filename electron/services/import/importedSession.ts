import type { Speaker } from '../../../shared/model/event';
import { htmlToText, singleLine } from './plainText';
import type { ImportedSession } from './programme';
import { sessionKindFrom } from './sessionKind';
import { endOnStartDay, type WallClock } from './zonedTime';

/** The event file's limits. */
const MAX_TITLE = 500;
const MAX_SHORT_TEXT = 200;
const MAX_SPEAKERS = 50;
const MAX_DESCRIPTION = 20_000;
/** As `sourceId` in the event file. */
export const MAX_SOURCE_ID = 300;

export type SessionSource = {
  sourceId: string;
  start: WallClock;
  end: WallClock | null;
  title: string | null | undefined;
  /** Type, category or track names, most telling first. */
  kindHints: (string | null | undefined)[];
  room?: string | null;
  speakers: { name: string; role?: string; organisation?: string }[];
  track?: string | null;
  /** May be HTML. */
  description?: string | null;
  cancelled?: boolean;
};

function cleanSpeakers(speakers: SessionSource['speakers']): Speaker[] {
  const seen = new Set<string>();
  const cleaned: Speaker[] = [];
  for (const speaker of speakers) {
    const name = singleLine(speaker.name, MAX_SHORT_TEXT);
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    cleaned.push({ name, role: singleLine(speaker.role, MAX_SHORT_TEXT), organisation: singleLine(speaker.organisation, MAX_SHORT_TEXT) });
  }
  return cleaned.slice(0, MAX_SPEAKERS);
}

/** Every parser builds its sessions here, so every format is cleaned and capped the same way. */
export function importedSession(source: SessionSource): ImportedSession {
  const title = singleLine(source.title, MAX_TITLE) || 'Untitled session';
  const track = singleLine(source.track, MAX_SHORT_TEXT);
  const description = htmlToText(source.description, MAX_DESCRIPTION);
  return {
    sourceId: singleLine(source.sourceId, MAX_SOURCE_ID) || `${source.start.date}T${source.start.time} ${title}`.slice(0, MAX_SOURCE_ID),
    date: source.start.date,
    start: source.start.time,
    end: endOnStartDay(source.start, source.end),
    title,
    kind: sessionKindFrom(source.kindHints, title),
    room: singleLine(source.room, MAX_SHORT_TEXT),
    speakers: cleanSpeakers(source.speakers),
    ...(track ? { track } : {}),
    ...(description ? { description } : {}),
    cancelled: source.cancelled ?? false,
  };
}
