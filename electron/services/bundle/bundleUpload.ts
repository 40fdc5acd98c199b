import type { z } from 'zod';
import type { bundleUploadSchema, BundleExportOutcome, BundleImportResult } from '../../../shared/model/team';
import type { Services } from '../createServices';

/** A bundle chosen in the renderer (read with the File API, base64 over the channel): previewed as a dry run, or imported. */
export function importUploadedBundle(services: Services, upload: z.output<typeof bundleUploadSchema>, dryRun: boolean): Promise<BundleImportResult> {
  return services.bundles.import({ bytes: Buffer.from(upload.dataBase64, 'base64') }, upload.fileName, { eventId: upload.eventId, dryRun });
}

/** The app's export: where the save dialog says (Electron), else into the library's exports folder (the browser host). */
export async function exportBundleFromApp(
  services: Services,
  eventId: string,
  includePrivate: boolean,
  choosePath: ((suggestedFileName: string) => Promise<string | null>) | undefined,
): Promise<BundleExportOutcome> {
  const fileName = services.bundles.suggestedFileName(await services.events.get(eventId));
  // In the library's exports folder an earlier bundle of the same day is kept, the new one numbered beside it.
  const outPath = choosePath ? await choosePath(fileName) : await numberedExportPath(services, eventId, fileName);
  if (outPath === null) return { status: 'cancelled' };
  return { status: 'written', ...(await services.bundles.export(eventId, { outPath, includePrivate })) };
}

async function numberedExportPath(services: Services, eventId: string, fileName: string): Promise<string> {
  const chosen = await services.exporter.defaultExportPath(eventId, fileName, 'keep-both');
  return typeof chosen === 'string' ? chosen : chosen.existing;
}
