import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/**
 * A real PNG (WordPress checks uploads with its own image code, so bytes that only start like
 * one are refused): width × height RGB pixels from `seed`, or random noise (which does not
 * compress) when `noise` is set, for a photo of a chosen size.
 */
export function pngPhoto(options: { width: number; height: number; seed?: number; noise?: boolean }): Buffer {
  const { width, height, seed = 1 } = options;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = options.noise ? randomBytes(width * 3) : Buffer.alloc(width * 3);
    if (!options.noise) for (let x = 0; x < width * 3; x++) row[x] = (x * seed + y * 7 + seed * 13) % 256;
    rows.push(Buffer.concat([Buffer.from([0]), row]));
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
