// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest';
import { SaveErrorBanner } from '../../renderer/features/note/SaveIndicator';
import { NoteSaver } from '../../renderer/features/note/noteSaver';
import { NoteSaverContext } from '../../renderer/features/note/noteSaverContext';
import { serializedNoteStateSchema, type SerializedNoteState } from '../../shared/note/noteFile';
import { render, settle, type Rendered } from './support/dom';

let shown: Rendered | null = null;
afterEach(async () => {
  await shown?.unmount();
  shown = null;
});

it('tells the reporter in words when a note could only be saved repaired', async () => {
  const saver = new NoteSaver(async ({ editorState }) =>
    serializedNoteStateSchema.safeParse(editorState).success
      ? { ok: true, value: { savedAt: '2026-08-25T09:30:00.000Z', bytesWritten: 10 } }
      : { ok: false, error: { code: 'invalid-argument', message: 'timestamp without a time' } },
  );
  const address = { eventId: 'summit', sessionId: 'keynote' };
  shown = await render(
    <NoteSaverContext value={saver}>
      <SaveErrorBanner address={address} />
    </NoteSaverContext>,
  );
  const hostile = { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'timestamp', version: 1 }, { type: 'text', version: 1, text: 'starts', format: 0 }] }] } } as SerializedNoteState;
  saver.change(address, () => hostile);
  await saver.flush(address);
  await settle();
  expect(shown.container.textContent).toBe(
    'Part of this note could not be stored as it was (a timestamp that was not a time was left out). It was saved with that part simplified, so no word is lost; the note will open that way next time.',
  );
});
