import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/runCli';
import { createChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import { noteState } from '../helpers/noteStates';
import { createPostLibrary, PANEL_NOTE_WITH_TK, type PostLibrary } from './postLibrary';

let library: PostLibrary;
beforeEach(async () => {
  library = await createPostLibrary();
  await library.services.notes.save(library.event.id, library.ids.panel, PANEL_NOTE_WITH_TK);
  await library.services.posts.save(library.event.id, 1, { closing: noteState('More tomorrow, in room TK.') });
});
afterEach(() => library.cleanup());

const PANEL_MARKER = { where: '“Who pays for the data?”', sessionId: '', excerpt: 'Storage is 40% of budgets (TK: check the source).' };
const CLOSING_MARKER = { where: 'The closing', sessionId: null, excerpt: 'More tomorrow, in room TK.' };
const html = { format: 'html' as const, fragment: false, frontMatter: false };

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { HALLNOTES_LIBRARY: library.root, HALLNOTES_CONFIG_DIR: join(library.root, '.config') },
    cwd: library.root,
  });
  return { code, stdout, stderr };
}

describe('TK markers left in a post', () => {
  it('stop an export before anything is asked or written, listing each marker; the private note’s TK does not count', async () => {
    const asked: string[] = [];
    const result = await library.services.exporter.write(library.event.id, 1, html, async (name) => {
      asked.push(name);
      return join(library.root, name);
    });
    expect(result).toEqual({ status: 'blocked', tkMarkers: [{ ...PANEL_MARKER, sessionId: library.ids.panel }, CLOSING_MARKER] });
    expect(asked).toEqual([]);
    expect((await readdir(library.root)).filter((name) => name.endsWith('.html'))).toEqual([]);
    expect(await library.services.exporter.render(library.event.id, 1, html)).toEqual(result);
  });

  it('are exported anyway when the editor says so', async () => {
    const target = join(library.root, 'day.html');
    const result = await library.services.exporter.write(library.event.id, 1, { ...html, allowTkMarkers: true }, async () => target);
    expect(result).toMatchObject({ status: 'written', path: target });
    expect(await readFile(target, 'utf8')).toContain('(TK: check the source)');
  });

  it('block export:write unless it asks for allowTkMarkers', async () => {
    const handlers = createChannelHandlers(library.services, { onFlushComplete: () => undefined });
    const blocked = await dispatchChannel(handlers, 'export:write', { eventId: library.event.id, day: 1, format: 'markdown' });
    expect(blocked).toEqual({ ok: true, value: { status: 'blocked', tkMarkers: [{ ...PANEL_MARKER, sessionId: library.ids.panel }, CLOSING_MARKER] } });
    const anyway = await dispatchChannel(handlers, 'export:write', { eventId: library.event.id, day: 1, format: 'markdown', allowTkMarkers: true });
    expect(anyway).toMatchObject({ ok: true, value: { status: 'written' } });
  });

  it('are what the needs-attention list counts, in a speaker’s role too', async () => {
    await library.services.events.updateSession(library.event.id, library.ids.keynote, { speakers: [{ name: 'Chris Example', role: 'TK', organisation: 'Cloudy' }] });
    const messages = (await library.services.postResolver.resolve(library.event.id, 1)).attention.filter((item) => item.kind === 'tk-marker').map((item) => item.message);
    expect(messages).toEqual(['“Opening keynote” still has a TK marker to check.', '“Who pays for the data?” still has a TK marker to check.', 'The closing still has a TK marker to check.']);
  });

  it('make the CLI fail, listing them on stderr and naming --allow-tk; nothing goes to stdout or to --out', async () => {
    const refused = await cli(['export', library.event.id, '--day', '1', '--format', 'html']);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        'hallnotes: TK in “Who pays for the data?”: Storage is 40% of budgets (TK: check the source).',
        'hallnotes: TK in The closing: More tomorrow, in room TK.',
        'hallnotes: 2 TK markers are left to check, in “Who pays for the data?” and the closing; nothing was exported. Check them, or export anyway with --allow-tk.',
        '',
      ].join('\n'),
    });
    expect((await cli(['export', library.event.id, '--day', '1', '--format', 'html', '--out', 'day.html'])).code).toBe(1);
    expect(await readdir(library.root)).not.toContain('day.html');
  });

  it('are exported by the CLI with --allow-tk, which still says how many are left', async () => {
    const printed = await cli(['export', library.event.id, '--day', '1', '--format', 'text', '--allow-tk']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('More tomorrow, in room TK.');
    expect(printed.stderr).toContain('hallnotes: exported with 2 TK markers left to check, in “Who pays for the data?” and the closing.\n');
    const written = await cli(['export', library.event.id, '--day', '1', '--format', 'html', '--out', 'day.html', '--allow-tk']);
    expect(written).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Wrote .*day\.html/) });
  });
});
