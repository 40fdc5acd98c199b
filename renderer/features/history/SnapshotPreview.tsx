import { useCallback } from 'react';
import { assetUrl } from '../../../shared/note/assetPath';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { ReadOnlyNote } from '../../editor/ReadOnlyNote';

/** A snapshot shown as the note looked, read-only, photos included. Mount with `key={snapshotId}`: the state is read once. */
export function SnapshotPreview({ eventId, editorState }: { eventId: string; editorState: SerializedNoteState }) {
  const photoUrl = useCallback((src: string) => assetUrl(eventId, src), [eventId]);
  return <ReadOnlyNote state={editorState} photoUrl={photoUrl} label="Snapshot preview" className="snapshot-preview" />;
}
