import { useRef, useState } from 'react';
import type { EventFile } from '../../../shared/model/event';
import type { BundleImportResult } from '../../../shared/model/team';
import { BUNDLE_EXTENSION } from '../../../shared/model/team';
import { api } from '../../api/bridge';
import { BundleImportDialog } from './BundleImportDialog';
import { readBundleFile, type BundleUpload } from './readBundleFile';
import { announceTeamChange } from './teamChanges';

type BundleImportButtonProps = {
  openEventId: string | null;
  onOpenEventChanged: (event: EventFile) => void;
  onOpenEvent: (eventId: string) => void;
  onLibraryChanged: () => void;
  className?: string;
};

/** "Import a bundle…": chooses a colleague's .hallnotes file, previews the merge and imports it. */
export function BundleImportButton({ openEventId, onOpenEventChanged, onOpenEvent, onLibraryChanged, className = 'button button-small bundle-import-button' }: BundleImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<BundleUpload | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose(file: File) {
    const read = await readBundleFile(file);
    setError(read.ok ? null : read.message);
    if (read.ok) setUpload(read.upload);
  }

  async function imported(result: BundleImportResult) {
    setUpload(null);
    onLibraryChanged();
    announceTeamChange({ eventId: result.eventId, notesReplaced: [...result.report.notesUpdated, ...result.report.notesAdded].map((change) => change.sessionId) });
    if (result.eventId !== openEventId) return onOpenEvent(result.eventId);
    const event = await api['events:get']({ eventId: result.eventId });
    if (event.ok) onOpenEventChanged(event.value);
  }

  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()} title="Merge a colleague's event bundle (.hallnotes) into this library">
        Import a bundle…
      </button>
      <input
        ref={input}
        type="file"
        accept={`${BUNDLE_EXTENSION},application/zip`}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Event bundle to import"
        onChange={(change) => {
          const file = change.target.files?.[0];
          change.target.value = '';
          if (file) void choose(file);
        }}
      />
      {error && (
        <p className="form-error bundle-error" role="alert">
          {error}
        </p>
      )}
      {upload && <BundleImportDialog upload={upload} onImported={(result) => void imported(result)} onClose={() => setUpload(null)} />}
    </>
  );
}
