import { useEffect, useState } from 'react';
import { noteKey, type NoteAddress } from './noteSaver';
import { useNoteSaver } from './noteSaverContext';

/**
 * Says in words that a save found the note changed elsewhere (the CLI, another window) and kept
 * that version in the history. Kept per note until dismissed, also for a note switched away from.
 */
export function KeptVersionNotice({ address }: { address: NoteAddress }) {
  const saver = useNoteSaver();
  const [notices, setNotices] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => saver.subscribeKeptVersions((saved, message) => setNotices((current) => new Map(current).set(noteKey(saved), message))), [saver]);
  const key = noteKey(address);
  const message = notices.get(key);
  if (!message) return null;
  const dismiss = () =>
    setNotices((current) => {
      const next = new Map(current);
      next.delete(key);
      return next;
    });
  return (
    <div className="kept-version-notice" role="status">
      <span>{message}</span>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
