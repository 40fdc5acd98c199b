import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { $createImageNode, $isImageNode } from '../../shared/note/nodes/ImageNode';
import { NOTE_NODES } from '../../shared/note/noteNodes';
import { describePhotosInEditor } from '../../renderer/editor/describePhotos';

const HALL = `assets/${'a'.repeat(64)}.png`;
const SLIDE = `assets/${'b'.repeat(64)}.jpg`;

describe('describePhotosInEditor', () => {
  it('gives the alt text to every use of the photo that has none, and leaves the others and the words alone', () => {
    const editor = createHeadlessEditor({ nodes: [...NOTE_NODES], onError: (error) => { throw error; } });
    editor.update(
      () => {
        const words = $createParagraphNode().append($createTextNode('The hall at nine:'));
        $getRoot().append(words, $createImageNode({ src: HALL }), $createImageNode({ src: HALL, alt: 'Described before' }), $createImageNode({ src: SLIDE }));
      },
      { discrete: true },
    );

    expect(describePhotosInEditor(editor, HALL, 'The full hall')).toEqual({ shown: 2, described: 1 });
    const alts = editor.getEditorState().read(() => $getRoot().getChildren().filter($isImageNode).map((image) => [image.getSrc(), image.getAlt()]));
    expect(alts).toEqual([[HALL, 'The full hall'], [HALL, 'Described before'], [SLIDE, '']]);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toContain('The hall at nine:');
    expect(describePhotosInEditor(editor, `assets/${'c'.repeat(64)}.png`, 'Gone')).toEqual({ shown: 0, described: 0 });
  });
});
