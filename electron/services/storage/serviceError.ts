import type { ErrorCode, ServiceFailure } from '../../../shared/ipc/result';

/** An error meant for the user: its message names what went wrong and where. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  toFailure(): ServiceFailure {
    return { code: this.code, message: this.message };
  }
}

/** A file failed validation and was moved aside; says where, so the damage can be recorded and shown later. */
export class DamagedFileError extends ServiceError {
  constructor(
    message: string,
    readonly movedTo: string,
    readonly reason: string,
  ) {
    super('damaged-file', message);
  }
}

const ERRNO_CODES: Record<string, { code: ErrorCode; reason: string }> = {
  ENOSPC: { code: 'disk-full', reason: 'the disk is full' },
  EDQUOT: { code: 'disk-full', reason: 'the disk quota is used up' },
  EROFS: { code: 'read-only', reason: 'the disk is read-only' },
  EACCES: { code: 'read-only', reason: 'permission was denied' },
  EPERM: { code: 'read-only', reason: 'the operation was not permitted' },
  ENOENT: { code: 'library-missing', reason: 'the folder no longer exists' },
  ENOTDIR: { code: 'library-missing', reason: 'a folder in the path is not a folder' },
  EIO: { code: 'io-error', reason: 'the disk reported an input/output error' },
};

/** Turns a Node file-system error into a ServiceError that says what could not be done and why. */
export function fileSystemError(action: string, error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  const known = errno ? ERRNO_CODES[errno] : undefined;
  if (known) return new ServiceError(known.code, `Could not ${action}: ${known.reason}.`);
  const detail = error instanceof Error ? error.message : String(error);
  return new ServiceError('io-error', `Could not ${action}: ${detail}`);
}

/** The library folder itself is gone: most often a drive that was removed. */
export function libraryMissingError(root: string): ServiceError {
  return new ServiceError('library-missing', `The library folder ${root} cannot be found: was a drive removed, or the folder renamed or moved?`);
}
