import { useState } from 'react';
import type { ComposedPost } from '../../../shared/export/composePost';
import { renderHtml } from '../../../shared/export/html';
import { renderPlainText } from '../../../shared/export/plainText';
import type { ExportOptions } from '../../../shared/export/renderPost';
import { findTkMarkers, type TkMarker } from '../../../shared/export/tkMarkers';
import type { Result } from '../../../shared/ipc/result';
import { EXPORT_FORMATS, type ExistingExportChoice, type ExportFormat, type ExportResult } from '../../../shared/model/post';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { copyRichText } from './copyRichText';
import { TkMarkersBlocked } from './TkMarkersBlocked';

type ExportPanelProps = {
  post: ComposedPost;
  options: ExportOptions;
  onOptionsChange: (options: ExportOptions) => void;
  /**
   * Saves everything pending, then has the main process (or the host) write the file. Where there
   * is no save dialog (the host), `ifExists` says what to do with a file already there. The
   * export is refused while TK markers are left, unless `allowTkMarkers`.
   */
  onExport: (ifExists: ExistingExportChoice, allowTkMarkers: boolean) => Promise<Result<ExportResult>>;
};

const FORMAT_LABELS: Record<ExportFormat, string> = { html: 'HTML', markdown: 'Markdown', wordpress: 'WordPress blocks', text: 'Plain text (email)' };

type Outcome =
  | { kind: 'written'; message: string; problems: string[] }
  | { kind: 'copied' | 'kept' | 'error'; message: string }
  | { kind: 'blocked'; markers: TkMarker[]; action: 'export' | 'copy' }
  | null;

/** Export to a file in the chosen format, or copy the post as rich text. */
export function ExportPanel({ post, options, onOptionsChange, onExport }: ExportPanelProps) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  /** The earlier export in the way, while the reporter decides whether to replace it (and whether TK markers were already allowed). */
  const [existing, setExisting] = useState<{ path: string; allowTkMarkers: boolean } | null>(null);

  async function exportFile(ifExists: ExistingExportChoice, allowTkMarkers: boolean) {
    setExisting(null);
    setBusy(true);
    setOutcome(null);
    const result = await onExport(ifExists, allowTkMarkers);
    setBusy(false);
    if (!result.ok) setOutcome({ kind: 'error', message: result.error.message });
    else if (result.value.status === 'blocked') setOutcome({ kind: 'blocked', markers: result.value.tkMarkers, action: 'export' });
    else if (result.value.status === 'exists') setExisting({ path: result.value.path, allowTkMarkers });
    else if (result.value.status === 'written') {
      const { path, bytes, images, problems } = result.value;
      const photos = images === 0 ? '' : `, ${images === 1 ? 'one photo' : `${images} photos`} copied beside it`;
      const { folder, fileName } = splitPath(path);
      const verb = ifExists === 'replace' ? 'Replaced' : 'Saved';
      setOutcome({ kind: 'written', message: `${verb} “${fileName}” in ${folder} (${formatBytes(bytes)}${photos}).`, problems });
    }
  }

  function keepEarlierExport(path: string) {
    setExisting(null);
    setOutcome({ kind: 'kept', message: `Nothing was exported; “${splitPath(path).fileName}” is unchanged.` });
  }

  /** The clipboard is an export too: the same TK markers stop it, checked here on the post as shown. */
  function copy(allowTkMarkers: boolean) {
    const markers = allowTkMarkers ? [] : findTkMarkers(post);
    if (markers.length > 0) return setOutcome({ kind: 'blocked', markers, action: 'copy' });
    const copied = copyRichText(renderHtml(post, { document: false }), renderPlainText(post));
    setOutcome(copied ? { kind: 'copied', message: 'Copied as rich text and plain text.' } : { kind: 'error', message: 'The clipboard refused the copy; export to a file instead.' });
  }

  return (
    <section className="post-export" aria-label="Export">
      <div className="post-export-row">
        <Field label="Format">
          {(control) => (
            <select {...control} value={options.format} onChange={(event) => onOptionsChange({ ...options, format: event.target.value as ExportFormat })}>
              {EXPORT_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {FORMAT_LABELS[format]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {options.format === 'html' && (
          <label className="post-export-option">
            <input type="checkbox" checked={options.fragment} onChange={(event) => onOptionsChange({ ...options, fragment: event.target.checked })} />
            Fragment for pasting (no &lt;html&gt; around it)
          </label>
        )}
        {options.format === 'markdown' && (
          <label className="post-export-option">
            <input type="checkbox" checked={options.frontMatter} onChange={(event) => onOptionsChange({ ...options, frontMatter: event.target.checked })} />
            YAML front matter (Hugo, Jekyll, Ghost)
          </label>
        )}
      </div>
      <div className="post-export-actions">
        <button type="button" className="button button-primary" disabled={busy || post.isEmpty} onClick={() => void exportFile('ask', false)}>
          {busy ? 'Exporting…' : 'Export…'}
        </button>
        <button type="button" className="button" disabled={post.isEmpty} onClick={() => copy(false)}>
          Copy to clipboard
        </button>
      </div>
      {existing !== null && (
        <Dialog title="Replace the earlier export?" size="small" onClose={() => keepEarlierExport(existing.path)}>
          <div className="dialog-body">
            <p>
              “{splitPath(existing.path).fileName}” is already in {splitPath(existing.path).folder}. Replace it with this export, or keep both (this export gets the next free number)?
            </p>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => keepEarlierExport(existing.path)}>
              Cancel
            </button>
            <button type="button" className="button" onClick={() => void exportFile('keep-both', existing.allowTkMarkers)} autoFocus>
              Keep both
            </button>
            <button type="button" className="button button-danger" onClick={() => void exportFile('replace', existing.allowTkMarkers)}>
              Replace
            </button>
          </div>
        </Dialog>
      )}
      {post.isEmpty && <p className="post-export-note">The post includes no sessions yet: tick at least one to export it.</p>}
      {outcome?.kind === 'blocked' && (
        <TkMarkersBlocked markers={outcome.markers} action={outcome.action} onAnyway={() => (outcome.action === 'export' ? void exportFile('ask', true) : copy(true))} />
      )}
      {outcome && outcome.kind !== 'blocked' && (
        <div className={`post-export-outcome post-export-${outcome.kind}`} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          <p>{outcome.message}</p>
          {outcome.kind === 'written' && outcome.problems.length > 0 && (
            <ul>
              {outcome.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** The folder and the file name of a path the main process or the host wrote (either separator). */
function splitPath(path: string): { folder: string; fileName: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return { folder: path.slice(0, cut), fileName: path.slice(cut + 1) };
}
