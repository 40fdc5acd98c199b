import type { output, ZodType } from 'zod';
import { ServiceError } from '../storage/serviceError';

/** Validates a value, turning the first problem into an `invalid-argument` error that names the field. */
export function parseOrThrow<Schema extends ZodType>(schema: Schema, value: unknown, what: string): output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `${issue.path.join('.')} ` : '';
  throw new ServiceError('invalid-argument', `Invalid ${what}: ${where}${issue.message}.`);
}
