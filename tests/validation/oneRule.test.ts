import { describe, expect, it } from 'vitest';
import { noteToBlocks } from '../../shared/export/noteToBlocks';
import { isAssetSrc } from '../../shared/note/assetPath';
import { image, note } from '../export/fixtures/noteBuilders';

/** Rules stated once and imported everywhere they apply; each test shows two places agreeing. */

describe('the photo path rule', () => {
  const HASH = 'ab'.repeat(32);
  it.each([
    [`assets/${HASH}.jpg`],
    [`assets/${HASH}.png`],
    ['assets/slide.svg'],
    ['assets/notes/slide.html'],
    [`assets/${HASH}.jpg.html`],
    [`assets/${HASH.toUpperCase()}.jpg`],
    ['assets/..'],
    [`assets/x/../${HASH}.jpg`],
  ])('the export shows %s exactly when the note model accepts it as a stored photo', (src) => {
    const shown = noteToBlocks(note(image(src, 'alt', '')), { headingShift: 0 }).some((block) => block.kind === 'image');
    expect(shown).toBe(isAssetSrc(src));
  });
});
