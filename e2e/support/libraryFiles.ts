import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

type StoredNode = { type: string; text?: string; children?: StoredNode[] };
type StoredEvent = { id: string; title: string; sessions: Array<{ id: string; title: string; day: number; start: string; status: string; picked?: boolean }> };

export async function readEvents(libraryPath: string): Promise<StoredEvent[]> {
  const folder = join(libraryPath, 'events');
  const ids = await readdir(folder);
  return Promise.all(ids.map(async (id) => JSON.parse(await readFile(join(folder, id, 'event.json'), 'utf8')) as StoredEvent));
}

/** The plain text of every note on disk, keyed by session title, one line per block. */
export async function readNoteTexts(libraryPath: string): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const event of await readEvents(libraryPath)) {
    for (const session of event.sessions) {
      let raw: string;
      try {
        raw = await readFile(join(libraryPath, 'events', event.id, 'notes', `${session.id}.json`), 'utf8');
      } catch {
        continue;
      }
      const note = JSON.parse(raw) as { editorState: { root: StoredNode } };
      texts[session.title] = (note.editorState.root.children ?? []).map(textOf).join('\n');
    }
  }
  return texts;
}

function textOf(node: StoredNode): string {
  return node.text ?? (node.children ?? []).map(textOf).join('');
}
