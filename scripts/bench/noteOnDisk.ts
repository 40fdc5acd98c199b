import { readFile } from 'node:fs/promises';
import { LibraryPaths } from '../../electron/services/library/libraryPaths';
import type { BenchSession } from './appLibrary';

/** Polls a note's file until it contains `text`; resolves with the epoch milliseconds it was first seen. */
export async function waitForNoteOnDisk(libraryPath: string, eventId: string, sessionId: string, text: string, timeoutMs = 10_000): Promise<number> {
  const file = new LibraryPaths(libraryPath).noteFile(eventId, sessionId);
  const deadline = Date.now() + timeoutMs;
  const needle = JSON.stringify(text).slice(1, -1);
  while (Date.now() < deadline) {
    const content = await readFile(file, 'utf8').catch(() => '');
    if (content.includes(needle)) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`The note of session ${sessionId} did not reach the disk with the typed text within ${timeoutMs} ms.`);
}

/** After typing at the end of a note, what its editor ends with. */
export function recordTyping(session: BenchSession, typed: string): void {
  session.closingText = (session.closingText + typed).slice(-32);
}
