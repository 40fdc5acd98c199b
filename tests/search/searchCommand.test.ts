import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../shared/model/search';
import { createCliFixture, type CliFixture } from '../cli/cliFixture';

describe('hallnotes search', () => {
  let cli: CliFixture;
  let eventId: string;
  beforeEach(async () => {
    cli = await createCliFixture();
    eventId = JSON.parse(await cli.ok('event', 'create', '--title', 'Web Summit 2026', '--start', '2026-11-10', '--json')).id;
    const session = JSON.parse(await cli.ok('session', 'add', eventId, '--day', '1', '--start', '09:00', '--end', '09:45', '--title', 'Opening keynote', '--room', 'Centre Stage', '--json'));
    const markdown = join(cli.root, 'note.md');
    await writeFile(markdown, 'The keynote promised **sovereign** cloud for Europe.\n');
    await cli.ok('note', 'set', eventId, session.id, '--from', markdown);
  });
  afterEach(() => cli.cleanup());

  it('prints matching sessions by event, with the matches in brackets', async () => {
    const output = await cli.ok('search', 'sovereign');
    expect(output).toContain('1 session(s) match "sovereign".');
    expect(output).toContain(`Web Summit 2026 (${eventId})`);
    expect(output).toMatch(/Day 1 09:00–09:45 {2}Opening keynote · Centre Stage/);
    expect(output).toContain('note: The keynote promised [sovereign] cloud for Europe.');
  });

  it('prints JSON with snippets and match ranges', async () => {
    const results = JSON.parse(await cli.ok('search', 'keynote', '--json')) as SearchResults;
    expect(results.total).toBe(1);
    const [hit] = results.groups[0].hits;
    expect(hit.snippets.map((snippet) => [snippet.field, snippet.text.slice(...snippet.ranges[0])])).toEqual([
      ['title', 'keynote'],
      ['note', 'keynote'],
    ]);
  });

  it('says when nothing matches, and refuses an empty query or a bad limit', async () => {
    expect(await cli.ok('search', 'blockchain')).toBe('No notes or sessions match "blockchain".');
    expect((await cli.run('search', '  ')).code).toBe(2);
    expect((await cli.run('search')).code).toBe(2);
    const badLimit = await cli.run('search', 'cloud', '--limit', '0');
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--limit must be between 1 and 500');
  });
});
