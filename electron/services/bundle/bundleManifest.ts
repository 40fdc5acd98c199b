import { z } from 'zod';
import { idSchema } from '../../../shared/model/event';

/**
 * manifest.json, the first thing read from a bundle: what made it and who, and for every other
 * entry its size and SHA-256, so a truncated, damaged or edited bundle is refused before
 * anything is imported.
 */
export const BUNDLE_FORMAT = 1;
export const BUNDLE_KIND = 'hallnotes-event-bundle';
export const MANIFEST_PATH = 'manifest.json';

export const bundleManifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  kind: z.literal(BUNDLE_KIND),
  appVersion: z.string().max(40),
  author: z.string().max(200),
  exportedAt: z.iso.datetime(),
  includesPrivate: z.boolean(),
  event: z.strictObject({ id: idSchema, title: z.string().max(300) }),
  entries: z.record(
    z.string().max(300),
    z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) }),
  ),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/**
 * Zip-bomb limits: a bundle of a three-day event with photos is tens of megabytes; these are
 * far above that and far below what would fill a disk or memory.
 */
export const MAX_BUNDLE_ENTRIES = 30_000;
export const MAX_BUNDLE_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;
/** Text compresses well, but not a thousandfold; beyond this ratio (for entries over 1 MB) the entry is a bomb. */
export const MAX_COMPRESSION_RATIO = 200;
export const RATIO_CHECK_ABOVE_BYTES = 1024 * 1024;
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
