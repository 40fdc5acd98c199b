import { parse } from 'csv-parse/sync';
import { isCalendarDate } from '../../../shared/model/calendar';
import { parseCsvSpeakers } from './csvSpeakers';
import { importedSession } from './importedSession';
import { ProgrammeFormatError, type ImportedSession, type ParseOptions, type ProgrammeDraft } from './programme';
import type { ProgrammeWarnings } from './programmeWarnings';
import { normaliseTimeOfDay, type WallClock } from './zonedTime';

type Column = 'date' | 'start' | 'end' | 'title' | 'speakers' | 'room' | 'kind' | 'track' | 'description' | 'id';

/** Header names, matched case-insensitively; the first spelling of each is the documented one. */
const HEADER_NAMES: Record<Column, string[]> = {
  date: ['date', 'day'],
  start: ['start', 'start time', 'from'],
  end: ['end', 'end time', 'to'],
  title: ['title', 'session', 'name'],
  speakers: ['speakers', 'speaker'],
  room: ['room', 'location', 'stage'],
  kind: ['kind', 'type'],
  track: ['track'],
  description: ['description', 'abstract'],
  id: ['id', 'uid', 'guid'],
};
const REQUIRED: Column[] = ['date', 'start', 'title'];

type Row = { record: string[]; info: { lines: number } };

/**
 * A CSV programme with a header row. The separator is whichever of `,`, `;` or tab the header
 * row uses most (spreadsheets in many locales write `;`). Times are wall-clock times; the file
 * names no zone, so they are taken as written in the zone asked for (UTC by default).
 */
export function parseCsv(text: string, options: ParseOptions, warnings: ProgrammeWarnings): ProgrammeDraft {
  let rows: Row[];
  try {
    rows = parse(text, { delimiter: delimiterOf(text), bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as Row[];
  } catch (error) {
    throw new ProgrammeFormatError(`the CSV could not be read: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw new ProgrammeFormatError('the CSV is empty.');
  const columns = columnsOf(rows[0].record);
  const zone = options.timeZone ?? 'UTC';
  const sessions: ImportedSession[] = [];
  for (const { record, info } of rows.slice(1)) {
    if (record.every((cell) => cell === '')) continue;
    sessions.push(sessionOf((column) => (columns[column] === undefined ? '' : (record[columns[column]!] ?? '')), `line ${info.lines}`, warnings));
  }
  return { sourceFormat: 'csv', timezone: zone, timezoneFromFile: false, declaredDates: [], sessions };
}

function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0];
  const [best] = [',', ';', '\t'].map((delimiter) => ({ delimiter, count: header.split(delimiter).length - 1 })).sort((a, b) => b.count - a.count);
  return best.count > 0 ? best.delimiter : ',';
}

function columnsOf(header: string[]): Partial<Record<Column, number>> {
  const names = header.map((name) => name.trim().toLowerCase());
  const columns: Partial<Record<Column, number>> = {};
  for (const [column, spellings] of Object.entries(HEADER_NAMES) as [Column, string[]][]) {
    const index = names.findIndex((name) => spellings.includes(name));
    if (index !== -1) columns[column] = index;
  }
  const missing = REQUIRED.filter((column) => columns[column] === undefined);
  if (missing.length > 0) {
    throw new ProgrammeFormatError(
      `the header row must name the columns date, start and title (also understood: end, speakers, room, kind, track, description, id); ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (the header row reads: ${header.join(', ').slice(0, 200)}).`,
    );
  }
  return columns;
}

function sessionOf(cell: (column: Column) => string, where: string, warnings: ProgrammeWarnings): ImportedSession {
  const date = dateOf(cell('date'), where);
  const start = timeOf(cell('start'), 'start', where)!;
  const end = cell('end') ? timeOf(cell('end'), 'end', where) : null;
  if (!cell('title')) throw new ProgrammeFormatError(`${where}: the title is empty.`);
  const startClock: WallClock = { date, time: start };
  return importedSession({
    sourceId: cell('id'),
    start: startClock,
    end: end ? { date, time: end } : null,
    title: cell('title'),
    kindHints: [cell('kind'), cell('track')],
    room: cell('room'),
    speakers: parseCsvSpeakers(cell('speakers')),
    track: cell('track'),
    description: cell('description'),
  }, warnings);
}

/** `YYYY-MM-DD` (also `YYYY/MM/DD` and `DD.MM.YYYY`, as spreadsheets write them); it must exist. */
function dateOf(value: string, where: string): string {
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  const european = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : european ? [european[3], european[2], european[1]] : null;
  if (!parts) throw new ProgrammeFormatError(`${where}: the date ${JSON.stringify(value)} is not written YYYY-MM-DD.`);
  const date = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  if (!isCalendarDate(date)) throw new ProgrammeFormatError(`${where}: the date ${value} does not exist.`);
  return date;
}

function timeOf(value: string, which: 'start' | 'end', where: string): string {
  const time = normaliseTimeOfDay(value);
  if (!time) throw new ProgrammeFormatError(`${where}: the ${which} time ${JSON.stringify(value)} is not a time written HH:MM (24-hour).`);
  return time;
}
