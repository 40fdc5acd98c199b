import type { Speaker } from '../../shared/model/event';
import { UsageError } from './cliArguments';

/** Reads one `--speaker "Name; Role; Organisation"`; role and organisation may be left out. */
export function parseSpeakerArgument(value: string): Speaker {
  const parts = value.split(';').map((part) => part.trim());
  if (parts.length > 3) {
    throw new UsageError(`--speaker takes "Name; Role; Organisation", but "${value}" has ${parts.length} parts separated by ";"`);
  }
  const [name, role = '', organisation = ''] = parts;
  if (name === '') throw new UsageError(`--speaker "${value}" has no name before the first ";"`);
  return { name, role, organisation };
}
