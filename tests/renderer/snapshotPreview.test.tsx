// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { SerializedNoteNode } from '../../shared/note/noteFile';
import { SnapshotPreview } from '../../renderer/features/history/SnapshotPreview';
import { noteState, paragraph, textNode } from '../helpers/noteStates';
import { render, settle, type Rendered } from './support/dom';

const PHOTO = `assets/${'a'.repeat(64)}.png`;
const image = (caption: string): SerializedNoteNode => ({ type: 'image', version: 1, src: PHOTO, caption });

describe('the snapshot preview', () => {
  let shown: Rendered | null = null;
  afterEach(async () => {
    await shown?.unmount();
    shown = null;
  });

  it('shows a snapshot holding a photo by itself, outside any note editor: the photo, and its caption as text to read', async () => {
    const state = noteState('The revenue slide:');
    state.root.children.push(image('Revenue by year'), paragraph(textNode('Then questions.')));
    shown = await render(<SnapshotPreview eventId="summit-2026" editorState={state} />);
    await settle();
    const preview = shown.container.querySelector('[aria-label="Snapshot preview"]')!;
    expect(preview.getAttribute('contenteditable')).toBe('false');
    expect(preview.querySelector('img')?.getAttribute('src')).toBe(`event-assets/summit-2026/${'a'.repeat(64)}.png`);
    expect(preview.querySelector('figcaption')?.textContent).toBe('Revenue by year');
    expect(preview.querySelector('input')).toBeNull();
    expect(preview.textContent).toContain('Then questions.');
  });
});
