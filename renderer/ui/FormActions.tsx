/** The Cancel and submit buttons that end every form dialog; `busy` disables submitting twice. */
export function FormActions({ submitLabel, onCancel, busy = false }: { submitLabel: string; onCancel: () => void; busy?: boolean }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button-primary" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}
