import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { sha256Hex } from './canonicalJson';

/**
 * A note as the team shares it: the versions nobody has replaced yet ("heads"), and the ids of
 * every version somebody replaced ("superseded"). Editing a note replaces the version it
 * started from; choosing between two versions replaces the other. Two libraries merge by
 * taking every head and dropping what either side replaced, so:
 * - a note only one side changed ends as that side's version (its old version was replaced);
 * - a note both sides changed ends with two heads: both are kept, neither wins silently;
 * - merging the same state twice, or in another order, gives the same result.
 */
export type NoteVersion = {
  /** 16 hex digits, derived from the content and the version it replaced. */
  id: string;
  author: string;
  savedAt: string;
  /** SHA-256 of the shared content (private blocks left out), in canonical JSON. */
  contentHash: string;
  /** The shared content: no private blocks. */
  editorState: SerializedNoteState;
  /** The whole note with its private blocks, only in a bundle exported with them (the reporter's own backup). */
  privateState?: SerializedNoteState;
};

export type SharedNote = { heads: NoteVersion[]; superseded: string[] };

export const EMPTY_SHARED_NOTE: SharedNote = { heads: [], superseded: [] };

export const NOTE_VERSION_ID = /^[0-9a-f]{16}$/;

/** The id of a new version: a text typed again after an undo is still a new version, because its predecessor differs. */
export function nextVersionId(contentHash: string, replacedId: string | null): string {
  return sha256Hex(`${contentHash}\n${replacedId ?? 'first'}`).slice(0, 16);
}

export function mergeSharedNotes(a: SharedNote, b: SharedNote): SharedNote {
  const superseded = new Set([...a.superseded, ...b.superseded]);
  const byId = new Map<string, NoteVersion>();
  for (const head of [...a.heads, ...b.heads]) {
    const known = byId.get(head.id);
    if (!known) byId.set(head.id, head);
    else if (!known.privateState && head.privateState) byId.set(head.id, { ...known, privateState: head.privateState });
  }
  // Two people who typed the same text made the same note: one version stays, the lowest id, on every machine.
  const byContent = new Map<string, NoteVersion>();
  for (const head of [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    if (superseded.has(head.id)) continue;
    if (byContent.has(head.contentHash)) superseded.add(head.id);
    else byContent.set(head.contentHash, head);
  }
  return { heads: [...byContent.values()], superseded: [...superseded].sort() };
}

/** The head a library shows when it must pick one: the newest, the same on every machine. */
export function newestHead(heads: readonly NoteVersion[]): NoteVersion | null {
  let newest: NoteVersion | null = null;
  for (const head of heads) {
    if (!newest || head.savedAt > newest.savedAt || (head.savedAt === newest.savedAt && head.id < newest.id)) newest = head;
  }
  return newest;
}
