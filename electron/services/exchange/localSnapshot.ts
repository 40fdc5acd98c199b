import type { EventFile } from '../../../shared/model/event';
import type { PostFile } from '../../../shared/model/post';
import type { NoteFile } from '../../../shared/note/noteFile';
import type { StoredIncomingVersion } from './incomingVersions';

/** An event as this library holds it, read through the stores, for one exchange. */
export type LocalSnapshot = {
  event: EventFile;
  /** By local session id; sessions without a note are absent. */
  notes: Map<string, NoteFile>;
  /** Notes that could not be read (damaged, quarantined), by local session id: left out of the exchange, never overwritten. */
  unreadable: Map<string, string>;
  /** Stored post files by key ("day-1", "whole-event"). */
  posts: Map<string, PostFile>;
  /** Photo file names in the event's assets folder. */
  assets: string[];
  /** Teammates' versions kept beside this library's own, by local session id. */
  incoming: Map<string, StoredIncomingVersion[]>;
};

export function postKeyOf(day: number | null): string {
  return day === null ? 'whole-event' : `day-${day}`;
}

/** "day-3" → 3, "whole-event" → null, anything else → undefined. */
export function postDayOf(key: string): number | null | undefined {
  if (key === 'whole-event') return null;
  const match = /^day-([1-9]\d?)$/.exec(key);
  return match ? Number(match[1]) : undefined;
}
