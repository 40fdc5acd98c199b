import type { output, ZodType } from 'zod';
import { ServiceError } from '../storage/serviceError';

/** Hostile input (a megabyte-long key, a note nested thousands deep) must not come back as a megabyte-long message. */
const MAX_DETAIL_LENGTH = 300;

/** Validates a value, turning the first problem into an `invalid-argument` error that names the field. */
export function parseOrThrow<Schema extends ZodType>(schema: Schema, value: unknown, what: string): output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `${issue.path.join('.')} ` : '';
  throw new ServiceError('invalid-argument', `Invalid ${what}: ${clipMiddle(`${where}${issue.message}`)}.`);
}

/** Keeps both ends: the start names the field, the end says what is wrong with it. */
function clipMiddle(text: string): string {
  if (text.length <= MAX_DETAIL_LENGTH) return text;
  const half = Math.floor(MAX_DETAIL_LENGTH / 2);
  return `${text.slice(0, half)}…${text.slice(-half)}`;
}
