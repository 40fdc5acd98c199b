import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

type DialogProps = { title: string; onClose: () => void; children: ReactNode; size?: 'small' | 'medium' | 'large' };

/** Where the keyboard starts in a dialog: the control marked for it, else its first field. */
const INITIAL_FOCUS = '[data-autofocus]';
const FIRST_FIELD = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * A modal built on the native <dialog>: the browser traps focus, Escape closes it and the
 * rest of the page is inert while it is open. It opens with the keyboard in the control marked
 * `data-autofocus`, or else in its first field, so what is typed right after the shortcut that
 * opened it lands there. (showModal() would put it on the first button, the Close button, where
 * typing goes nowhere and Enter closes the dialog; React's autoFocus runs before showModal, while
 * the dialog is still closed and nothing in it can take focus.)
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
    (dialog.querySelector<HTMLElement>(INITIAL_FOCUS) ?? dialog.querySelector<HTMLElement>(FIRST_FIELD))?.focus();
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
