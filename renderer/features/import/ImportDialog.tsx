import { useEffect, useState } from 'react';
import type { EventFile } from '../../../shared/model/event';
import type { ImportSummary } from '../../../shared/model/importSummary';
import { api } from '../../api/bridge';
import { Dialog } from '../../ui/Dialog';
import { formatDateRange } from '../../ui/format';
import { timeZoneOptions } from '../library/timeZones';
import { ImportWarnings } from './ImportWarnings';
import type { ProgrammeUpload } from './readProgrammeFile';

type ImportDialogProps = {
  upload: ProgrammeUpload;
  /** The open event, offered as the target next to a new event. */
  currentEvent: EventFile | null;
  onImported: (summary: ImportSummary) => void;
  onClose: () => void;
};

/** "new", or the id of the event to import into. */
type Target = 'new' | string;

/**
 * Shows what importing a programme would do (a dry run in the services) and imports it only
 * when the reporter confirms. Opened from inside an event it imports into that event; where the
 * library already holds the programme, into the event that holds it; else into a new event.
 */
export function ImportDialog({ upload, currentEvent, onImported, onClose }: ImportDialogProps) {
  const [target, setTarget] = useState<Target>(currentEvent?.id ?? 'new');
  // Set once the reporter picks a target; until then a programme found in the library moves the default to it.
  const [chosen, setChosen] = useState(false);
  const [holder, setHolder] = useState<{ eventId: string; title: string } | null>(null);
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);
  const [programmeZone, setProgrammeZone] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const request = { ...upload, ...(target !== 'new' ? { eventId: target } : { timeZone }) };

  useEffect(() => {
    let current = true;
    setPreview(null);
    setError(null);
    void api['import:preview'](request).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      const found = result.value.alreadyInLibrary;
      if (found && found.eventId !== currentEvent?.id) setHolder(found);
      if (target === 'new' && found && !chosen) {
        setTarget(found.eventId);
        return;
      }
      setPreview(result.value);
      if (target === 'new' && timeZone === undefined) setProgrammeZone(result.value.timezone);
    });
    return () => {
      current = false;
    };
    // The request is rebuilt each render; these are what it depends on.
  }, [upload, target, timeZone, currentEvent?.id]);

  function choose(next: Target) {
    setChosen(true);
    setTarget(next);
  }

  async function confirm() {
    setBusy(true);
    const result = await api['import:apply'](request);
    setBusy(false);
    if (result.ok) onImported(result.value);
    else setError(result.error.message);
  }

  const targets: { id: Target; label: string }[] = [
    { id: 'new', label: 'A new event' },
    ...(currentEvent ? [{ id: currentEvent.id, label: `“${currentEvent.title}”` }] : []),
    ...(holder ? [{ id: holder.eventId, label: `“${holder.title}” (already holds this programme)` }] : []),
  ];

  return (
    <Dialog title="Import programme" onClose={onClose} size="medium">
      <div className="dialog-body import-preview">
        <p className="import-file">
          <strong>{upload.fileName}</strong>
        </p>
        {targets.length > 1 && (
          <fieldset className="import-target">
            <legend>Import into</legend>
            {targets.map((option) => (
              <label key={option.id}>
                <input type="radio" name="import-target" checked={target === option.id} onChange={() => choose(option.id)} /> {option.label}
              </label>
            ))}
          </fieldset>
        )}
        {holder && (
          <p className="import-already" role="status">
            Your library already holds this programme as “{holder.title}”
            {target === holder.eventId ? ': importing updates it. Choose “A new event” for a second copy.' : '.'}
          </p>
        )}
        {target === 'new' && programmeZone && (
          <label className="field">
            <span className="field-label">Show times in</span>
            <select value={timeZone ?? ''} onChange={(event) => setTimeZone(event.target.value || undefined)}>
              <option value="">The programme’s zone ({programmeZone.replaceAll('_', ' ')})</option>
              {timeZoneOptions(programmeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </label>
        )}
        {preview ? <PreviewSummary preview={preview} /> : !error && <p className="import-waiting">Reading the programme…</p>}
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
        <button type="button" className="button button-primary" onClick={() => void confirm()} disabled={busy || !preview}>
          {preview?.created ? 'Create event and import' : 'Import'}
        </button>
      </div>
    </Dialog>
  );
}

function PreviewSummary({ preview }: { preview: ImportSummary }) {
  const rows: [string, number][] = [
    ['Sessions to add', preview.added],
    ['Sessions to update', preview.updated],
    ['Sessions left as they are', preview.unchanged],
    ['Gone from the programme, kept and flagged (they have notes or are on your list)', preview.flagged],
    ['Gone from the programme, removed (no notes)', preview.removed],
  ];
  return (
    <div className="import-summary" aria-label="What the import will do">
      <p>
        {preview.created ? <>A new event, “{preview.title}”: </> : <>“{preview.title}”: </>}
        {preview.days} {preview.days === 1 ? 'day' : 'days'}, {formatDateRange(preview.startDate, preview.endDate)}, times in {preview.timezone.replaceAll('_', ' ')}.
      </p>
      <dl className="import-counts">
        {rows.map(([label, count]) => (
          <div key={label} className={count > 0 ? 'import-count' : 'import-count import-count-zero'}>
            <dt>{label}</dt>
            <dd>{count}</dd>
          </div>
        ))}
      </dl>
      <ImportWarnings warnings={preview.warnings} />
    </div>
  );
}
