import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Services } from '../../../electron/services/createServices';
import { createChannelHandlers } from '../../../electron/services/ipc/channelHandlers';
import { dispatchChannel, isChannelName } from '../../../electron/services/ipc/dispatchChannel';
import type { EventFile } from '../../../shared/model/event';
import { noteStateText } from '../../../shared/note/noteText';
import { openServices } from '../benchLibrary';
import { median } from '../statistics';
import { row, unavailableRow, type Measure } from '../measure';
import { createFilledEvent } from '../servicesLibrary';
import { seededRandom } from '../textGenerator';
import { timed } from '../timing';

const EVENTS = 5;
const SESSIONS_PER_EVENT = 100;
const WORDS = 1_000_000;
const RUNS_PER_REP = 5;
/** Common and rare words, several words at once, a word start, a speaker's name, and a word that is nowhere. */
const QUERIES = ['community', 'latency', 'open source', 'memory browser editor', 'perf', 'Okafor', 'xylophone'];

/**
 * Query latency over 500 sessions and 1,000,000 words in five events, through the
 * `search:query` channel as the app calls it, against a naive scan (String.includes of every
 * query word over every session's lower-cased text, already in memory). The index is built by
 * the first query; that is timed separately, against reading every note file and taking its text.
 */
export const searchMeasure: Measure = {
  id: 'search',
  usesBrowser: false,
  async run({ reps, scratch, log }) {
    if (!isChannelName('search:query')) return [unavailableRow('Search', 'query', 'not available (search service not built yet)')];
    const libraryPath = join(scratch, 'search-library');
    const services = openServices(libraryPath);
    const random = seededRandom('hallnotes-bench-search');
    const events: EventFile[] = [];
    for (let index = 0; index < EVENTS; index++) {
      const filled = await createFilledEvent(services, random, { title: `Search Conference ${index + 1}`, days: 3, sessions: SESSIONS_PER_EVENT, words: WORDS / EVENTS });
      events.push(filled.event);
    }
    await services.writes.drain();
    log(`search: library of ${EVENTS * SESSIONS_PER_EVENT} sessions / ${WORDS.toLocaleString('en')} words ready`);

    const builds: number[] = [];
    const readAll: number[] = [];
    const queries: number[] = [];
    const scans: number[] = [];
    const perQuery = new Map<string, number[]>(QUERIES.map((query) => [query, []]));
    let texts: string[] = [];
    for (let rep = 0; rep < reps; rep++) {
      // A fresh service per repetition, so its first query builds the index from disk again.
      const fresh = openServices(libraryPath);
      const handlers = createChannelHandlers(fresh, { onFlushComplete: () => undefined });
      const query = async (text: string) => {
        const result = await dispatchChannel(handlers, 'search:query', { query: text, limit: 50 });
        if (!result.ok) throw new Error(`search:query "${text}" failed: ${result.error.message}`);
      };
      builds.push(await timed(() => query('keynote')));
      let read: string[] = [];
      readAll.push(await timed(async () => (read = await sessionTexts(fresh, events))));
      texts = read;
      for (let run = 0; run < RUNS_PER_REP; run++) {
        for (const text of QUERIES) {
          const took = await timed(() => query(text));
          queries.push(took);
          perQuery.get(text)!.push(took);
          scans.push(await timed(() => naiveScan(texts, text)));
        }
      }
    }
    const medians = [...perQuery].map(([text, samples]) => `"${text}" ${median(samples).toFixed(1)}`).join(', ');
    return [
      row({ measure: 'Search', label: `query, ${QUERIES.length} kinds of query`, unit: 'ms', samples: queries, baseline: { label: 'naive String.includes scan', samples: scans }, note: `median per query (ms): ${medians}` }),
      row({ measure: 'Search', label: 'first query (builds the index)', unit: 'ms', samples: builds, baseline: { label: 'read every note file and take its text', samples: readAll } }),
    ];
  },
};

/** Every session's searchable text (title, speakers, room, note), lower-cased, read from disk. */
async function sessionTexts(services: Services, events: EventFile[]): Promise<string[]> {
  const texts: string[] = [];
  for (const event of events) {
    const notes = await Promise.all(
      event.sessions.map(async (session) => {
        const file = JSON.parse(await readFile(services.paths.noteFile(event.id, session.id), 'utf8'));
        return noteStateText(file.editorState);
      }),
    );
    event.sessions.forEach((session, index) => {
      texts.push([session.title, ...session.speakers.map((speaker) => speaker.name), session.room, notes[index]].join('\n').toLowerCase());
    });
  }
  return texts;
}

function naiveScan(texts: string[], query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return texts.filter((text) => words.every((word) => text.includes(word))).length;
}
