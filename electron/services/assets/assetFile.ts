import { lstat, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { ASSET_FILE_NAME } from '../../../shared/note/assetPath';
import type { LibraryPaths } from '../library/libraryPaths';

export type AssetLocation =
  | { found: true; path: string }
  | { found: false; reason: 'missing' | 'outside-library' | 'not-a-file' };

/**
 * Where a stored photo really is, when it is a regular file inside the library. A link leading
 * elsewhere, a folder, a pipe or a device under a photo's name is refused: the photo route
 * would hand out, and an export would copy, whatever it leads to (and a pipe never ends).
 * Everything that reads a stored photo's bytes asks here first.
 */
export async function locateAssetFile(paths: LibraryPaths, eventId: string, fileName: string): Promise<AssetLocation> {
  if (!ASSET_FILE_NAME.test(fileName)) return { found: false, reason: 'missing' };
  const filePath = join(paths.eventFolder(eventId), 'assets', fileName);
  let real: string;
  let root: string;
  try {
    await lstat(filePath);
    [real, root] = await Promise.all([realpath(filePath), realpath(paths.root)]);
  } catch {
    return { found: false, reason: 'missing' };
  }
  if (!real.startsWith(root + sep)) return { found: false, reason: 'outside-library' };
  try {
    return (await stat(real)).isFile() ? { found: true, path: real } : { found: false, reason: 'not-a-file' };
  } catch {
    return { found: false, reason: 'missing' };
  }
}

/** Why a photo cannot be used, as every message about it says it: "The photo … is a link to a file outside the library". */
export const ASSET_REFUSALS: Record<Exclude<AssetLocation, { found: true }>['reason'], string> = {
  missing: "is missing from the event's assets folder",
  'outside-library': 'is a link to a file outside the library',
  'not-a-file': 'is not a regular file (a folder, a pipe or a device stands in its place)',
};
