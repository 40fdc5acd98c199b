import type { SearchResults, SearchSnippet } from '../../shared/model/search';
import { COMMON_OPTIONS, parseCommandLine, parseWholeNumber, UsageError } from './cliArguments';
import type { CliSession } from './cliSession';
import type { SingleCommand } from './commandGroup';

const USAGE = `Usage:
  hallnotes search QUERY [--limit N] [--library DIR] [--json]`;

const HELP = `${USAGE}

Searches every note and every session's title, speakers and room, in every event of the
library. All words must match; the last one, from three letters on, also matches the start
of a word ("keyn" finds "keynote"). Case and accents are ignored. Quote a query of several
words.

  --limit N      show at most N sessions (default 20, at most 500)
  --json         print the results as JSON: events, their sessions, and snippets with the
                 [start, end) character ranges of each match
  --library DIR  the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)

In the text output, matches are marked with [brackets].`;

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;

async function runSearch(args: string[], cli: CliSession): Promise<void> {
  const { values, positionals } = parseCommandLine(args, { ...COMMON_OPTIONS, limit: { type: 'string' } }, ['QUERY']);
  const query = positionals[0];
  if (!query.trim()) throw new UsageError('QUERY must not be empty');
  const limit = values.limit === undefined ? DEFAULT_LIMIT : parseWholeNumber(values.limit, '--limit');
  if (limit < 1 || limit > MAX_LIMIT) throw new UsageError(`--limit must be between 1 and ${MAX_LIMIT}`);
  const services = cli.open(values.library);
  const results = await services.search.query(query, limit);
  if (values.json) cli.printJson(results);
  else cli.print(describeResults(results));
}

function describeResults(results: SearchResults): string {
  if (results.total === 0) return `No notes or sessions match "${results.query}".`;
  const shown = results.groups.reduce((count, group) => count + group.hits.length, 0);
  const lines = [`${results.total} session(s) match "${results.query}"${shown < results.total ? `; showing the first ${shown}` : ''}.`];
  for (const group of results.groups) {
    lines.push('', `${group.eventTitle} (${group.eventId})`);
    for (const hit of group.hits) {
      const time = hit.end ? `${hit.start}–${hit.end}` : hit.start;
      lines.push(`  Day ${hit.day} ${time}  ${hit.title}${hit.room ? ` · ${hit.room}` : ''}  [${hit.sessionId}]`);
      for (const snippet of hit.snippets) lines.push(`    ${snippet.field}: ${marked(snippet)}`);
    }
  }
  return lines.join('\n');
}

function marked(snippet: SearchSnippet): string {
  let text = '';
  let position = 0;
  for (const [start, end] of snippet.ranges) {
    text += `${snippet.text.slice(position, start)}[${snippet.text.slice(start, end)}]`;
    position = end;
  }
  text += snippet.text.slice(position);
  return `${snippet.clippedStart ? '…' : ''}${text}${snippet.clippedEnd ? '…' : ''}`;
}

export const SEARCH_COMMAND: SingleCommand = { name: 'search', usage: USAGE, help: HELP, run: runSearch };
