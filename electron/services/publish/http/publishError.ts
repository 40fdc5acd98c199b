import type { ErrorCode } from '../../../../shared/ipc/result';
import { RETRYABLE_PROBLEMS, type PublishProblem } from '../../../../shared/model/publish';
import { ServiceError } from '../../storage/serviceError';

const ERROR_CODES: Partial<Record<PublishProblem, ErrorCode>> = {
  offline: 'io-error',
  timeout: 'io-error',
  server: 'io-error',
  'remote-edited': 'conflict',
  'remote-deleted': 'not-found',
  'unknown-destination': 'not-found',
};

/** A request to a site that did not work, with why (`problem`) and a message written for the reporter. */
export class PublishError extends ServiceError {
  constructor(
    readonly problem: PublishProblem,
    message: string,
  ) {
    super(ERROR_CODES[problem] ?? 'invalid-argument', message);
    this.name = 'PublishError';
  }

  /** Whether trying again later can work without anybody changing anything. */
  get retryable(): boolean {
    return RETRYABLE_PROBLEMS.has(this.problem);
  }
}
