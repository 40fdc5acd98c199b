import { ProgrammeFormatError, type ProgrammeFormat } from './programme';

/** For JSON or a `<schedule>` that is none of the formats Hallnotes reads (issue 14's wording). */
export const NOT_A_PROGRAMME =
  'this is not a programme format Hallnotes reads (it reads iCalendar, frab/Pentabarf schedule.xml, c3voc/pretalx schedule.json, Sessionize JSON and CSV).';

const EXPECTED =
  'expected an iCalendar file (.ics), a frab/Pentabarf schedule.xml, a c3voc/pretalx schedule.json, Sessionize JSON, or a CSV file with a header row (date, start, end, title, speakers, room, kind)';

function extensionOf(fileName: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(fileName);
  return match ? match[1].toLowerCase() : '';
}

/** The first element's name, after the XML declaration, comments and any DOCTYPE. */
function rootElementOf(text: string): string | null {
  const withoutProlog = text.slice(0, 20_000).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '');
  return /<([A-Za-z_][\w.:-]*)/.exec(withoutProlog)?.[1] ?? null;
}

function looksLikeCsvHeader(text: string): boolean {
  const firstLine = text.split(/\r?\n/, 1)[0].toLowerCase();
  const cells = firstLine.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"|"$/g, ''));
  return cells.length >= 2 && cells.includes('title') && (cells.includes('date') || cells.includes('start'));
}

/** Decides by content; the file name only sharpens the message when the content is not a programme. */
export function detectFormat(fileName: string, text: string): ProgrammeFormat {
  const content = text.trimStart();
  const extension = extensionOf(fileName);
  if (/^BEGIN:VCALENDAR/i.test(content)) return 'ics';
  if (content.startsWith('<')) {
    const root = rootElementOf(content);
    if (root === 'schedule') return 'frab-xml';
    if (root?.toLowerCase() === 'html') throw new ProgrammeFormatError(`this is a web page (HTML), not a programme file; ${EXPECTED}.`);
    throw new ProgrammeFormatError(`this is XML, but not a frab/Pentabarf schedule.xml (its root element is <${root ?? '?'}>, not <schedule>).`);
  }
  if (content.startsWith('{') || content.startsWith('[')) return 'json';
  if (looksLikeCsvHeader(content) || extension === 'csv' || extension === 'tsv') return 'csv';
  if (extension === 'ics' || extension === 'ical' || extension === 'ifb') {
    throw new ProgrammeFormatError('the file is named like an iCalendar file but does not start with BEGIN:VCALENDAR.');
  }
  if (extension === 'xml') throw new ProgrammeFormatError('the file is named like XML but does not contain XML.');
  if (extension === 'json') throw new ProgrammeFormatError('the file is named like JSON but does not start with "{".');
  throw new ProgrammeFormatError(`this is not a programme Hallnotes can read; ${EXPECTED}.`);
}
