import { composePost } from '../../../shared/export/composePost';
import { AS_STORED, noteToBlocks } from '../../../shared/export/noteToBlocks';
import { findTkMarkers, summarizeTkMarkers, type TkMarker } from '../../../shared/export/tkMarkers';
import { imagesOf } from '../../../shared/export/postImages';
import type { Session } from '../../../shared/model/event';
import { sessionsForPost, type AttentionItem, type PostTextPart } from '../../../shared/model/post';
import { assetFileOf } from '../../../shared/note/assetPath';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { ASSET_REFUSALS, locateAssetFile, type AssetLocation } from '../assets/assetFile';
import type { LibraryPaths } from '../library/libraryPaths';
import { inspectNote } from './noteInspection';
import { imageSources } from './postImages';
import type { LoadedPost } from './resolvePost';

type Part = { label: string; sessionId: string | null; part?: PostTextPart; note: SerializedNoteState | null };

/**
 * What the reporter should look at before publishing: TK markers (exactly those that stop an
 * export, wherever the post shows them), included sessions with
 * nothing to say, speakers without a role, links the export will drop, photos that are
 * missing, outside the event's assets folder or without any words for readers who cannot
 * see them, and (once the reporter has picked sessions by
 * hand) covered sessions left out. Private notes are never looked at.
 */
export async function postAttention(loaded: LoadedPost, paths: LibraryPaths): Promise<AttentionItem[]> {
  const { input, event, day, settings } = loaded;
  // The export's own check (a regular file inside the library), so this list flags every photo the export and publishing refuse.
  const locate = (src: string) => locateAssetFile(paths, event.id, assetFileOf(src) ?? '');
  // The very markers that stop an export, counted where they are.
  const tkMarkers = findTkMarkers(composePost(input));
  const tkItems = (where: string, sessionId: string | null) => tkAttention(where, sessionId, tkMarkers.filter((marker) => marker.sessionId === sessionId && (sessionId !== null || marker.where === where)));
  const items: AttentionItem[] = [...tkItems('The title', null), ...tkItems('The intro', null), ...(await noteAttention({ label: 'The intro', sessionId: null, part: 'intro', note: input.intro }, locate))];
  for (const { session, note } of input.sections) {
    items.push(...tkItems(`“${session.title}”`, session.id), ...(await noteAttention({ label: `“${session.title}”`, sessionId: session.id, note }, locate)));
    if (!loaded.unreadableSessionIds.has(session.id) && noteToBlocks(note, AS_STORED).length === 0) items.push(emptyNote(session));
    for (const speaker of session.speakers.filter((candidate) => candidate.role.trim() === '')) {
      items.push({ kind: 'speaker-without-role', sessionId: session.id, message: `“${session.title}”: ${speaker.name} has no role.` });
    }
  }
  items.push(...tkItems('The closing', null), ...(await noteAttention({ label: 'The closing', sessionId: null, part: 'closing', note: input.closing }, locate)), ...tkItems('The byline', null));

  if (settings.sessionIds !== null) {
    const included = new Set(input.sections.map((section) => section.session.id));
    for (const session of sessionsForPost(event, day).filter((candidate) => candidate.status === 'covered' && !included.has(candidate.id))) {
      items.push({ kind: 'covered-not-included', sessionId: session.id, message: `“${session.title}” is marked covered but is not in the post.` });
    }
  }
  return items;
}

async function noteAttention({ label, sessionId, part, note }: Part, locate: (src: string) => Promise<AssetLocation>): Promise<AttentionItem[]> {
  const findings = inspectNote(note);
  const items: AttentionItem[] = [];
  for (const url of findings.unsafeLinks) {
    items.push({ kind: 'unsafe-link', sessionId, message: `${label} links to “${clip(url)}”, which is not an http(s) or mailto address; the post keeps the text without the link.` });
  }
  const blocks = noteToBlocks(note, AS_STORED);
  const shown = new Set(imageSources(blocks));
  for (const src of findings.images.filter((candidate) => !shown.has(candidate))) {
    items.push({ kind: 'missing-image', sessionId, message: `${label} has a photo (${clip(src) || 'no file'}) outside the event's assets folder; the post leaves it out.` });
  }
  for (const src of shown) {
    const location = await locate(src);
    if (location.found) continue;
    const refused = location.reason === 'missing' ? '.' : ': exports do not copy it and publishing refuses it. Add the photo to the note again.';
    items.push({ kind: 'missing-image', sessionId, message: `${label} shows the photo ${src}, which ${ASSET_REFUSALS[location.reason]}${refused}` });
  }
  for (const { src } of imagesOf(blocks).filter((image) => image.alt === '')) {
    // Described right in the list, wherever the photo is: `part` says which of the post's own texts holds it.
    items.push({ kind: 'photo-without-description', sessionId, photo: part ? { src, part } : { src }, message: `${label} has a photo with no description or caption: readers who cannot see it get nothing.` });
  }
  return items;
}

function tkAttention(where: string, sessionId: string | null, markers: readonly TkMarker[]): AttentionItem[] {
  if (markers.length === 0) return [];
  return [{ kind: 'tk-marker', sessionId, message: `${where} still has ${summarizeTkMarkers(markers).count} to check.` }];
}

function emptyNote(session: Session): AttentionItem {
  const message = session.status === 'covered' ? `“${session.title}” is marked covered but its note is empty.` : `“${session.title}” is in the post but its note is empty.`;
  return { kind: 'empty-note', sessionId: session.id, message };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
