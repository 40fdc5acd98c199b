import { useEffect } from 'react';
import type { EditorNotice } from './noteEditorContext';

/** How long an informational notice stays; errors stay until dismissed or replaced. */
const INFO_NOTICE_MS = 8000;

/** A message about something the editor refused or changed, shown above the note until dismissed. */
export function EditorNoticeBanner({ notice, onDismiss }: { notice: EditorNotice | null; onDismiss: () => void }) {
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(onDismiss, INFO_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);

  if (!notice) return null;
  return (
    <div className={`editor-notice editor-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.message}</span>
      <button type="button" className="icon-button" aria-label="Dismiss message" title="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
