import { describe, expect, it } from 'vitest';
import { newEventId } from '../../electron/services/library/ids';
import { EXPORT_FORMATS, suggestedExportFileName } from '../../shared/model/post';
import { slugify } from '../../shared/model/slug';

/** What Windows refuses in a file name (Naming Files, Paths, and Namespaces): reserved device names with or without an extension, trailing dots and spaces, <>:"/\|?* and control characters. */
function windowsRefuses(fileName: string): string | null {
  const base = fileName.split('.')[0];
  if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(base)) return `"${fileName}" is a reserved device name`;
  if (/[. ]$/.test(fileName)) return `"${fileName}" ends with a dot or space`;
  if (/[<>:"/\\|?*\u0000-\u001f]/.test(fileName)) return `"${fileName}" has a character Windows forbids`;
  if (fileName.length === 0) return 'empty name';
  return null;
}

const TITLES = [
  'CON', 'con', 'Nul', 'AUX', 'PRN', 'COM1', 'com9', 'LPT1', 'lpt3', 'COM¹', 'Con.', 'nul ', ' CON ', 'CON.txt', 'con-', '-con-',
  'What? Why: "AI" <vs> /humans\\ | *all*', 'Trailing dots...', 'Trailing spaces   ', 'tab\tand\u0000nul\u001fcontrol', '....', '   ', '',
  '東京サミット', 'Ünïcödé Çonf – Day 1!', 'a'.repeat(300),
];

describe('names made from titles are valid file names on Windows', () => {
  it.each(TITLES)('the export file names for a post titled %j', (title) => {
    for (const format of EXPORT_FORMATS) {
      const name = suggestedExportFileName(title, format);
      expect(windowsRefuses(name), name).toBeNull();
      expect(windowsRefuses(`${name.replace(/\.[^.]+$/, '')}-images`)).toBeNull();
    }
  });

  it.each(TITLES)('the event id (its folder name) for an event titled %j', (title) => {
    expect(windowsRefuses(newEventId(title))).toBeNull();
    expect(windowsRefuses(`${newEventId(title)}.json`)).toBeNull();
  });

  it('a reserved name keeps its word, so the file still says what it is', () => {
    expect(slugify('CON', 40)).toBe('con-1');
    expect(suggestedExportFileName('Nul', 'markdown')).toBe('nul-1.md');
    expect(slugify('Conference', 40)).toBe('conference');
  });
});
