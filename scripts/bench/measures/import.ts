import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { importProgramme } from '../../../electron/services/import/importProgramme';
import { parseProgrammeFile } from '../../../electron/services/import/parseProgrammeFile';
import { openServices } from '../benchLibrary';
import { row, unavailableRow, type Measure, type Row } from '../measure';
import { interleaved, timed } from '../timing';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'schedules');
const PARSES_PER_REP = 5;
const IMPORTS_PER_REP = 2;

/** The same bytes read by the format's plain syntax parser alone: the floor any importer sits on. */
function rawParse(fileName: string, bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  switch (extname(fileName).toLowerCase()) {
    case '.json':
      return JSON.parse(text);
    case '.xml':
      return new XMLParser({ ignoreAttributes: false }).parse(text);
    case '.ics':
      return ICAL.parse(text);
    case '.csv':
      return parseCsv(text);
    default:
      return text;
  }
}

/**
 * Every programme in tests/fixtures/schedules: parsing (parseProgrammeFile) and the full import
 * into a new event of a fresh library (importProgramme: parse, plan, validate, write), against
 * the format's plain syntax parser on the same bytes. Files that are not programmes (the
 * schemas, the example that must be rejected) are skipped and named.
 */
export const importMeasure: Measure = {
  id: 'import',
  usesBrowser: false,
  async run({ reps, scratch, log }) {
    const rows: Row[] = [];
    const skipped: string[] = [];
    const files = (await readdir(FIXTURES)).sort();
    let library = 0;
    for (const fileName of files) {
      const bytes = new Uint8Array(await readFile(join(FIXTURES, fileName)));
      try {
        parseProgrammeFile(fileName, bytes);
      } catch {
        skipped.push(fileName);
        continue;
      }
      const parsing = await interleaved(PARSES_PER_REP * reps, { raw: () => rawParse(fileName, bytes), programme: () => parseProgrammeFile(fileName, bytes) });
      const baseline = { label: 'plain syntax parse', samples: parsing.raw };
      const parses = parsing.programme;
      const imports: number[] = [];
      for (let run = 0; run < IMPORTS_PER_REP * reps; run++) {
        const services = openServices(join(scratch, `import-${library++}`));
        imports.push(await timed(() => importProgramme({ services, fileName, bytes, dryRun: false })));
        await services.writes.drain();
      }
      const size = `${(bytes.length / 1024).toFixed(0)} kB`;
      const isFosdem = fileName === 'fosdem_2021.xml';
      rows.push(row({ measure: 'Import', label: `${fileName} (${size}): parse`, unit: 'ms', samples: parses, baseline }));
      rows.push(
        row({
          measure: 'Import',
          label: `${fileName} (${size}): full import`,
          unit: 'ms',
          samples: imports,
          baseline,
          target: isFosdem ? { text: '< 1 s (median)', met: ({ result }) => result.median < 1000 } : undefined,
        }),
      );
      log(`import: ${fileName} done`);
    }
    if (skipped.length > 0) rows.push(unavailableRow('Import', 'not programmes, skipped', skipped.join(', ')));
    return rows;
  },
};
