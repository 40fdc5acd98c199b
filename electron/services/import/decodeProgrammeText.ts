import { megabytes } from '../../../shared/model/byteSize';
import { MAX_PROGRAMME_BYTES } from '../../../shared/model/importSummary';
import { ProgrammeFormatError } from './programme';
import type { ProgrammeWarnings } from './programmeWarnings';

const BINARY_SIGNATURES: [string, number[]][] = [
  ['a ZIP archive (or an Office document such as .xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an old Excel or Word document', [0xd0, 0xcf, 0x11, 0xe0]],
];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** An XML file may declare another encoding; a non-XML file must be UTF-8 (or UTF-16 with a byte order mark). */
function encodingOf(bytes: Uint8Array): { label: string; skip: number } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { label: 'utf-8', skip: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { label: 'utf-16le', skip: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { label: 'utf-16be', skip: 2 };
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  return { label: declared?.toLowerCase() ?? 'utf-8', skip: 0 };
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch {
    throw new ProgrammeFormatError(`it declares the text encoding "${label}", which Hallnotes cannot read; save it as UTF-8.`);
  }
}

/**
 * The file's bytes as text, or a message saying why they are not a text file Hallnotes can
 * read: too large, binary, or not in the encoding it claims.
 */
export function decodeProgrammeText(bytes: Uint8Array, warnings: ProgrammeWarnings): string {
  if (bytes.byteLength === 0) throw new ProgrammeFormatError('the file is empty.');
  if (bytes.byteLength > MAX_PROGRAMME_BYTES) {
    throw new ProgrammeFormatError(`the file is ${megabytes(bytes.byteLength)}; a programme file may be at most ${megabytes(MAX_PROGRAMME_BYTES)}.`);
  }
  const known = BINARY_SIGNATURES.find(([, signature]) => startsWith(bytes, signature));
  if (known) throw new ProgrammeFormatError(`this is ${known[0]}, not a programme file.`);
  const { label, skip } = encodingOf(bytes);
  const body = label === 'utf-8' ? unfoldCalendarOctets(bytes.subarray(skip)) : bytes.subarray(skip);
  let text: string;
  try {
    text = decoderFor(label).decode(body);
  } catch (error) {
    if (error instanceof ProgrammeFormatError) throw error;
    if (label === 'utf-8' && looksBinary(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))) throw binaryFile();
    const windows = label === 'utf-8' ? asWindows1252Csv(body) : null;
    if (windows === null) {
      throw new ProgrammeFormatError(`the file is not valid ${label.toUpperCase()} text (it may be saved in another encoding); save it as UTF-8 and import it again.`);
    }
    warnings.add('The file is not UTF-8 but Windows-1252, as Excel on Windows saves CSV files; it was read as Windows-1252. Check that names with accents look right.');
    text = windows;
  }
  if (looksBinary(text)) throw binaryFile();
  return text;
}

const CR = 0x0d;
const LF = 0x0a;
const isFoldSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09;

/**
 * RFC 5545 §3.1: a folded line continues after CRLF plus one space or tab, and folding counts
 * octets, so it may split a multi-byte UTF-8 character. An iCalendar file is therefore unfolded
 * byte by byte before it is decoded (bare LF folds are accepted too, as parsers do). Other files
 * are returned as they are.
 */
function unfoldCalendarOctets(bytes: Uint8Array): Uint8Array {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1').trimStart();
  if (!/^BEGIN:VCALENDAR/i.test(head)) return bytes;
  const out = new Uint8Array(bytes.byteLength);
  let length = 0;
  for (let index = 0; index < bytes.byteLength; index += 1) {
    const byte = bytes[index];
    if (byte === CR && bytes[index + 1] === LF && isFoldSpace(bytes[index + 2])) {
      index += 2;
      continue;
    }
    if (byte === LF && isFoldSpace(bytes[index + 1])) {
      index += 1;
      continue;
    }
    out[length] = byte;
    length += 1;
  }
  return out.subarray(0, length);
}

/** Bytes Windows-1252 leaves undefined; a file holding one is not Windows-1252 either. */
const UNDEFINED_IN_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Excel on Windows saves CSV in the system's code page, usually Windows-1252, not UTF-8. A file
 * that is not UTF-8, whose first line reads like a CSV header, and that holds only bytes
 * Windows-1252 defines, is read as Windows-1252; anything else stays refused.
 */
function asWindows1252Csv(bytes: Uint8Array): string | null {
  if (bytes.some((byte) => UNDEFINED_IN_WINDOWS_1252.has(byte))) return null;
  const text = new TextDecoder('windows-1252').decode(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0].trim();
  if (/^(<|\{|\[|BEGIN:)/i.test(firstLine) || !/[,;\t]/.test(firstLine)) return null;
  return text;
}

/** Text never holds NUL, and holds few other control characters. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  if (sample.includes('\u0000')) return true;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return controls > sample.length / 100;
}

function binaryFile(): ProgrammeFormatError {
  return new ProgrammeFormatError('this is a binary file, not a programme (expected iCalendar, schedule.xml, schedule.json or CSV text).');
}
