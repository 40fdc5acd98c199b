import { parentPort, workerData } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/ipc/result';
import { ServiceError } from '../storage/serviceError';
import { parseProgrammeFile } from './parseProgrammeFile';
import type { ImportedProgramme, ParseOptions } from './programme';

/** What `parseInWorker` sends (as workerData) and gets back; plain data, so it crosses threads. */
export type ParserRequest = { fileName: string; bytes: Uint8Array; options: ParseOptions };
export type ParserReply = { ok: true; programme: ImportedProgramme } | { ok: false; code: ErrorCode; message: string };

function reply(request: ParserRequest): ParserReply {
  try {
    return { ok: true, programme: parseProgrammeFile(request.fileName, request.bytes, request.options) };
  } catch (error) {
    if (error instanceof ServiceError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'invalid-argument', message: `${request.fileName}: could not be read: ${(error as Error).message}` };
  }
}

// Run only as a worker thread; importing it elsewhere (for its types) does nothing.
if (parentPort && workerData) parentPort.postMessage(reply(workerData as ParserRequest));
