import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredAsset } from '../../../shared/ipc/channels';
import { megabytes } from '../../../shared/model/byteSize';
import { assetMediaType, IMAGE_MEDIA_TYPES, MAX_IMAGE_BYTES } from '../../../shared/note/assetPath';
import type { EventStore } from '../library/eventStore';
import type { LibraryPaths } from '../library/libraryPaths';
import { writeFileAtomic, type WriteQueue } from '../storage/atomicWrite';
import { fileSystemError, ServiceError } from '../storage/serviceError';
import { readFileAtMost } from '../validation/readAtMost';
import { locateAssetFile } from './assetFile';
import { detectImageType } from './imageType';

export type AssetRequest = { eventId: string; fileName: string; dataBase64: string };
export type AssetFile = { body: Buffer; mediaType: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Photos pasted or dropped into notes, one folder per event: events/<id>/assets/<sha256>.<ext>.
 * Content-addressed, so the same photo twice is stored once and a stored file never changes;
 * the format is read from the bytes, never from the name or claimed media type.
 */
export class AssetStore {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly events: EventStore,
    private readonly writes: WriteQueue,
  ) {}

  async store({ eventId, fileName, dataBase64 }: AssetRequest): Promise<StoredAsset> {
    const name = describeName(fileName);
    if (dataBase64.length % 4 !== 0 || !BASE64.test(dataBase64)) throw new ServiceError('invalid-argument', `${name} arrived damaged (its data is not base64); try adding it again.`);
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length === 0) throw new ServiceError('invalid-argument', `${name} is empty, so it was not added.`);
    if (bytes.length > MAX_IMAGE_BYTES) {
      throw new ServiceError('invalid-argument', `${name} is ${megabytes(bytes.length)}; a photo can be at most ${megabytes(MAX_IMAGE_BYTES)}.`);
    }
    const extension = detectImageType(bytes);
    if (!extension) throw new ServiceError('invalid-argument', `${name} is not a PNG, JPEG, WebP or GIF image, so it was not added.`);
    const event = await this.events.get(eventId);
    const file = `${createHash('sha256').update(bytes).digest('hex')}.${extension}`;
    const folder = this.assetsFolder(eventId);
    const filePath = join(folder, file);
    const result: StoredAsset = { src: `assets/${file}`, mediaType: IMAGE_MEDIA_TYPES[extension], bytes: bytes.length };
    return this.writes.run(filePath, async () => {
      // The name is the content's hash and writes are atomic, so a file that exists is this photo.
      if (await exists(filePath)) return result;
      try {
        await mkdir(folder, { recursive: false }).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        });
      } catch (error) {
        throw fileSystemError(`add ${name} to "${event.title}"`, error);
      }
      await writeFileAtomic(filePath, bytes, `${name} in "${event.title}"`);
      return result;
    });
  }

  /** A stored photo's bytes, or null for anything that is not one (wrong name, missing, not a regular file inside the library). */
  async read(eventId: string, fileName: string): Promise<AssetFile | null> {
    const mediaType = assetMediaType(fileName);
    if (!mediaType) return null;
    try {
      const location = await locateAssetFile(this.paths, eventId, fileName);
      return location.found ? { body: await readFileAtMost(location.path, MAX_IMAGE_BYTES), mediaType } : null;
    } catch {
      return null;
    }
  }

  private assetsFolder(eventId: string): string {
    return join(this.paths.eventFolder(eventId), 'assets');
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

function describeName(fileName: string): string {
  const trimmed = fileName.trim().slice(0, 80);
  return trimmed ? `"${trimmed}"` : 'The pasted image';
}
