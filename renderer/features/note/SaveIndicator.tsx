import { formatSavedTime } from '../../ui/format';
import type { NoteAddress } from './noteSaver';
import { useSaveStatus } from './useSaveStatus';

type SaveIndicatorProps = { address: NoteAddress; loadedSavedAt: string | null };

/** "Saving…", "Saved 14:03:12" or "Not saved" in the toolbar; idle shows when the opened note was last saved. */
export function SaveIndicator({ address, loadedSavedAt }: SaveIndicatorProps) {
  const status = useSaveStatus(address);
  const text =
    status.kind === 'error'
      ? 'Not saved'
      : status.kind === 'saved'
        ? `Saved ${formatSavedTime(status.savedAt)}`
        : status.kind === 'idle'
          ? loadedSavedAt
            ? `Saved ${formatSavedTime(loadedSavedAt)}`
            : 'New note'
          : 'Saving…';
  return (
    <p className={`save-indicator${status.kind === 'error' ? ' save-indicator-error' : ''}`} role="status" data-state={status.kind}>
      {text}
    </p>
  );
}

/** The reason the last save failed, shown in full until a save succeeds; or what a save had to repair to store the note at all. */
export function SaveErrorBanner({ address }: { address: NoteAddress }) {
  const status = useSaveStatus(address);
  if (status.kind === 'saved' && status.repaired) {
    return (
      <div className="save-error-banner save-repaired-banner" role="status">
        <strong>Part of this note could not be stored as it was</strong> ({status.repaired.join('; ')}). It was saved with that part simplified, so no
        word is lost; the note will open that way next time.
      </div>
    );
  }
  if (status.kind !== 'error') return null;
  return (
    <div className="save-error-banner" role="alert">
      <strong>This note could not be saved.</strong> {status.message} Your text is kept here and Hallnotes tries again every few seconds.
    </div>
  );
}
