import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createChannelHandlers } from '../../../electron/services/ipc/channelHandlers';
import { dispatchChannel, isChannelName } from '../../../electron/services/ipc/dispatchChannel';
import { composePost } from '../../../shared/export/composePost';
import { renderHtml } from '../../../shared/export/html';
import { renderMarkdown } from '../../../shared/export/markdown';
import { renderPlainText } from '../../../shared/export/plainText';
import type { PostInput } from '../../../shared/export/postInput';
import type { ExportResult } from '../../../shared/model/post';
import { renderWordPress } from '../../../shared/export/wordpress';
import { openServices } from '../benchLibrary';
import { row, unavailableRow, type Measure, type Row, type Target } from '../measure';
import { createFilledEvent } from '../servicesLibrary';
import { seededRandom } from '../textGenerator';
import { interleaved } from '../timing';

const RUNS_PER_REP = 10;
const FORMATS = ['html', 'markdown', 'wordpress', 'text'] as const;
type Format = (typeof FORMATS)[number];

const RENDERERS: Record<Format, (post: ReturnType<typeof composePost>) => string> = {
  html: (post) => renderHtml(post, { document: true }),
  markdown: (post) => renderMarkdown(post, { frontMatter: true }),
  wordpress: renderWordPress,
  text: renderPlainText,
};
const ALL_FOUR: Target = { text: 'all four < 200 ms (median)', met: ({ result }) => result.median < 200 };

/**
 * A three-day event, 60 sessions, 120,000 words, as one post. First the shared serializers on
 * notes already in memory (composePost, then each format); then, when the services have the
 * `export:write` channel, the whole export from disk through the same dispatcher the app uses
 * (read the event, post settings and notes, compose, render, write the file atomically).
 * Baselines: JSON.stringify of the same notes, and reading + JSON.parse of their files.
 */
export const exportMeasure: Measure = {
  id: 'export',
  usesBrowser: false,
  async run({ reps, scratch, log }) {
    const services = openServices(join(scratch, 'export-library'));
    const filled = await createFilledEvent(services, seededRandom('hallnotes-bench-export'), { title: 'Export Days', days: 3, sessions: 60, words: 120_000 });
    log('export: library of 60 sessions / 120,000 words ready');
    const input: PostInput = {
      title: 'Export Days, all three days',
      intro: null,
      closing: null,
      byline: 'Posted by the benchmark',
      author: 'Bench',
      tags: ['bench'],
      date: filled.event.startDate,
      style: 'headings',
      sections: filled.event.sessions.map((session) => ({ session, note: filled.notes.get(session.id) ?? null })),
    };
    const notes = [...filled.notes.values()];
    const count = RUNS_PER_REP * reps;
    const inMemory = await interleaved(count, {
      baseline: () => JSON.stringify(notes),
      html: () => RENDERERS.html(composePost(input)),
      markdown: () => RENDERERS.markdown(composePost(input)),
      wordpress: () => RENDERERS.wordpress(composePost(input)),
      text: () => RENDERERS.text(composePost(input)),
      allFour: () => FORMATS.forEach((format) => RENDERERS[format](composePost(input))),
    });
    const baseline = { label: 'JSON.stringify of the notes', samples: inMemory.baseline };
    const rows: Row[] = FORMATS.map((format) => row({ measure: 'Export', label: `${format}: serializers, notes in memory`, unit: 'ms', samples: inMemory[format], baseline }));
    rows.push(row({ measure: 'Export', label: 'all four: serializers, notes in memory', unit: 'ms', samples: inMemory.allFour, baseline, target: ALL_FOUR }));

    if (!isChannelName('export:write')) {
      rows.push(unavailableRow('Export', 'all four: from disk (export:write)', 'not available (no export:write channel yet)'));
      return rows;
    }
    const handlers = createChannelHandlers(services, { onFlushComplete: () => undefined });
    const noteFiles = filled.event.sessions.map((session) => services.paths.noteFile(filled.event.id, session.id));
    const exportFromDisk = (format: Format) => async () => {
      // Each sample writes the same file again: replace it, as the editor who answers "Replace" does.
      const result = await dispatchChannel(handlers, 'export:write', { eventId: filled.event.id, day: null, format, ifExists: 'replace' });
      if (!result.ok) throw new Error(`export:write (${format}) failed: ${result.error.message}`);
      // A post with TK markers is refused before it is written; the measure is of writing it.
      const { status } = result.value as ExportResult;
      if (status !== 'written') throw new Error(`export:write (${format}) wrote nothing: ${status}`);
    };
    try {
      const fromDisk = await interleaved(count, {
        baseline: () => Promise.all(noteFiles.map(async (file) => JSON.parse(await readFile(file, 'utf8')))),
        html: exportFromDisk('html'),
        markdown: exportFromDisk('markdown'),
        wordpress: exportFromDisk('wordpress'),
        text: exportFromDisk('text'),
      });
      const diskBaseline = { label: 'read + JSON.parse of the note files', samples: fromDisk.baseline };
      for (const format of FORMATS) rows.push(row({ measure: 'Export', label: `${format}: from disk to file`, unit: 'ms', samples: fromDisk[format], baseline: diskBaseline }));
      // One export of each format in the same round, added up: what exporting all four costs.
      const total = fromDisk.html.map((_, run) => FORMATS.reduce((sum, format) => sum + fromDisk[format][run], 0));
      rows.push(row({ measure: 'Export', label: 'all four: from disk to file', unit: 'ms', samples: total, baseline: diskBaseline, target: ALL_FOUR }));
    } catch (error) {
      rows.push(unavailableRow('Export', 'all four: from disk (export:write)', `failed: ${(error as Error).message}`));
    } finally {
      await services.writes.drain();
    }
    return rows;
  },
};
