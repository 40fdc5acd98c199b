// Arguments are parsed with Node's built-in util.parseArgs rather than commander: commander 15
// needs Node 22, and Hallnotes supports Node 20.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { idSchema } from '../../shared/model/event';

/** A mistake in how the command was typed; reported with the command's usage and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type OptionValue<Option extends OptionsConfig[string]> = Option['type'] extends 'boolean' ? boolean : string;
/** What parseArgs returns for `options` under strict parsing, without its generic machinery. */
type ParsedCommandLine<Options extends OptionsConfig> = {
  values: { [Name in keyof Options]?: Options[Name] extends { multiple: true } ? OptionValue<Options[Name]>[] : OptionValue<Options[Name]> };
  positionals: string[];
};

/** The options every command takes. */
export const COMMON_OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies OptionsConfig;

/** `--help` or `-h` anywhere before a `--`, so help works even while required options are missing. */
export function isHelpRequest(args: readonly string[]): boolean {
  const beforeSeparator = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  return beforeSeparator.some((arg) => arg === '--help' || arg === '-h');
}

/** Parses one command's arguments strictly, naming the offending option on a mistake. */
export function parseCommandLine<const Options extends OptionsConfig>(
  args: readonly string[],
  options: Options,
  positionalNames: readonly string[],
): ParsedCommandLine<Options> {
  let parsed: ParsedCommandLine<Options>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true }) as ParsedCommandLine<Options>;
  } catch (error) {
    throw toUsageError(error);
  }
  if (parsed.positionals.length > positionalNames.length) {
    const extra = parsed.positionals[positionalNames.length];
    throw new UsageError(`unexpected argument "${extra}"`);
  }
  if (parsed.positionals.length < positionalNames.length) {
    throw new UsageError(`missing ${positionalNames[parsed.positionals.length]}`);
  }
  return parsed;
}

function toUsageError(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${option}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('does not take an argument')) return new UsageError(`${option} does not take a value`);
    if (message.includes('ambiguous')) return new UsageError(`${option} needs a value (for a value starting with "-", write ${option}=-value)`);
    return new UsageError(`${option} needs a value`);
  }
  return new UsageError(message.split('\n')[0]);
}

export function requireOption(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`missing required option ${flag}`);
  return value;
}

export function parseWholeNumber(value: string, flag: string): number {
  if (!/^\d{1,6}$/.test(value)) throw new UsageError(`${flag} must be a whole number such as 1, not "${value}"`);
  return Number(value);
}

/** Ids name folders on disk, so anything else (a path, a typo with a slash) is refused before use. */
export function parseId(value: string, name: string): string {
  if (!idSchema.safeParse(value).success) {
    throw new UsageError(`${name} must be an id as printed by hallnotes (lower-case letters, digits and dashes), not "${value}"`);
  }
  return value;
}
