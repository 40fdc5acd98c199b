import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTempLibrary, type TempLibrary } from '../helpers/tempLibrary';
import { nthSession, reporterWithProgramme, writeNote, type Reporter } from '../helpers/teamLibraries';
import { folderState, manifestOf, readZip, renameInZip, sha256, withManifest, writeZip } from './bundleZips';

let ben: Reporter;
let ada: Reporter;
let stranger: TempLibrary;
let good: string;
let goodEntries: Map<string, Buffer>;
let before: Record<string, string>;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  ben = await reporterWithProgramme('Ben Okafor');
  ada = await reporterWithProgramme('Ada Lovelace');
  stranger = await createTempLibrary();
  const talk = await nthSession(ben.services, ben.event.id, 0);
  await writeNote(ben.services, ben.event.id, talk.id, 'Ben’s note.');
  await ben.services.assets.store({ eventId: ben.event.id, fileName: 'slide.png', dataBase64: PNG.toString('base64') });
  good = join(ben.root, 'good.hallnotes');
  await ben.services.bundles.export(ben.event.id, { outPath: good, includePrivate: false });
  goodEntries = await readZip(good);
});
afterAll(async () => {
  await ben.cleanup();
  await ada.cleanup();
  await stranger.cleanup();
});
beforeEach(async () => {
  before = await folderState(ada.root);
});

async function importBytes(bytes: Buffer, options: { eventId?: string } = {}) {
  const path = join(ben.root, `bad-${Math.random().toString(36).slice(2)}.hallnotes`);
  await writeFile(path, bytes);
  return ada.services.bundles.import({ path }, 'bad.hallnotes', { dryRun: false, ...options });
}

async function expectRefused(bytes: Buffer, message: RegExp, options: { eventId?: string } = {}) {
  await expect(importBytes(bytes, options)).rejects.toThrow(message);
  expect(await folderState(ada.root), 'nothing was written to the library').toEqual(before);
}

describe('a bundle that is not whole', () => {
  it('cut short (truncated) is refused', async () => {
    const bytes = await writeZip(goodEntries);
    await expectRefused(bytes.subarray(0, bytes.length - 200), /The bundle bad\.hallnotes is not a zip file, or it is cut short \(truncated\); nothing was imported\./);
  });

  it('not a zip at all is refused', async () => {
    await expectRefused(Buffer.from('BEGIN:VCALENDAR\nEND:VCALENDAR\n'), /is not a zip file, or it is cut short/);
  });

  it('missing an entry its manifest lists is refused', async () => {
    const notePath = [...goodEntries.keys()].find((name) => name.startsWith('notes/'))!;
    const entries = new Map(goodEntries);
    entries.delete(notePath);
    await expectRefused(await writeZip(entries), new RegExp(`is missing ${notePath.replace('.', '\\.')}, which its manifest lists`));
  });

  it('with no manifest is refused as not a Hallnotes bundle', async () => {
    const entries = new Map(goodEntries);
    entries.delete('manifest.json');
    await expectRefused(await writeZip(entries), /has no manifest\.json: it is not a Hallnotes bundle/);
  });
});

describe('a bundle changed after export', () => {
  it('an entry that does not match its checksum is refused, naming the entry', async () => {
    const event = JSON.parse(goodEntries.get('event.json')!.toString('utf8'));
    event.title = 'Edited behind Hallnotes’ back';
    const edited = Buffer.from(JSON.stringify(event, null, 2));
    const manifest = manifestOf(goodEntries);
    manifest.entries['event.json'].bytes = edited.length;
    await expectRefused(await writeZip(withManifest(new Map([...goodEntries, ['event.json', edited]]), manifest)), /holds event\.json, which does not match its checksum \(damaged or edited after export\)/);
  });

  it('a photo changed byte for byte (same size) is refused before anything is written', async () => {
    const photo = [...goodEntries.keys()].find((name) => name.startsWith('assets/'))!;
    const damaged = Buffer.from(goodEntries.get(photo)!);
    damaged[damaged.length - 5] ^= 0xff;
    await expectRefused(await writeZip(new Map([...goodEntries, [photo, damaged]]), false), new RegExp(`holds ${photo.replace('.', '\\.')}, which does not match its checksum`));
  });

  it('an entry the manifest does not list is refused', async () => {
    const extra = Buffer.from('{}');
    const entries = new Map([...goodEntries, ['posts/day-1.json', extra]]);
    await expectRefused(await writeZip(entries), /holds posts\/day-1\.json, which its manifest does not list/);
  });

  it('a file that is not part of a bundle is refused', async () => {
    const script = Buffer.from('#!/bin/sh\nrm -rf ~\n');
    const manifest = manifestOf(goodEntries);
    manifest.entries['run.sh'] = { sha256: sha256(script), bytes: script.length };
    await expectRefused(await writeZip(withManifest(new Map([...goodEntries, ['run.sh', script]]), manifest)), /holds run\.sh, which is not part of a Hallnotes bundle/);
  });
});

describe('entries with unsafe paths', () => {
  it('climbing out with ".." is refused', async () => {
    const entries = new Map([...goodEntries, ['xx/evil.json', Buffer.from('{}')]]);
    await expectRefused(renameInZip(await writeZip(entries), 'xx/evil.json', '../evil.json'), /holds an entry with an unsafe path \(\.\.\/evil\.json\): absolute, or climbing out with "\.\."; nothing was imported\./);
  });

  it('an absolute path is refused', async () => {
    const entries = new Map([...goodEntries, ['xtmp/evil.json', Buffer.from('{}')]]);
    await expectRefused(renameInZip(await writeZip(entries), 'xtmp/evil.json', '/tmp/evil.json'), /holds an entry with an unsafe path \(\/tmp\/evil\.json\)/);
  });
});

describe('zip bombs', () => {
  it('an entry larger than any such file may be is refused from its declared size', async () => {
    const huge = Buffer.alloc(17 * 1024 * 1024, 0x20);
    const notePath = [...goodEntries.keys()].find((name) => name.startsWith('notes/'))!;
    await expectRefused(await writeZip(new Map([...goodEntries, [notePath, huge]])), new RegExp(`holds ${notePath.replace('.', '\\.')} of 17 MB, more than the 16 MB such a file may have`));
  });

  it('an entry compressed more than 200 to 1 is refused', async () => {
    const photo = [...goodEntries.keys()].find((name) => name.startsWith('assets/'))!;
    await expectRefused(await writeZip(new Map([...goodEntries, [photo, Buffer.alloc(20 * 1024 * 1024)]])), /compressed more than 200 to 1 \(a zip bomb\?\)/);
  });

  it('an entry that unpacks to more than its header and manifest claim is refused as it inflates', async () => {
    const notePath = [...goodEntries.keys()].find((name) => name.startsWith('notes/'))!;
    const manifest = manifestOf(goodEntries);
    manifest.entries[notePath].bytes = 100;
    const bytes = await writeZip(withManifest(new Map([...goodEntries, [notePath, Buffer.alloc(200_000, 0x20)]]), manifest));
    // Rewrite the declared uncompressed size (in the central directory record) of that entry to 100 bytes.
    const central = bytes.lastIndexOf(Buffer.from(notePath), bytes.length) - 46;
    expect(bytes.readUInt32LE(central)).toBe(0x02014b50);
    bytes.writeUInt32LE(100, central + 24);
    await expectRefused(bytes, new RegExp(`holds ${notePath.replace('.', '\\.')}, which unpacks to more than it claims \\(a zip bomb\\?\\); nothing was imported`));
  });
});

describe('a bundle this Hallnotes cannot or must not take', () => {
  it('from a newer format is refused, saying to update', async () => {
    const manifest = { ...manifestOf(goodEntries), format: 2 };
    await expectRefused(await writeZip(withManifest(goodEntries, manifest)), /was made by a newer version of Hallnotes \(bundle format 2\); update Hallnotes to import it\. Nothing was imported\./);
  });

  it('of another event, into the wrong event, is refused', async () => {
    const other = await stranger.services.events.create({ title: 'Another conference', startDate: '2026-05-01', timezone: 'Europe/Berlin' });
    const path = join(stranger.root, 'other.hallnotes');
    await stranger.services.bundles.export(other.id, { outPath: path, includePrivate: false });
    await expect(ada.services.bundles.import({ path }, 'other.hallnotes', { eventId: ada.event.id, dryRun: false })).rejects.toThrow(
      /This bundle holds "Another conference" \(another-conference-[a-z0-9]+\), another event than "18\. Kieler Open Source und Linux Tage" \(.+\), and not the same programme; nothing was imported\./,
    );
    expect(await folderState(ada.root)).toEqual(before);
  });

  it('a dry run only says what it would do', async () => {
    const result = await ada.services.bundles.import({ path: good }, 'good.hallnotes', { dryRun: true });
    expect(result.report.notesAdded).toHaveLength(1);
    expect(result.report.photosAdded).toBe(1);
    expect(await folderState(ada.root)).toEqual(before);
  });
});
