import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/**
 * Turns a validator's issues into one message per field, keyed by the dotted path
 * (`title`, `speakers.0.name`). A message that starts with "must" is prefixed with the
 * field's label ("Title must not be empty"); a sentence of its own is only capitalised.
 */
export function fieldErrors(error: z.ZodError, labels: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.');
    if (errors[key]) continue;
    const label = labels[key] ?? labels[String(issue.path.at(-1))] ?? 'This field';
    errors[key] = issue.message.startsWith('must') ? `${label} ${issue.message}.` : `${capitalise(issue.message)}.`;
  }
  return errors;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Moves focus to the first control marked invalid, after React has rendered the messages. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * The errors shown that are still true: after a failed submit, each change checks the form
 * again and a message goes as soon as its field is right (no new ones appear before the next submit).
 */
export function errorsStillTrue(shown: FieldErrors, now: FieldErrors): FieldErrors {
  const kept: FieldErrors = {};
  for (const key of Object.keys(shown)) if (now[key]) kept[key] = now[key];
  return kept;
}
