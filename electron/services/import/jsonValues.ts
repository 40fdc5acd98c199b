import type { ZodType, output } from 'zod';
import { ProgrammeFormatError } from './programme';

const MAX_LISTED_PROBLEMS = 3;

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const truncated = /end of (JSON|data)|Unterminated/i.test(message) ? '; the file looks truncated' : '';
    throw new ProgrammeFormatError(`it is not valid JSON (${message})${truncated}.`);
  }
}

/** Checks a value of a format already recognised; each problem is recorded with its path. */
export function validated<Schema extends ZodType>(schema: Schema, value: unknown, path: (string | number)[], problems: string[]): output<Schema> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push(`${formatPath([...path, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))])}: ${issue.message.replace(/^Invalid input: /, '')}`);
  }
  return null;
}

/** `schedule.conference.days[0].rooms["Gray Room"][2].id` */
export function formatPath(path: (string | number)[]): string {
  return (
    path.reduce<string>((text, key) => {
      if (typeof key === 'number') return `${text}[${key}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return text ? `${text}.${key}` : key;
      return `${text}[${JSON.stringify(key)}]`;
    }, '') || 'the top level'
  );
}

/** A file of a recognised JSON format with fields that are wrong: the first few, with their paths. */
export function invalidJson(formatName: string, problems: string[]): ProgrammeFormatError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  const more = problems.length > MAX_LISTED_PROBLEMS ? ` (and ${problems.length - MAX_LISTED_PROBLEMS} more problems)` : '';
  return new ProgrammeFormatError(`it is not a valid ${formatName}: ${listed}${more}.`);
}

/** pretalx and Sessionize may write `{ "en": "…", "de": "…" }` where a text can be translated. */
export function localized(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const texts = value as Record<string, unknown>;
    const chosen = texts.en ?? Object.values(texts).find((text) => typeof text === 'string');
    return typeof chosen === 'string' ? chosen : '';
  }
  return '';
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
