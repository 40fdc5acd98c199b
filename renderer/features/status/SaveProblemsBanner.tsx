import { useNoteSaver } from '../note/noteSaverContext';
import { useSaveProblems } from './useSaveProblems';

/**
 * Across the top of the app while any note cannot be saved (disk full, read-only, library
 * folder gone…): says so, says why, and that the text is safe in this window. It disappears
 * by itself once the saver's retries succeed.
 */
export function SaveProblemsBanner() {
  const { failing, latestMessage } = useSaveProblems(useNoteSaver());
  if (failing === 0) return null;
  return (
    <div className="save-problems-banner" role="status" aria-live="assertive" aria-label="Notes are not being saved">
      <strong>Notes are not being saved.</strong> {latestMessage}{' '}
      {failing === 1 ? 'One note has' : `${failing} notes have`} changes that are kept in this window and saved as soon as writing works again. Keep
      Hallnotes open until then.
    </div>
  );
}
