import { megabytes } from '../../../shared/model/byteSize';
import { MAX_BUNDLE_UPLOAD_BYTES } from '../../../shared/model/team';
import { bridge } from '../../api/bridge';

export type BundleUpload = { fileName: string; dataBase64: string };

/** The browser host takes requests up to 64 MB; base64 makes a bundle a third larger on the way. */
const HOST_BUNDLE_LIMIT = 45 * 1024 * 1024;

/** Reads a chosen bundle for the bundle channels; one too large for the way it must travel is refused before it is read. */
export async function readBundleFile(file: File): Promise<{ ok: true; upload: BundleUpload } | { ok: false; message: string }> {
  const limit = bridge.transport === 'http' ? HOST_BUNDLE_LIMIT : MAX_BUNDLE_UPLOAD_BYTES;
  if (file.size > limit) {
    const cli = bridge.transport === 'http' ? ' Import it with `hallnotes bundle import FILE`, which has no such limit.' : '';
    return { ok: false, message: `${file.name} is ${megabytes(file.size)}; here a bundle may be at most ${megabytes(limit)}.${cli}` };
  }
  try {
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('unknown read error'));
      reader.readAsDataURL(file);
    });
    return { ok: true, upload: { fileName: file.name, dataBase64: dataUrl.replace(/^data:[^,]*,/, '') } };
  } catch (error) {
    return { ok: false, message: `${file.name}: the file could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}
