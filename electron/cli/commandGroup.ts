import type { CliSession } from './cliSession';

export type Command = (args: string[], cli: CliSession) => Promise<void>;

/** One `hallnotes GROUP` word with its commands and texts. */
export type CommandGroup = {
  name: string;
  /** The usage lines, printed after a usage error. */
  usage: string;
  /** The full `hallnotes GROUP --help` text. */
  help: string;
  commands: Readonly<Record<string, Command>>;
};

/** A command that is one word, like `hallnotes import FILE`. */
export type SingleCommand = {
  name: string;
  usage: string;
  help: string;
  run: Command;
};
