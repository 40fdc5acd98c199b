import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/runCli';
import { createChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import { EXPORT_FORMATS } from '../../shared/model/post';
import { image, note, paragraph, text } from '../export/fixtures/noteBuilders';
import { createPostLibrary, notePath, PANEL_NOTE_WITH_TK, PHOTO, type PostLibrary } from './postLibrary';

let library: PostLibrary;
beforeEach(async () => {
  library = await createPostLibrary();
});
afterEach(() => library.cleanup());

async function cli(argv: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { HALLNOTES_LIBRARY: library.root, HALLNOTES_CONFIG_DIR: join(library.root, '.config') },
    cwd: library.root,
    stdin: stdin === undefined ? undefined : Readable.from([stdin]),
  });
  return { code, stdout, stderr };
}

/** What the app writes through export:write (the host's default location). */
async function appExport(argument: Record<string, unknown>): Promise<{ path: string; bytes: Buffer }> {
  const handlers = createChannelHandlers(library.services, { onFlushComplete: () => undefined });
  const result = await dispatchChannel(handlers, 'export:write', { eventId: library.event.id, ifExists: 'replace', ...argument });
  if (!result.ok) throw new Error(result.error.message);
  const { path } = result.value as { path: string };
  return { path, bytes: await readFile(path) };
}

describe('hallnotes post set / show', () => {
  it('sets every field, from Markdown files and options, and show prints it with what needs attention', async () => {
    await writeFile(join(library.root, 'intro.md'), 'A **long** first day in Lisbon.\n');
    await library.services.notes.save(library.event.id, library.ids.panel, PANEL_NOTE_WITH_TK);
    const { ids } = library;
    const set = await cli(
      ['post', 'set', library.event.id, '--day', '1', '--title', 'Lisbon, day one', '--intro', 'intro.md', '--closing', '-', '--byline', 'Posted by J. D.', '--style', 'flowing', '--sessions', `${ids.panel},${ids.keynote}`, '--tags', 'cloud, data ,'],
      'More tomorrow. TK\n',
    );
    expect(set).toEqual({ code: 0, stdout: expect.stringMatching(/^Saved the post for Day 1: “Lisbon, day one”, 2 session\(s\) \(\d+ bytes\)\.\n$/), stderr: '' });

    const post = await library.services.posts.get(library.event.id, 1);
    expect(post.settings).toEqual({ title: 'Lisbon, day one', byline: 'Posted by J. D.', tags: ['cloud', 'data'], sessionIds: [ids.panel, ids.keynote], style: 'flowing' });
    expect(JSON.stringify(post.intro)).toContain('"format":1');
    expect(JSON.stringify(post.closing)).toContain('More tomorrow. TK');

    const show = await cli(['post', 'show', library.event.id, '--day', '1']);
    expect(show.code).toBe(0);
    expect(show.stdout).toBe(
      [
        'Lisbon, day one',
        'Posted by J. D. · style: flowing · tags: cloud, data',
        'Sessions (in post order):',
        `  1. ${ids.panel}  Who pays for the data?`,
        `  2. ${ids.keynote}  Opening keynote`,
        'Needs attention:',
        '  - “Who pays for the data?” still has a TK marker to check.',
        '  - “Who pays for the data?”: Sam Moderator has no role.',
        '  - The closing still has a TK marker to check.',
        '',
      ].join('\n'),
    );
  });

  it('goes back to the defaults with "" and "default"', async () => {
    await cli(['post', 'set', library.event.id, '--day', '1', '--title', 'Mine', '--sessions', library.ids.keynote]);
    expect((await cli(['post', 'set', library.event.id, '--day', '1', '--title', '', '--sessions', 'default'])).code).toBe(0);
    expect((await library.services.posts.get(library.event.id, 1)).settings).toMatchObject({ title: '', sessionIds: null });
  });

  it('explains mistakes in the command line', async () => {
    const id = library.event.id;
    expect(await cli(['post', 'set', id, '--day', '1'])).toMatchObject({ code: 2, stderr: expect.stringContaining('nothing to change') });
    expect(await cli(['post', 'set', id, '--title', 'x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('"Web Summit" has 2 days: give --day N (1 to 2) or --whole-event') });
    expect(await cli(['post', 'set', id, '--day', '1', '--style', 'fancy'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--style must be headings or flowing, not "fancy"') });
    expect(await cli(['post', 'set', id, '--day', '1', '--sessions', 'Not/An/Id'])).toMatchObject({ code: 2, stderr: expect.stringContaining('each id in --sessions must be an id') });
    expect(await cli(['post', 'set', id, '--day', '1', '--sessions', 's-nope'])).toMatchObject({ code: 1, stderr: expect.stringContaining('has no session "s-nope" on Day 1') });
    expect(await cli(['post', 'set', id, '--day', '1', '--whole-event', '--title', 'x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('not both') });
  });
});

describe('hallnotes post describe-photo', () => {
  const photoNote = () =>
    library.services.notes.save(library.event.id, library.ids.panel, note(paragraph(text('The panel, in one picture:')), image(PHOTO, '', ''), image(PHOTO, '', '')));

  it('gives a session photo its alt text, as the app’s Alt text field does, and post show says how', async () => {
    await photoNote();
    const show = await cli(['post', 'show', library.event.id, '--day', '1']);
    expect(show.stdout).toContain(
      `  - “Who pays for the data?” has a photo with no description or caption: readers who cannot see it get nothing.\n      hallnotes post describe-photo ${library.event.id} --day 1 --session ${library.ids.panel} --photo ${PHOTO} --alt "…"\n`,
    );
    const described = await cli(['post', 'describe-photo', library.event.id, '--day', '1', '--session', library.ids.panel, '--photo', PHOTO, '--alt', 'Four panellists on a stage']);
    expect(described).toEqual({ code: 0, stdout: `Gave the photo ${PHOTO} its alt text in “Who pays for the data?” (2 uses).\n`, stderr: '' });
    const stored = JSON.parse(await readFile(notePath(library.root, library.event.id, library.ids.panel), 'utf8'));
    expect(stored.editorState.root.children.filter((node: { type: string }) => node.type === 'image').map((node: { alt: string }) => node.alt)).toEqual(['Four panellists on a stage', 'Four panellists on a stage']);
    expect((await cli(['post', 'show', library.event.id, '--day', '1'])).stdout).not.toContain('has a photo with no description');
  });

  it('describes a photo in the intro or the closing, of a day’s post or the whole event’s, and prints JSON with --json', async () => {
    await library.services.posts.save(library.event.id, null, { intro: note(image(PHOTO, '', '')), closing: note(paragraph(text('Bye.')), image(PHOTO, '', '')) });
    expect(await cli(['post', 'describe-photo', library.event.id, '--whole-event', '--closing', '--photo', PHOTO, '--alt', 'The empty hall', '--json'])).toEqual({ code: 0, stdout: '{\n  "described": 1\n}\n', stderr: '' });
    const post = await library.services.posts.get(library.event.id, null);
    expect(post.closing?.root.children[1]).toMatchObject({ type: 'image', alt: 'The empty hall' });
    expect(post.intro?.root.children[0]).toMatchObject({ type: 'image', alt: '' });
    expect((await cli(['post', 'show', library.event.id, '--whole-event'])).stdout).toContain(`      hallnotes post describe-photo ${library.event.id} --whole-event --intro --photo ${PHOTO} --alt "…"\n`);
  });

  it('explains mistakes: where the photo is, no alt text, a photo the note does not show', async () => {
    await photoNote();
    const id = library.event.id;
    const run = (...args: string[]) => cli(['post', 'describe-photo', id, '--day', '1', ...args]);
    expect(await run('--photo', PHOTO, '--alt', 'x')).toMatchObject({ code: 2, stderr: expect.stringContaining('say where the photo is: --session SESSION, --intro or --closing') });
    expect(await run('--intro', '--closing', '--photo', PHOTO, '--alt', 'x')).toMatchObject({ code: 2, stderr: expect.stringContaining('only one of --session, --intro and --closing') });
    expect(await run('--session', library.ids.panel, '--alt', 'x')).toMatchObject({ code: 2, stderr: expect.stringContaining('--photo') });
    expect(await run('--session', library.ids.panel, '--photo', PHOTO, '--alt', '  ')).toMatchObject({ code: 1, stderr: expect.stringContaining('alt must not be empty') });
    expect(await run('--session', library.ids.keynote, '--photo', `assets/${'f'.repeat(64)}.jpg`, '--alt', 'x')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`hallnotes: The note for “Opening keynote” no longer shows the photo assets/${'f'.repeat(64)}.jpg; open the note to check it.`),
    });
  });
});

describe('hallnotes export', () => {
  it('prints exactly the bytes the app writes, in every format', async () => {
    await library.services.notes.save(library.event.id, library.ids.keynote, { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'No photo here.', format: 0 }] }] } });
    for (const format of EXPORT_FORMATS) {
      for (const [flags, options] of [[[], {}], [format === 'html' ? ['--fragment'] : format === 'markdown' ? ['--front-matter'] : [], format === 'html' ? { fragment: true } : { frontMatter: true }]] as const) {
        const app = await appExport({ day: 1, format, ...options });
        const printed = await cli(['export', library.event.id, '--day', '1', '--format', format, ...flags]);
        expect(printed.code).toBe(0);
        expect(printed.stderr).toBe('');
        expect(Buffer.from(printed.stdout)).toEqual(app.bytes);
      }
    }
  });

  it('writes the same file and photos as the app with --out', async () => {
    const app = await appExport({ day: 1, format: 'markdown', frontMatter: true });
    const out = join(library.root, 'web-summit-day-1-reflections.md');
    const written = await cli(['export', library.event.id, '--day', '1', '--format', 'markdown', '--front-matter', '--out', 'web-summit-day-1-reflections.md']);
    expect(written).toEqual({ code: 0, stdout: `Wrote ${out} (${app.bytes.byteLength} bytes, 1 photo(s) copied beside it).\n`, stderr: '' });
    expect(await readFile(out)).toEqual(app.bytes);
    expect(await readdir(join(library.root, 'web-summit-day-1-reflections-images'))).toEqual([PHOTO.slice('assets/'.length)]);
  });

  it('on stdout, says that photos point at the event folder', async () => {
    const printed = await cli(['export', library.event.id, '--day', '1', '--format', 'html', '--fragment']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain(`<img src="${PHOTO}"`);
    expect(printed.stderr).toBe('hallnotes: One photo is referred to as assets/…, relative to the event folder; export to a file (--out) to get them copied beside it.\n');
  });

  it('exports the rest when a note is corrupted, naming it on stderr', async () => {
    await writeFile(notePath(library.root, library.event.id, library.ids.panel), '{');
    const printed = await cli(['export', library.event.id, '--day', '1', '--format', 'text']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('Chris opened with a question');
    expect(printed.stderr).toMatch(/^hallnotes: The note for "Who pays for the data\?" could not be read .*is exported without its note\.\n$/);
  });

  it('refuses an empty post and writes nothing', async () => {
    await library.services.posts.save(library.event.id, 1, { sessionIds: [] });
    const result = await cli(['export', library.event.id, '--day', '1', '--format', 'html', '--out', 'empty.html']);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('includes no sessions, so there is nothing to export; no file was written') });
    expect(await readdir(library.root)).not.toContain('empty.html');
  });

  it('explains mistakes in the command line', async () => {
    const id = library.event.id;
    expect(await cli(['export', id, '--day', '1'])).toMatchObject({ code: 2, stderr: expect.stringContaining('missing required option --format') });
    expect(await cli(['export', id, '--day', '1', '--format', 'pdf'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be one of html, markdown, wordpress, text, not "pdf"') });
    expect(await cli(['export', id, '--day', '1', '--format', 'markdown', '--fragment'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--fragment applies to --format html only') });
    expect(await cli(['export', id, '--format', 'html'])).toMatchObject({ code: 2, stderr: expect.stringContaining('give --day N (1 to 2) or --whole-event') });
    expect(await cli(['export', id, '--day', '9', '--format', 'html'])).toMatchObject({ code: 1, stderr: expect.stringContaining('there is no Day 9') });
  });

  it('exports the whole-event post', async () => {
    const printed = await cli(['export', library.event.id, '--whole-event', '--format', 'markdown']);
    expect(printed.stdout.startsWith('# Web Summit – Reflections\n')).toBe(true);
    expect(printed.stdout).toContain('Day two began slowly.');
  });
});
