import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NOT_A_PROGRAMME } from './detectFormat';
import { singleLine } from './plainText';
import { importedSession } from './importedSession';
import { ProgrammeFormatError, type ImportedSession, type ParseOptions, type ProgrammeDraft } from './programme';
import { frabDay, frabDurationMinutes, frabEventStart, frabZones, offsetSampleOf, toTargetZone, type FrabDay, type FrabZones } from './frabTimes';
import { sessionLabel, type ProgrammeWarnings } from './programmeWarnings';
import { asNodes, attributeOf, textOf, type XmlNode } from './xmlValues';
import { addMinutes, normaliseTimeOfDay } from './zonedTime';

/** A frab / Pentabarf / wafer / pretalx `schedule.xml` (FOSDEM, CCC, DebConf…); see schedule.xml.xsd. */
export function parseFrabXml(text: string, options: ParseOptions, warnings: ProgrammeWarnings): ProgrammeDraft {
  assertWellFormed(text);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    // Keeps "007" and "00:30" as written instead of turning them into numbers.
    parseTagValue: false,
    trimValues: true,
    // Decodes numeric references (wafer writes &#x27;); entities a DOCTYPE declares are expanded within
    // the parser's default limits, so a "billion laughs" file fails instead of eating memory.
    processEntities: true,
    htmlEntities: true,
  });
  let document: XmlNode;
  try {
    document = parser.parse(text) as XmlNode;
  } catch (error) {
    throw new ProgrammeFormatError(`the XML could not be read: ${(error as Error).message}`);
  }
  const schedule = document.schedule;
  if (!schedule || typeof schedule !== 'object') throw new ProgrammeFormatError('it has no <schedule> element.');
  const root = schedule as XmlNode;
  const conference = (asNodes(root.conference)[0] ?? {}) as XmlNode;
  const days = asNodes(root.day);
  // A <schedule> of another vocabulary (or an empty one) is not a programme Hallnotes reads.
  if (days.length === 0) throw new ProgrammeFormatError(NOT_A_PROGRAMME);

  const offsets = days.flatMap((day) => [
    offsetSampleOf(attributeOf(day, 'start'), undefined),
    ...asNodes(day.room).flatMap((room) => asNodes(room.event).map((event) => offsetSampleOf(textOf(event.date) || undefined, textOf(event.start)))),
  ]);
  const zones = frabZones(textOf(conference.time_zone_name), options, offsets.filter((sample) => sample !== null), warnings);
  const dayChange = normaliseTimeOfDay(textOf(conference.day_change));
  const declaredDates: string[] = [];
  const sessions: ImportedSession[] = [];
  days.forEach((day, dayIndex) => {
    const declared = frabDay({ date: attributeOf(day, 'date'), start: attributeOf(day, 'start') }, zones, `<day> ${attributeOf(day, 'index') ?? dayIndex + 1}`, warnings);
    declaredDates.push(declared.date);
    const dayInfo = { date: declared.date, startTime: declared.startTime ?? dayChange };
    for (const room of asNodes(day.room)) {
      for (const event of asNodes(room.event)) sessions.push(sessionOf(event, attributeOf(room, 'name') ?? '', dayInfo, zones, warnings));
    }
  });
  return {
    sourceFormat: 'frab-xml',
    title: singleLine(textOf(conference.title), 300) || undefined,
    timezone: zones.target,
    timezoneFromFile: zones.named,
    declaredDates,
    sessions,
  };
}

function sessionOf(event: XmlNode, roomName: string, day: FrabDay, zones: FrabZones, warnings: ProgrammeWarnings): ImportedSession {
  const title = textOf(event.title);
  const id = attributeOf(event, 'guid') ?? attributeOf(event, 'id') ?? attributeOf(event, 'code') ?? '';
  const what = `event ${JSON.stringify(singleLine(title, 80))}${id ? ` (${id})` : ''}`;
  const { start, programmeDate } = frabEventStart({ start: textOf(event.start), date: textOf(event.date) || undefined }, day, zones, { what, title }, warnings);
  const minutes = frabDurationMinutes(textOf(event.duration), sessionLabel(singleLine(title, 80), start.date, start.time), warnings);
  const end = minutes === null ? null : addMinutes(start, minutes);
  const abstract = textOf(event.abstract);
  const description = textOf(event.description);
  return importedSession({
    sourceId: id,
    start: toTargetZone(start, zones),
    end: end && toTargetZone(end, zones),
    programmeDate,
    title,
    kindHints: [textOf(event.type), textOf(event.track)],
    room: textOf(event.room) || roomName,
    speakers: asNodes(event.persons).flatMap((persons) => asPersonNames(persons.person)).map((name) => ({ name })),
    track: textOf(event.track),
    description: [abstract, description].filter((part, index, parts) => part && parts.indexOf(part) === index).join('\n\n'),
  }, warnings);
}

function asPersonNames(value: unknown): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(textOf).filter(Boolean);
}

/** fast-xml-parser's parser is lenient; its validator says where a file is broken. */
function assertWellFormed(text: string): void {
  const result = XMLValidator.validate(text);
  if (result === true) return;
  const { msg, line, col } = result.err;
  const unclosed = /^Invalid '\[(.*)\]' found/s.exec(msg);
  if (unclosed) {
    const names = unclosed[1].match(/"[^"]*"/g)?.map((name) => `<${name.slice(1, -1)}>`) ?? [];
    throw new ProgrammeFormatError(`the XML ends before ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} closed; the file looks truncated.`);
  }
  throw new ProgrammeFormatError(`the XML is not well-formed at line ${line}, column ${col}: ${msg}`);
}
