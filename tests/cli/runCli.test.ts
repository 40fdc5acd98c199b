import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliFixture, type CliFixture } from './cliFixture';

let cli: CliFixture;
beforeEach(async () => {
  cli = await createCliFixture();
});
afterEach(() => cli.cleanup());

describe('hallnotes help', () => {
  it('lists every command, the common options, the environment and the exit codes on --help', async () => {
    const result = await cli.run('--help');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const text of [
      'hallnotes event create --title T --start YYYY-MM-DD',
      'hallnotes event list',
      'hallnotes session add EVENT --day N --start HH:MM',
      'hallnotes session list EVENT [--day N]',
      'hallnotes note set EVENT SESSION --from FILE.md',
      'hallnotes note get EVENT SESSION [--format md|json]',
      '--library DIR',
      '--json',
      'HALLNOTES_LIBRARY',
      'HALLNOTES_CONFIG_DIR',
      'Exit status: 0',
    ]) {
      expect(result.stdout).toContain(text);
    }
  });

  it.each([
    ['event', ['--timezone Area/City', 'event list']],
    ['session', ['--speaker "Name; Role; Organisation"', 'keynote, plenary, panel, break-out, workshop, break', 'planned, live, covered, skipped']],
    ['note', ['--from FILE.md', '--format md']],
  ])('explains the %s commands on "hallnotes %s --help"', async (group, texts) => {
    const result = await cli.run(group, '--help');
    expect(result.code).toBe(0);
    for (const text of texts) expect(result.stdout).toContain(text);
  });

  it('shows the group help for -h after a command, even with required options missing', async () => {
    const result = await cli.run('session', 'add', '-h');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('session add    Adds a session');
  });
});

describe('hallnotes usage errors', () => {
  it.each([
    ['no command', [], 'hallnotes: no command given'],
    ['an unknown command', ['events'], 'hallnotes: unknown command "events"'],
    ['a group without a command', ['note'], 'hallnotes: "hallnotes note" needs a command'],
    ['an unknown command in a group', ['event', 'delete'], 'hallnotes: unknown command "event delete"'],
    ['a name inherited by every object', ['event', 'constructor'], 'hallnotes: unknown command "event constructor"'],
  ])('exits 2 with a message and a short usage for %s', async (_case, argv, message) => {
    const result = await cli.run(...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(`${message}\n\nUsage:`)).toBe(true);
  });
});
