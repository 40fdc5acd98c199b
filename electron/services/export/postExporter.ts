import { lstat, mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { composePost, type ComposedPost } from '../../../shared/export/composePost';
import { AS_STORED, noteToBlocks } from '../../../shared/export/noteToBlocks';
import type { PostInput } from '../../../shared/export/postInput';
import { renderPost, type ExportOptions } from '../../../shared/export/renderPost';
import { findTkMarkers, type TkMarkerChoice } from '../../../shared/export/tkMarkers';
import { describePostDay, suggestedExportFileName, type BlockedByTkMarkers, type ExistingExportChoice, type ExportResult, type PostDay } from '../../../shared/model/post';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import type { LibraryPaths } from '../library/libraryPaths';
import { imageSources } from '../posts/postImages';
import type { LoadedPost, PostResolver } from '../posts/resolvePost';
import { writeFileAtomic } from '../storage/atomicWrite';
import { fileSystemError, ServiceError } from '../storage/serviceError';
import { copyImages, imagesFolderName, pointImagesInto, WORDPRESS_EXTENSION } from './exportImages';

/** Far more than anyone keeps; past it, something is exporting in a loop. */
const MAX_NUMBERED_EXPORTS = 999;

export type RenderedPost = { status: 'rendered'; text: string; problems: string[]; fileName: string } | BlockedByTkMarkers;
/** A file already at the path, which the reporter has not yet said may be replaced. */
export type ExistingExport = { existing: string };
/** Gets the path to write to, given the suggested file name; null when the reporter cancelled. */
export type ChooseExportPath = (suggestedFileName: string) => Promise<string | null | ExistingExport>;

/**
 * Exports a post straight from disk with the same serializers the preview uses. The same
 * library always gives the same bytes: nothing here reads the clock or the machine.
 */
export class PostExporter {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly resolver: PostResolver,
  ) {}

  /** The post as text, with photos left pointing at the event's assets folder (for stdout). */
  async render(eventId: string, day: PostDay, options: ExportOptions & TkMarkerChoice): Promise<RenderedPost> {
    const { loaded, composed, fileName, blocked } = await this.compose(eventId, day, options);
    if (blocked) return blocked;
    const problems = [...loaded.problems];
    const photos = options.format === 'text' ? 0 : imageSources(composed.blocks).length;
    if (photos > 0) {
      const count = photos === 1 ? 'One photo is' : `${photos} photos are`;
      problems.push(`${count} referred to as assets/…, relative to the event folder; export to a file (--out) to get them copied beside it.`);
    }
    return { status: 'rendered', text: renderPost(composed, options), problems, fileName };
  }

  /**
   * Writes the post where `choosePath` says. Photos go first, into a folder beside the file;
   * the post itself goes through a temporary file and a rename, so the target name only ever
   * holds a complete export, or whatever was there before when something fails. An empty
   * post, or one with TK markers left (unless allowed), is refused before anything is asked or written.
   */
  async write(eventId: string, day: PostDay, options: ExportOptions & TkMarkerChoice, choosePath: ChooseExportPath): Promise<ExportResult> {
    const { loaded, composed, fileName, blocked } = await this.compose(eventId, day, options);
    if (blocked) return blocked;
    const targetPath = await choosePath(fileName);
    if (targetPath === null) return { status: 'cancelled' };
    if (typeof targetPath !== 'string') return { status: 'exists', path: targetPath.existing };
    const problems = [...loaded.problems];
    const sources = options.format === 'text' ? [] : imageSources(composed.blocks);
    let output = composed;
    let images = 0;
    if (sources.length > 0) {
      const folderName = imagesFolderName(targetPath);
      const copy = await copyImages(this.paths, eventId, sources, join(dirname(targetPath), folderName), (src) => placeOfPhoto(loaded.input, src));
      problems.push(...copy.problems);
      images = copy.copied;
      output = pointImagesInto(composed, folderName);
    }
    const bytes = await writeFileAtomic(targetPath, renderPost(output, options), `the export to ${targetPath}`);
    return { status: 'written', path: targetPath, bytes, images, problems };
  }

  /**
   * The host and tests have no save dialog: exports go to <library>/exports/<eventId>/<file>.
   * A file already there is replaced only when `ifExists` says so; "keep-both" numbers the new one.
   */
  async defaultExportPath(eventId: string, fileName: string, ifExists: ExistingExportChoice = 'ask'): Promise<string | ExistingExport> {
    // Through eventFolder, which refuses an id that is not path-safe.
    const folder = join(this.paths.root, 'exports', basename(this.paths.eventFolder(eventId)));
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      throw fileSystemError(`create the export folder ${folder}`, error);
    }
    const path = join(folder, fileName);
    if (ifExists === 'replace' || !(await exists(path))) return path;
    if (ifExists === 'ask') return { existing: path };
    for (let number = 2; number <= MAX_NUMBERED_EXPORTS; number++) {
      const numbered = join(folder, numberedFileName(fileName, number));
      if (!(await exists(numbered))) return numbered;
    }
    throw new ServiceError('conflict', `${folder} already holds ${MAX_NUMBERED_EXPORTS} copies of ${fileName}; replace one of them, or clear the folder.`);
  }

  private async compose(
    eventId: string,
    day: PostDay,
    options: ExportOptions & TkMarkerChoice,
  ): Promise<{ loaded: LoadedPost; composed: ComposedPost; fileName: string; blocked: BlockedByTkMarkers | null }> {
    const loaded = await this.resolver.load(eventId, day);
    const composed = composePost(loaded.input);
    if (composed.isEmpty) {
      throw new ServiceError(
        'invalid-argument',
        `The post for ${describePostDay(day)} of “${loaded.event.title}” includes no sessions, so there is nothing to export; no file was written. Mark sessions as covered, or pick them in the post.`,
      );
    }
    const tkMarkers = options.allowTkMarkers ? [] : findTkMarkers(composed);
    const blocked = tkMarkers.length > 0 ? { status: 'blocked' as const, tkMarkers } : null;
    return { loaded, composed, fileName: suggestedExportFileName(composed.title, options.format), blocked };
  }
}

/** Where the post shows a photo, for messages: "“Session title”", "the intro" or "the closing". Only asked when something is wrong. */
function placeOfPhoto(input: PostInput, src: string): string {
  const shows = (note: SerializedNoteState | null) => imageSources(noteToBlocks(note, AS_STORED)).includes(src);
  const section = input.sections.find((candidate) => shows(candidate.note));
  if (section) return `“${section.session.title}”`;
  return shows(input.intro) ? 'the intro' : 'the closing';
}

/** "day-1.html" → "day-1-2.html"; a WordPress export keeps its double extension: "day-1-2.wordpress.html". */
function numberedFileName(fileName: string, number: number): string {
  const extension = fileName.endsWith(WORDPRESS_EXTENSION) ? WORDPRESS_EXTENSION : extname(fileName);
  return `${fileName.slice(0, fileName.length - extension.length)}-${number}${extension}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
