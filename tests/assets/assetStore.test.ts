import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseAssetRoute } from '../../electron/services/assets/assetRoute';
import { detectImageType } from '../../electron/services/assets/imageType';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import { createChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { ServiceError } from '../../electron/services/storage/serviceError';
import { MAX_IMAGE_BYTES } from '../../shared/note/assetPath';
import { createTempLibrary, eventDraft, type TempLibrary } from '../helpers/tempLibrary';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4oaEBRww4OQAHpg0hlLAT/AAAAABJRU5ErkJggg==', 'base64');
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

let library: TempLibrary;
let eventId: string;

beforeEach(async () => {
  library = await createTempLibrary();
  eventId = (await library.services.events.create(eventDraft({ title: 'Photo Fest' }))).id;
});
afterEach(() => library.cleanup());

const store = (bytes: Buffer, fileName = 'photo.png') => library.services.assets.store({ eventId, fileName, dataBase64: bytes.toString('base64') });
const assetsFolder = () => join(library.root, 'events', eventId, 'assets');

describe('storing photos', () => {
  test('a photo is written once under the SHA-256 of its bytes, however often it is added', async () => {
    const first = await store(PNG, 'slide.png');
    const hash = createHash('sha256').update(PNG).digest('hex');
    expect(first).toEqual({ src: `assets/${hash}.png`, mediaType: 'image/png', bytes: PNG.length });
    expect(await store(PNG, 'same-slide-renamed.jpg')).toEqual(first);
    expect(await readdir(assetsFolder())).toEqual([`${hash}.png`]);
    expect(await readFile(join(assetsFolder(), `${hash}.png`))).toEqual(PNG);
  });

  test.each([
    [PNG, 'png', 'image/png'],
    [JPEG, 'jpg', 'image/jpeg'],
    [GIF, 'gif', 'image/gif'],
    [WEBP, 'webp', 'image/webp'],
  ])('the format comes from the bytes: %#', async (bytes, extension, mediaType) => {
    expect(detectImageType(bytes)).toBe(extension);
    const stored = await store(bytes, 'named-wrongly.txt');
    expect(stored.src).toMatch(new RegExp(`^assets/[0-9a-f]{64}\\.${extension}$`));
    expect(stored.mediaType).toBe(mediaType);
  });

  test.each([
    ['text pretending to be a PNG', Buffer.from('<svg onload="alert(1)"/>')],
    ['an SVG', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a PDF', Buffer.from('%PDF-1.7\n')],
    ['a RIFF file that is not WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')])],
  ])('%s is refused with a message naming the file, and nothing is written', async (_what, bytes) => {
    await expect(store(bytes, 'slide.png')).rejects.toThrow('"slide.png" is not a PNG, JPEG, WebP or GIF image, so it was not added.');
    await expect(readdir(assetsFolder())).rejects.toThrow();
  });

  test('empty, damaged and oversized data are refused with a clear message', async () => {
    await expect(store(Buffer.alloc(0), 'empty.png')).rejects.toThrow('"empty.png" is empty');
    await expect(library.services.assets.store({ eventId, fileName: 'x.png', dataBase64: 'not base64!' })).rejects.toThrow('"x.png" arrived damaged');
    const huge = Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]);
    await expect(store(huge, 'huge.png')).rejects.toThrow('"huge.png" is 25.1 MB; a photo can be at most 25 MB.');
  });

  test('a photo for an event that does not exist is refused as not found', async () => {
    const attempt = library.services.assets.store({ eventId: 'no-such-event-abcd', fileName: 'a.png', dataBase64: PNG.toString('base64') });
    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toMatchObject({ code: 'not-found' });
  });

  test('the assets:store channel validates its argument before the service sees it', async () => {
    const handlers = createChannelHandlers(library.services, { onFlushComplete: () => undefined });
    const ok = await dispatchChannel(handlers, 'assets:store', { eventId, fileName: 'a.gif', mediaType: 'image/gif', dataBase64: GIF.toString('base64') });
    expect(ok).toMatchObject({ ok: true, value: { mediaType: 'image/gif' } });
    const tooBig = await dispatchChannel(handlers, 'assets:store', { eventId, fileName: 'a.png', mediaType: 'image/png', dataBase64: 'A'.repeat(36 * 1024 * 1024) });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('a photo can be at most 25 MB') } });
    const badEvent = await dispatchChannel(handlers, 'assets:store', { eventId: '../x', fileName: 'a.png', mediaType: 'image/png', dataBase64: '' });
    expect(badEvent).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('reading photos back', () => {
  test('a stored photo is read with its media type; anything else is null', async () => {
    const { src } = await store(PNG);
    const file = src.slice('assets/'.length);
    expect(await library.services.assets.read(eventId, file)).toEqual({ body: PNG, mediaType: 'image/png' });
    for (const name of ['../event.json', 'event.json', `${'0'.repeat(64)}.png`, `${file}/`, file.toUpperCase(), `${file.slice(0, -4)}.svg`]) {
      expect(await library.services.assets.read(eventId, name), name).toBeNull();
    }
    expect(await library.services.assets.read('../../etc', file)).toBeNull();
    expect(await library.services.assets.read('other-event-abcd', file)).toBeNull();
  });

  test('a file linked in from outside the library is never read', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'hallnotes-outside-'));
    try {
      const name = `${'a'.repeat(64)}.png`;
      await writeFile(join(outside, name), PNG);
      await mkdir(assetsFolder(), { recursive: true });
      await symlink(join(outside, name), join(assetsFolder(), name));
      expect(await library.services.assets.read(eventId, name)).toBeNull();
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('the event-assets route', () => {
  const file = `${'c'.repeat(64)}.jpg`;
  test.each([
    [`/event-assets/web-summit-k3f9/${file}`, { eventId: 'web-summit-k3f9', fileName: file }],
    [`/event-assets/web%2Dsummit-k3f9/${file}`, { eventId: 'web-summit-k3f9', fileName: file }],
    [`/event-assets/web-summit-k3f9/../${file}`, null],
    [`/event-assets/..%2F..%2Fetc/${file}`, null],
    [`/event-assets/web-summit-k3f9/sub/${file}`, null],
    [`/event-assets/web-summit-k3f9/${file.replace('.jpg', '.svg')}`, null],
    [`/event-assets/%E0%A4%A/${file}`, null],
    [`/assets/${file}`, null],
  ])('%s', (path, expected) => {
    expect(parseAssetRoute(path)).toEqual(expected);
  });
});
