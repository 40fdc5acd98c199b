import { useState } from 'react';
import type { Result } from '../../shared/ipc/result';

/**
 * Sends a form dialog's validated value to the services: busy while the call runs, closes the
 * dialog when it succeeds, and keeps the service's message to show when it fails.
 */
export function useDialogSubmit<Value>(onSubmit: (value: Value) => Promise<Result<unknown>>, onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  async function send(value: Value): Promise<void> {
    setBusy(true);
    const result = await onSubmit(value);
    setBusy(false);
    if (result.ok) onClose();
    else setSubmitError(result.error.message);
  }

  return { busy, submitError, send };
}
