import { megabytes } from '../../../shared/model/byteSize';
import { MAX_PROGRAMME_BYTES } from '../../../shared/model/importSummary';

export type ProgrammeUpload = { fileName: string; dataBase64: string };

/** Reads a chosen or dropped file for the import channels; a file too large to be a programme is refused before it is read. */
export async function readProgrammeFile(file: File): Promise<{ ok: true; upload: ProgrammeUpload } | { ok: false; message: string }> {
  if (file.size > MAX_PROGRAMME_BYTES) {
    return { ok: false, message: `${file.name}: the file is ${megabytes(file.size)}; a programme file may be at most ${megabytes(MAX_PROGRAMME_BYTES)}.` };
  }
  try {
    return { ok: true, upload: { fileName: file.name, dataBase64: await base64Of(file) } };
  } catch (error) {
    return { ok: false, message: `${file.name}: the file could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}

/** A data: URL is the browser's own base64 encoder, and fast for megabytes. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('unknown read error'));
    reader.readAsDataURL(file);
  });
}
