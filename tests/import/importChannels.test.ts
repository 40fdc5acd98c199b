import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannelHandlers, type ChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import type { Result } from '../../shared/ipc/result';
import type { ImportSummary } from '../../shared/model/importSummary';
import { createTempLibrary, type TempLibrary } from '../helpers/tempLibrary';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'schedules');

describe('importing over the channels (what the app sends after reading a file)', () => {
  let library: TempLibrary;
  let handlers: ChannelHandlers;
  const dispatch = (name: string, argument: unknown) => dispatchChannel(handlers, name, argument, () => undefined);
  const valueOf = (result: Result<unknown>) => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ImportSummary;
  };

  beforeEach(async () => {
    library = await createTempLibrary();
    handlers = createChannelHandlers(library.services, { onFlushComplete: () => undefined });
  });
  afterEach(() => library.cleanup());

  it('previews without writing, then imports, then a second import into that event changes nothing', async () => {
    const dataBase64 = (await readFile(join(FIXTURES, 'kielux_2020.ics'))).toString('base64');
    const preview = valueOf(await dispatch('import:preview', { fileName: 'kielux_2020.ics', dataBase64 }));
    expect(preview).toMatchObject({ dryRun: true, created: true, eventId: null, added: 24 });
    expect((await library.services.events.list()).events).toEqual([]);

    const applied = valueOf(await dispatch('import:apply', { fileName: 'kielux_2020.ics', dataBase64 }));
    expect(applied).toMatchObject({ dryRun: false, created: true, added: 24, days: preview.days });
    expect((await library.services.events.get(applied.eventId!)).sessions).toHaveLength(24);

    const again = valueOf(await dispatch('import:preview', { fileName: 'kielux_2020.ics', dataBase64, eventId: applied.eventId }));
    expect(again).toMatchObject({ created: false, added: 0, updated: 0, unchanged: 24 });
  });

  it('takes the zone a CSV programme is written in', async () => {
    const dataBase64 = Buffer.from('date,start,end,title\n2026-05-12,09:00,09:30,Opening\n').toString('base64');
    const summary = valueOf(await dispatch('import:apply', { fileName: 'agenda.csv', dataBase64, timeZone: 'Europe/Berlin' }));
    const event = await library.services.events.get(summary.eventId!);
    expect(event).toMatchObject({ timezone: 'Europe/Berlin', title: 'agenda' });
    expect(event.sessions[0]).toMatchObject({ start: '09:00', end: '09:30' });
  });

  it('reports a bad file with the importer message naming it, and imports nothing', async () => {
    const dataBase64 = Buffer.from('%PDF-1.7 not a programme').toString('base64');
    const result = await dispatch('import:apply', { fileName: 'slides.pdf', dataBase64 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^slides\.pdf: /) } });
    expect((await library.services.events.list()).events).toEqual([]);
  });

  it('refuses more than a programme file may hold, and text that is not base64, before decoding', async () => {
    const tooLarge = 'A'.repeat(Math.ceil((20 * 1024 * 1024) / 3) * 4 + 4);
    const large = await dispatch('import:preview', { fileName: 'huge.ics', dataBase64: tooLarge });
    expect(large).toMatchObject({ ok: false, error: { message: expect.stringContaining('larger than 20 MB') } });
    const garbled = await dispatch('import:preview', { fileName: 'x.ics', dataBase64: 'not base64!' });
    expect(garbled).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('base64') } });
  });
});
