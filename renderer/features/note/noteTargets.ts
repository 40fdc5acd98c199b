import { assetUrl } from '../../../shared/note/assetPath';
import { api } from '../../api/bridge';
import type { NoteSaveTarget, PhotoStore } from '../../editor/noteEditorContext';
import type { NoteAddress, NoteSaver } from './noteSaver';

/** The editor's save target for one note: its changes go to `saver` under `address`. Make one per note shown. */
export function noteSaveTarget(saver: NoteSaver, address: NoteAddress): NoteSaveTarget {
  const { eventId, sessionId } = address;
  return {
    change: (state) => saver.change({ eventId, sessionId }, state),
    flush: () => void saver.flush({ eventId, sessionId }),
  };
}

/** The photos of one event, stored through the services and shown from event-assets/<eventId>/. */
export function eventPhotoStore(eventId: string): PhotoStore {
  return {
    store: (photo) => api['assets:store']({ eventId, ...photo }),
    url: (src) => assetUrl(eventId, src),
  };
}
