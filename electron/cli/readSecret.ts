import { resolve } from 'node:path';
import { ServiceError } from '../services/storage/serviceError';
import { collectAtMost, readFileAtMost } from '../services/validation/readAtMost';
import type { CliIo } from './cliSession';

const MAX_SECRET_BYTES = 4096;
/** A destination's password or key for one command, instead of a stored one; never written anywhere. */
export const SECRET_ENVIRONMENT_VARIABLE = 'HALLNOTES_PUBLISH_SECRET';

/**
 * The secret from `--password-file FILE` (`-` reads the standard input), else from
 * $HALLNOTES_PUBLISH_SECRET, else null. Only the first line counts, so a trailing newline or a
 * note under it does not become part of the password. Never a command-line value: those end up
 * in shell history and in every process listing.
 */
export async function readSecret(passwordFile: string | undefined, io: CliIo): Promise<string | null> {
  if (passwordFile !== undefined) {
    const what = passwordFile === '-' ? 'the standard input' : resolve(io.cwd, passwordFile);
    let bytes: Buffer;
    if (passwordFile === '-') {
      if (!io.stdin) throw new ServiceError('invalid-argument', 'There is no standard input to read the password from.');
      bytes = await collectAtMost(io.stdin, MAX_SECRET_BYTES, what);
    } else bytes = await readFileAtMost(what, MAX_SECRET_BYTES, what);
    const secret = bytes.toString('utf8').split(/\r?\n/)[0].trim();
    if (secret === '') throw new ServiceError('invalid-argument', `${what} is empty: put the password (or Admin API key) on its first line.`);
    return secret;
  }
  const fromEnvironment = io.env[SECRET_ENVIRONMENT_VARIABLE]?.trim();
  return fromEnvironment ? fromEnvironment : null;
}
