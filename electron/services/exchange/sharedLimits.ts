import { MAX_IMAGE_BYTES } from '../../../shared/note/assetPath';

/**
 * The largest file of each kind a bundle or a remote may hand this library. Far above any
 * real event (a 20,000-word note is under 2 MB), far below what would exhaust memory.
 */
export const MAX_EVENT_FILE_BYTES = 32 * 1024 * 1024;
export const MAX_NOTE_FILE_BYTES = 16 * 1024 * 1024;
export const MAX_POST_FILE_BYTES = 16 * 1024 * 1024;
export const MAX_ASSET_BYTES = MAX_IMAGE_BYTES;
/** A note with more versions than this nobody has resolved for a very long time; refusing it keeps a hostile file small. */
export const MAX_HEADS_PER_NOTE = 50;
