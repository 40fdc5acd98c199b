import { Worker } from 'node:worker_threads';
import { ServiceError } from '../storage/serviceError';
import { parseProgrammeFile } from './parseProgrammeFile';
import type { ImportedProgramme, ParseOptions } from './programme';
import type { ParserReply, ParserRequest } from './programmeParserWorker';

/** Reads a programme file into an `ImportedProgramme`, or refuses it with a message naming the file. */
export type ProgrammeParser = (fileName: string, bytes: Uint8Array, options: ParseOptions) => Promise<ImportedProgramme>;

/** On the calling thread: for tests and scripts that do not ship the worker. */
export const parseOnThisThread: ProgrammeParser = async (fileName, bytes, options) => parseProgrammeFile(fileName, bytes, options);

export type WorkerLimits = {
  /** A parse still running after this long is stopped. */
  timeoutMs: number;
  /** The worker's heap; a file that needs more is refused instead of swapping the laptop. */
  maxHeapMb: number;
};

function seconds(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds} ms` : `${Math.round(milliseconds / 1000)} s`;
}

/** 20 MB of iCalendar parses in a few seconds on a slow laptop; a minute is far beyond any real programme. */
export const DEFAULT_WORKER_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxHeapMb: 1024 };

/**
 * Parses each file in a fresh worker thread (the same module in Electron's main process, the host
 * and the CLI), so the thread that saves notes stays free however long a hostile file takes: the
 * main thread only waits for a message. A parse that runs too long or needs too much memory ends
 * the worker, and the file is refused with a message naming it.
 */
export function parseInWorker(workerScript: URL, limits: WorkerLimits = DEFAULT_WORKER_LIMITS): ProgrammeParser {
  return (fileName, bytes, options) =>
    new Promise<ImportedProgramme>((resolve, reject) => {
      const request: ParserRequest = { fileName, bytes, options };
      const worker = new Worker(workerScript, { workerData: request, resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb }, stdout: false, stderr: false });
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
        void worker.terminate();
      };
      const timer = setTimeout(() => {
        settle(() => reject(new ServiceError('invalid-argument', `${fileName}: reading it took longer than ${seconds(limits.timeoutMs)}, far more than any programme needs; nothing was imported.`)));
      }, limits.timeoutMs);
      worker.once('message', (reply: ParserReply) => {
        settle(() => (reply.ok ? resolve(reply.programme) : reject(new ServiceError(reply.code, reply.message))));
      });
      worker.once('error', (error: Error & { code?: string }) => {
        const message =
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `${fileName}: reading it needed more than ${limits.maxHeapMb} MB of memory, far more than any programme needs; nothing was imported.`
            : `${fileName}: could not be read: ${error.message}`;
        settle(() => reject(new ServiceError('invalid-argument', message)));
      });
      worker.once('exit', (code) => {
        settle(() => reject(new ServiceError('invalid-argument', `${fileName}: the reader stopped (exit code ${code}) before it finished; nothing was imported.`)));
      });
    });
}
