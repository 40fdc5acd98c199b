import type { z } from 'zod';
import type { importRequestSchema, ImportSummary } from '../../../shared/model/importSummary';
import type { Services } from '../createServices';
import { importProgramme } from './importProgramme';

/** A programme file sent by the renderer (read with the File API, base64 over the channel): previewed as a dry run, or imported. */
export function importUploadedProgramme(services: Services, request: z.output<typeof importRequestSchema>, dryRun: boolean): Promise<ImportSummary> {
  const bytes = Buffer.from(request.dataBase64, 'base64');
  return importProgramme({ services, fileName: request.fileName, bytes, eventId: request.eventId, timeZone: request.timeZone, dryRun });
}
