import { ServiceError } from '../storage/serviceError';
import { parseCsv } from './csvProgramme';
import { decodeProgrammeText } from './decodeProgrammeText';
import { detectFormat } from './detectFormat';
import { finishProgramme } from './finishProgramme';
import { parseFrabXml } from './frabXmlProgramme';
import { parseIcs } from './icsProgramme';
import { ProgrammeFormatError, type ImportedProgramme, type ParseOptions, type ProgrammeDraft, type ProgrammeFormat } from './programme';
import { ProgrammeWarnings } from './programmeWarnings';
import { parseJsonProgramme } from './jsonProgramme';

const PARSERS: Record<ProgrammeFormat, (text: string, options: ParseOptions, warnings: ProgrammeWarnings) => ProgrammeDraft> = {
  ics: parseIcs,
  'frab-xml': parseFrabXml,
  json: parseJsonProgramme,
  csv: parseCsv,
};

const FORMAT_NAMES: Record<ProgrammeFormat, string> = {
  ics: 'an iCalendar file',
  'frab-xml': 'a schedule.xml',
  json: 'JSON',
  csv: 'a CSV programme',
};

/**
 * Reads a programme file of any supported format, whole or not at all: anything that is not a
 * valid programme throws one `invalid-argument` error naming the file and what is wrong with it.
 */
export function parseProgrammeFile(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): ImportedProgramme {
  let format: ProgrammeFormat | undefined;
  try {
    const warnings = new ProgrammeWarnings();
    const text = decodeProgrammeText(bytes, warnings);
    format = detectFormat(fileName, text);
    return finishProgramme(PARSERS[format](text, options, warnings), warnings);
  } catch (error) {
    if (error instanceof ProgrammeFormatError) throw new ServiceError('invalid-argument', `${fileName}: ${error.message}`);
    // A library failing on input its checks let through is still a problem with this file.
    const reading = format ? ` as ${FORMAT_NAMES[format]}` : '';
    throw new ServiceError('invalid-argument', `${fileName}: could not be read${reading}: ${(error as Error).message}`);
  }
}
