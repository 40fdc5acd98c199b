import { NOT_A_PROGRAMME } from './detectFormat';
import { isObject, parseJson } from './jsonValues';
import { isPretalxWidget, parsePretalxWidget } from './pretalxWidgetProgramme';
import { ProgrammeFormatError, type ParseOptions, type ProgrammeDraft } from './programme';
import type { ProgrammeWarnings } from './programmeWarnings';
import { parseScheduleJson } from './scheduleJsonProgramme';
import { isSessionizeAllData, isSessionizeList, parseSessionize } from './sessionizeProgramme';

/**
 * A JSON programme: c3voc/pretalx schedule.json, Sessionize, or pretalx's widget JSON, told
 * apart by their shape. JSON of any other shape is refused in one sentence saying what Hallnotes
 * reads, never with a list of schema paths.
 */
export function parseJsonProgramme(text: string, options: ParseOptions, warnings: ProgrammeWarnings): ProgrammeDraft {
  const value = parseJson(text);
  if (isObject(value) && isObject(value.schedule)) return parseScheduleJson(value, options, warnings);
  if (isSessionizeAllData(value) || isSessionizeList(value)) return parseSessionize(value, options, warnings);
  if (isPretalxWidget(value)) return parsePretalxWidget(value, options, warnings);
  throw new ProgrammeFormatError(NOT_A_PROGRAMME);
}
