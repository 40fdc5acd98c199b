import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlRenderer, Parser } from 'commonmark';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/runCli';
import { markdownToNoteState } from '../../electron/services/notes/markdownNotes';
import { createServices } from '../../electron/services/createServices';
import { openConfPreferences } from '../../electron/services/preferences/openConfPreferences';
import { emptyNoteState, type SerializedNoteNode } from '../../shared/note/noteFile';
import { image, link, note, paragraph, privateNote, text } from '../export/fixtures/noteBuilders';
import { createCliFixture, type CliFixture } from './cliFixture';

const NOTE_MARKDOWN = [
  '# Opening keynote',
  '',
  '## The argument',
  '',
  'Cloud costs are **up 40%**, *not down*, and ~~nobody~~ everyone noticed. Slides: [deck](https://example.com/deck)',
  '',
  '- first point',
  '- second point',
  '    - a detail',
  '',
  '1. step one',
  '2. step two',
  '',
  '> The cloud is just someone else\'s computer.',
].join('\n');

let cli: CliFixture;
let eventId: string;
let sessionId: string;
beforeEach(async () => {
  cli = await createCliFixture();
  eventId = await cli.createEvent();
  sessionId = await cli.ok('session', 'add', eventId, '--day', '1', '--start', '09:00', '--title', 'Opening keynote');
});
afterEach(() => cli.cleanup());

const noteFile = () => join(cli.library, 'events', eventId, 'notes', `${sessionId}.json`);

async function writeMarkdown(name: string, markdown: string | Buffer): Promise<string> {
  const path = join(cli.root, name);
  await writeFile(path, markdown);
  return path;
}

describe('hallnotes note set', () => {
  it('stores the Markdown as the editor state the note editor saves, and note get gives the Markdown back', async () => {
    await writeMarkdown('note.md', NOTE_MARKDOWN);

    const set = await cli.run('note', 'set', eventId, sessionId, '--from', 'note.md');
    const get = await cli.run('note', 'get', eventId, sessionId, '--format', 'md');

    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(new RegExp(`^Saved the note of session ${sessionId} \\(\\d+ bytes\\)\\.\\n$`));
    const stored = JSON.parse(await readFile(noteFile(), 'utf8'));
    // Through JSON, as the app writes it: Lexical's toJSON leaves some keys undefined.
    const expectedState = JSON.parse(JSON.stringify(markdownToNoteState(NOTE_MARKDOWN)));
    expect(stored).toMatchObject({ format: 1, sessionId, editorState: expectedState });
    // CommonMark as the export writes it: a nested list sits under its parent's text.
    expect(get).toEqual({ code: 0, stdout: `${NOTE_MARKDOWN.replace('    - a detail', '  - a detail')}\n`, stderr: '' });
    // …and it reads back as the same note.
    await writeMarkdown('again.md', get.stdout);
    await cli.ok('note', 'set', eventId, sessionId, '--from', 'again.md');
    expect(JSON.parse(await readFile(noteFile(), 'utf8')).editorState).toEqual(stored.editorState);
  });

  it('drops unsafe link targets before the note reaches the disk, keeping the link text', async () => {
    await writeMarkdown('links.md', 'Try [click me](javascript:alert(1)), [sneaky](JaVaScRiPt:alert(2)) and [the site](https://example.com/).');

    expect((await cli.run('note', 'set', eventId, sessionId, '--from', 'links.md')).code).toBe(0);

    const onDisk = await readFile(noteFile(), 'utf8');
    expect(onDisk.toLowerCase()).not.toContain('javascript');
    expect(onDisk).toContain('https://example.com/');
    expect(await cli.ok('note', 'get', eventId, sessionId)).toBe('Try click me, sneaky and [the site](https://example.com/).');
  });

  it('reads the Markdown from the standard input with --from -', async () => {
    const result = await cli.runWith({ stdin: '## From a pipe\n\n**bold** text' }, 'note', 'set', eventId, sessionId, '--from', '-');
    expect(result.code).toBe(0);
    expect(await cli.ok('note', 'get', eventId, sessionId)).toBe('## From a pipe\n\n**bold** text');
  });

  it('replaces the previous note', async () => {
    await writeMarkdown('first.md', 'First version');
    await writeMarkdown('second.md', 'Second version');
    await cli.ok('note', 'set', eventId, sessionId, '--from', 'first.md');
    await cli.ok('note', 'set', eventId, sessionId, '--from', 'second.md');
    expect(await cli.ok('note', 'get', eventId, sessionId)).toBe('Second version');
  });

  it('prints savedAt and bytesWritten with --json', async () => {
    await writeMarkdown('note.md', 'Hello');
    const printed = JSON.parse(await cli.ok('note', 'set', eventId, sessionId, '--from', 'note.md', '--json'));
    expect(Object.keys(printed).sort()).toEqual(['bytesWritten', 'savedAt']);
    expect(printed.bytesWritten).toBe((await readFile(noteFile())).byteLength);
  });

  it.each([
    ['a file that does not exist', async () => 'missing.md', /^hallnotes: Could not read .*missing\.md: there is no such file\.\n$/],
    ['a folder', async () => { await mkdir(join(cli.root, 'folder.md')); return 'folder.md'; }, /folder\.md: it is a folder, not a file\./],
    ['a file that is not UTF-8', async () => writeMarkdown('latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9])), /latin1\.md is not UTF-8 text/],
    ['a file over 10 MB', async () => { const path = await writeMarkdown('huge.md', ''); await truncate(path, 10 * 1024 * 1024 + 1); return path; }, /huge\.md is larger than 10 MB/],
  ])('exits 1 without touching the note when --from names %s', async (_case, prepare, message) => {
    const result = await cli.run('note', 'set', eventId, sessionId, '--from', await prepare());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(noteFile())).toBe(false);
  });

  it('refuses an endless device after 10 MB instead of reading it to the end', async () => {
    const result = await cli.run('note', 'set', eventId, sessionId, '--from', '/dev/zero');
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'hallnotes: /dev/zero is larger than 10 MB, the most Hallnotes reads from it; nothing was read.\n' });
    expect(existsSync(noteFile())).toBe(false);
  });

  it('refuses a pipe that sends more than 10 MB without waiting for it to end', async () => {
    const fifo = join(cli.root, 'notes.fifo');
    execFileSync('mkfifo', [fifo]);
    // 11 MB into the pipe, then the writer stays (holding the pipe open) until the test ends.
    const writer = spawn('sh', ['-c', 'exec 3>"$0"; head -c 11534336 /dev/zero >&3; exec sleep 60', fifo], { stdio: 'ignore' });
    try {
      const result = await cli.run('note', 'set', eventId, sessionId, '--from', 'notes.fifo');
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`hallnotes: ${fifo} is larger than 10 MB, the most Hallnotes reads from it; nothing was read.\n`);
      expect(existsSync(noteFile())).toBe(false);
    } finally {
      writer.kill('SIGKILL');
    }
  }, 15_000);

  it('refuses standard input that goes on past 10 MB', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    async function* endless() {
      for (;;) yield chunk;
    }
    let stdout = '';
    let stderr = '';
    const code = await runCli(['note', 'set', eventId, sessionId, '--from', '-'], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: { HALLNOTES_LIBRARY: cli.library, HALLNOTES_CONFIG_DIR: cli.config },
      cwd: cli.root,
      stdin: endless(),
    });
    expect({ code, stdout, stderr }).toEqual({ code: 1, stdout: '', stderr: 'hallnotes: the standard input is larger than 10 MB, the most Hallnotes reads from it; nothing was read.\n' });
  });

  it('exits 1 when the session or the event does not exist', async () => {
    await writeMarkdown('note.md', 'Hello');
    const noSession = await cli.run('note', 'set', eventId, 'nosuchsession', '--from', 'note.md');
    const noEvent = await cli.run('note', 'set', 'no-such-event', sessionId, '--from', 'note.md');
    expect(noSession.code).toBe(1);
    expect(noSession.stderr).toContain('Event "Web Summit 2026" has no session with id "nosuchsession"');
    expect(noEvent.code).toBe(1);
    expect(noEvent.stderr).toContain('There is no event with id "no-such-event"');
  });

  it('exits 1 when --from - is given but there is no standard input', async () => {
    const result = await cli.run('note', 'set', eventId, sessionId, '--from', '-');
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'hallnotes: There is no standard input to read the note from.\n' });
  });

  it.each([
    ['--from is missing', ['EVENT', 'SESSION'], 'missing required option --from'],
    ['the session is missing', ['EVENT', '--from', 'x.md'], 'missing SESSION'],
    ['the session id is a path', ['EVENT', '../../x', '--from', 'x.md'], 'SESSION must be an id'],
  ])('exits 2 with the usage when %s', async (_case, args, message) => {
    const result = await cli.run('note', 'set', ...args.map((arg) => (arg === 'EVENT' ? eventId : arg === 'SESSION' ? sessionId : arg)));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`hallnotes: ${message}`);
    expect(result.stderr).toContain('Usage:\n  hallnotes note set EVENT SESSION --from FILE.md');
  });
});

describe('hallnotes note get', () => {
  it('prints the stored editor state with --format json or --json', async () => {
    await writeMarkdown('note.md', NOTE_MARKDOWN);
    await cli.ok('note', 'set', eventId, sessionId, '--from', 'note.md');
    const stored = JSON.parse(await readFile(noteFile(), 'utf8'));

    expect(JSON.parse(await cli.ok('note', 'get', eventId, sessionId, '--format', 'json'))).toEqual(stored.editorState);
    expect(JSON.parse(await cli.ok('note', 'get', eventId, sessionId, '--json'))).toEqual(stored.editorState);
  });

  it('prints note text as text: no raw HTML and no unsafe link comes alive when the Markdown is rendered', async () => {
    const hostile = [
      'Hello <img src=x onerror=alert(1)> and <script>alert(2)</script>',
      '[click][evil] and [also][]',
      '[evil]: javascript:alert(3)',
      '[also]: <javascript:alert(4)>',
      '<div onclick="alert(5)">raw block</div>',
      'An autolink <javascript:alert(6)>, an entity &#106;avascript:alert(7) and &lt;b&gt;',
      '<!-- a comment --> and a <a href="javascript:alert(8)">tag</a>',
      '![x](javascript:alert(9)) and [typed](https://example.org/)',
    ];
    // As typed in the app: every line is plain text in the stored note; one real link beside them.
    await saveNote(note(...hostile.map((line) => paragraph(text(line))), paragraph(text('See '), link('https://example.com/', 'the slides'))));

    const markdown = await cli.ok('note', 'get', eventId, sessionId, '--format', 'md');
    const rendered = renderCommonMark(markdown);

    expect(rendered.rawHtml).toEqual([]);
    expect(rendered.destinations).toEqual(['https://example.com/']);
    expect(rendered.html).not.toMatch(/<(img|script|div|a href="javascript)/i);
    for (const line of ['Hello &lt;img src=x onerror=alert(1)&gt;', '[evil]: javascript:alert(3)', '&lt;javascript:alert(6)&gt;', '&amp;#106;avascript:alert(7)', '&amp;lt;b&amp;gt;']) {
      expect(rendered.html).toContain(line);
    }
  });

  it('leaves private notes out of the Markdown and says so on stderr', async () => {
    const photo = `assets/${'a'.repeat(64)}.png`;
    await saveNote(note(paragraph(text('For the post')), privateNote(paragraph(text('off the record'))), image(photo, 'The slide', '')));

    const result = await cli.run('note', 'get', eventId, sessionId);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`For the post\n\n![The slide](${photo})\n`);
    expect(result.stderr).toBe('hallnotes: This note has 1 private note, which Markdown leaves out; --format json shows the whole note.\n');
  });

  it('prints nothing as Markdown, and the empty state as JSON, for a session without a note', async () => {
    expect(await cli.run('note', 'get', eventId, sessionId)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(await cli.ok('note', 'get', eventId, sessionId, '--format', 'json'))).toEqual(emptyNoteState());
  });

  it('exits 1 for a session that does not exist', async () => {
    const result = await cli.run('note', 'get', eventId, 'nosuchsession');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has no session with id "nosuchsession"');
  });

  it.each([
    ['an unknown format', ['--format', 'html'], '--format must be md or json, not "html"'],
    ['--json with --format md', ['--json', '--format', 'md'], '--json asks for JSON but --format asks for md'],
  ])('exits 2 for %s', async (_case, flags, message) => {
    const result = await cli.run('note', 'get', eventId, sessionId, ...flags);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

async function saveNote(state: { root: SerializedNoteNode }): Promise<void> {
  const services = createServices({ libraryPath: cli.library, preferences: openConfPreferences(cli.config, () => undefined) });
  await services.notes.save(eventId, sessionId, state as never);
  await services.writes.drain();
}

/** What a CommonMark reader makes of the Markdown: its HTML, every raw HTML node and every link or image target. */
function renderCommonMark(markdown: string): { html: string; rawHtml: string[]; destinations: string[] } {
  const document = new Parser().parse(markdown);
  const rawHtml: string[] = [];
  const destinations: string[] = [];
  const walker = document.walker();
  for (let step = walker.next(); step; step = walker.next()) {
    if (!step.entering) continue;
    const node = step.node;
    if (node.type === 'html_inline' || node.type === 'html_block') rawHtml.push(node.literal ?? '');
    if (node.type === 'link' || node.type === 'image') destinations.push(node.destination ?? '');
  }
  return { html: new HtmlRenderer().render(document), rawHtml, destinations };
}
