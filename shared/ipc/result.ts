/** Errors cross every transport as data, never as thrown exceptions. */
export const ERROR_CODES = [
  'invalid-argument',
  'not-found',
  'conflict',
  'damaged-file',
  'newer-format',
  'disk-full',
  'read-only',
  'library-missing',
  'io-error',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ServiceFailure = { code: ErrorCode; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceFailure };
