import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

type DialogProps = { title: string; onClose: () => void; children: ReactNode; size?: 'small' | 'medium' | 'large' };

/**
 * A modal built on the native <dialog>: the browser traps focus, Escape closes it and the
 * rest of the page is inert while it is open.
 */
export function Dialog({ title, onClose, children, size = 'medium' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // A layout effect, so close() runs while the dialog is still in the document and the browser
  // returns focus to whatever had it before the dialog opened.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
