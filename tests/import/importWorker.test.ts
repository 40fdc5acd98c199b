import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services/createServices';
import { importProgramme } from '../../electron/services/import/importProgramme';
import { parseProgrammeFile } from '../../electron/services/import/parseProgrammeFile';
import { parseInWorker } from '../../electron/services/import/programmeParser';
import { noteState } from '../helpers/noteStates';
import { createEventWithSessions, createTempLibrary, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';
import { fixtureBytes } from './programmeFiles';

/**
 * Issue 18: a hostile programme froze the host (and Electron's main process) for every save while
 * it parsed. Imports now parse in a worker thread; these tests run the worker module bundled the
 * way scripts/build-node.mjs bundles it, inside the repository so its packages resolve.
 */
const WORKER = pathToFileURL(join(process.cwd(), 'node_modules', '.cache', 'hallnotes-tests', 'programmeParserWorker.mjs'));

beforeAll(async () => {
  await build({ entryPoints: ['electron/services/import/programmeParserWorker.ts'], outfile: WORKER.pathname, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
});

/** A valid calendar of 4,900 talks with long descriptions: 15 MB that take seconds to parse. */
function slowCalendar(): Buffer {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hallnotes tests//EN'];
  const description = 'A long abstract that a conference pasted into every talk. '.repeat(50);
  for (let index = 0; index < 4900; index += 1) {
    const hour = String(8 + (index % 10)).padStart(2, '0');
    lines.push('BEGIN:VEVENT', `UID:slow-${index}`, `DTSTART:20260310T${hour}0000Z`, 'DURATION:PT30M', `SUMMARY:Talk ${index}`, `DESCRIPTION:${description}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return Buffer.from(lines.join('\r\n'));
}

describe('parsing a programme in the worker thread', () => {
  const parse = () => parseInWorker(WORKER);

  it('gives exactly what parsing on this thread gives', async () => {
    const bytes = fixtureBytes('debconf23.xml');
    expect(await parse()('debconf23.xml', bytes, { timeZone: 'Europe/Berlin' })).toEqual(parseProgrammeFile('debconf23.xml', bytes, { timeZone: 'Europe/Berlin' }));
  });

  it('refuses a bad file with the same message, naming the file', async () => {
    await expect(parse()('slides.json', Buffer.from('{"not": "a schedule"'), {})).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/^slides\.json: it is not valid JSON/) });
  });

  it('stops a parse that runs too long and names the file', async () => {
    const impatient = parseInWorker(WORKER, { timeoutMs: 100, maxHeapMb: 1024 });
    await expect(impatient('slow.ics', slowCalendar(), {})).rejects.toMatchObject({
      code: 'invalid-argument',
      message: 'slow.ics: reading it took longer than 100 ms, far more than any programme needs; nothing was imported.',
    });
  });

  it('stops a parse that needs more memory than an import may use', async () => {
    const frugal = parseInWorker(WORKER, { timeoutMs: 60_000, maxHeapMb: 32 });
    await expect(frugal('slow.ics', slowCalendar(), {})).rejects.toMatchObject({
      message: 'slow.ics: reading it needed more than 32 MB of memory, far more than any programme needs; nothing was imported.',
    });
  });
});

describe('a note save during a slow import', () => {
  let library: TempLibrary;
  let services: Services;
  beforeEach(async () => {
    library = await createTempLibrary();
    services = createServices({ libraryPath: library.root, preferences: library.preferences, importWorker: WORKER });
  });
  afterEach(async () => {
    await services.writes.drain();
    await library.cleanup();
  });

  it('lands while the programme is still being read', async () => {
    const event = await createEventWithSessions(services, [sessionDraft({ title: 'Keynote' })]);
    const session = event.sessions[0];
    const importing = importProgramme({ services, fileName: 'slow.ics', bytes: slowCalendar(), dryRun: true }).then((summary) => ({ summary, at: performance.now() }));
    await new Promise((resolve) => setTimeout(resolve, 50));

    await services.notes.save(event.id, session.id, noteState('Typed while the import ran.'));
    const savedAt = performance.now();

    const imported = await importing;
    expect(imported.summary).toMatchObject({ added: 4900, dryRun: true });
    expect(savedAt).toBeLessThan(imported.at);
    expect((await services.notes.load(event.id, session.id)).note?.editorState).toEqual(noteState('Typed while the import ran.'));
  });
});
