import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportOptions } from '../../shared/export/renderPost';
import { createPostLibrary, type PostLibrary } from './postLibrary';

// The services write through node:fs/promises; these tests make it fail the way a full or
// read-only disk does, part-way through a write.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, open: vi.fn(actual.open), copyFile: vi.fn(actual.copyFile) };
});

const real = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
const html: ExportOptions = { format: 'html', fragment: false, frontMatter: false };

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** Temporary files are written with 'wx'; this one writes half its bytes, then the disk is full. */
function fillDiskOnTemporaryWrites(): void {
  vi.mocked(fs.open).mockImplementation(async (path, flags, mode) => {
    const handle = await real.open(path, flags, mode);
    if (flags !== 'wx') return handle;
    return Object.assign(Object.create(handle) as fs.FileHandle, {
      writeFile: async (data: Uint8Array) => {
        await handle.write(data.subarray(0, Math.floor(data.byteLength / 2)));
        throw errno('ENOSPC');
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    });
  });
}

let library: PostLibrary;
let outFolder: string;
beforeEach(async () => {
  library = await createPostLibrary();
  outFolder = join(library.root, 'out');
  await real.mkdir(outFolder);
});
afterEach(async () => {
  vi.mocked(fs.open).mockReset();
  vi.mocked(fs.copyFile).mockReset();
  vi.mocked(fs.open).mockImplementation(real.open);
  vi.mocked(fs.copyFile).mockImplementation(real.copyFile);
  await library.cleanup();
});

const exportTo = (target: string) => library.services.exporter.write(library.event.id, 1, html, async () => target);

describe('a disk that fills during export', () => {
  it('leaves the earlier file under the target name, no half-written file and no temporary file', async () => {
    const target = join(outFolder, 'day.html');
    await real.writeFile(target, 'the previous export');
    fillDiskOnTemporaryWrites();
    await expect(exportTo(target)).rejects.toMatchObject({ code: 'disk-full', message: `Could not save the export to ${target}: the disk is full.` });
    expect(await real.readFile(target, 'utf8')).toBe('the previous export');
    expect((await real.readdir(outFolder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes no post at all when it fills while the photos are copied', async () => {
    const target = join(outFolder, 'day.html');
    vi.mocked(fs.copyFile).mockImplementation(async (_from, to) => {
      await real.writeFile(to, 'half a photo');
      throw errno('ENOSPC');
    });
    await expect(exportTo(target)).rejects.toMatchObject({ code: 'disk-full', message: expect.stringMatching(/^Could not copy the photo assets\/.* the disk is full\.$/) });
    expect(await real.readdir(outFolder)).toEqual(['day-images']);
    expect(await real.readdir(join(outFolder, 'day-images'))).toEqual([]);
  });
});

describe('a target the app may not write', () => {
  it('says permission was denied and writes nothing', async () => {
    vi.mocked(fs.open).mockImplementation(async (path, flags, mode) => {
      if (flags === 'wx') throw errno('EACCES');
      return real.open(path, flags, mode);
    });
    const target = join(outFolder, 'locked.html');
    await expect(exportTo(target)).rejects.toMatchObject({ code: 'read-only', message: `Could not save the export to ${target}: permission was denied.` });
    expect((await real.readdir(outFolder)).filter((name) => name !== 'locked-images')).toEqual([]);
  });
});
