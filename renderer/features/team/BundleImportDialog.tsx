import { useEffect, useState } from 'react';
import type { BundleImportResult, BundlePreview } from '../../../shared/model/team';
import { api } from '../../api/bridge';
import { Dialog } from '../../ui/Dialog';
import { useNoteSaver } from '../note/noteSaverContext';
import { ExchangeReportList } from './ExchangeReportList';
import type { BundleUpload } from './readBundleFile';

type BundleImportDialogProps = { upload: BundleUpload; onImported: (result: BundleImportResult) => void; onClose: () => void };

/**
 * Shows what importing a colleague's bundle would do (a dry run in the services: into which
 * event, which sessions and notes come in, which notes both changed) and imports it only when
 * the reporter confirms. Unsaved typing is saved first, so the merge sees it.
 */
export function BundleImportDialog({ upload, onImported, onClose }: BundleImportDialogProps) {
  const saver = useNoteSaver();
  const [preview, setPreview] = useState<BundlePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void saver.flushAll().then(async () => {
      const result = await api['bundle:preview'](upload);
      if (!current) return;
      if (result.ok) setPreview(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [upload, saver]);

  async function confirm() {
    setBusy(true);
    await saver.flushAll();
    const result = await api['bundle:import'](upload);
    setBusy(false);
    if (result.ok) onImported(result.value);
    else setError(result.error.message);
  }

  return (
    <Dialog title="Import event bundle" onClose={onClose} size="medium">
      <div className="dialog-body bundle-preview">
        <p className="import-file">
          <strong>{upload.fileName}</strong>
        </p>
        {preview && <BundleSummary preview={preview} />}
        {!preview && !error && <p className="import-waiting">Checking the bundle…</p>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={() => void confirm()} disabled={busy || !preview || (preview.target.kind === 'same-event' && !preview.report.changed)}>
          {preview?.target.kind === 'new-event' ? 'Create event and import' : 'Import'}
        </button>
      </div>
    </Dialog>
  );
}

function BundleSummary({ preview }: { preview: BundlePreview }) {
  const from = `“${preview.bundleEvent.title}”, exported by ${preview.author || 'an unnamed author'} on ${new Date(preview.exportedAt).toLocaleString()}`;
  return (
    <div className="bundle-summary" aria-label="What the import will do">
      <p>{from}.</p>
      <p className="bundle-target">
        {preview.target.kind === 'new-event' ? (
          <>This library does not have this event yet: it becomes a new event.</>
        ) : (
          <>
            Merges into “{preview.target.eventTitle}” ({preview.target.matchedBy === 'event-id' ? 'the same event' : 'the same programme'}), session by session: nothing of yours is
            overwritten without a snapshot.
          </>
        )}
      </p>
      {preview.includesPrivate && <p className="field-hint">This bundle includes its author’s private notes (a personal backup).</p>}
      <ExchangeReportList report={preview.report} label="Merge preview" />
    </div>
  );
}
