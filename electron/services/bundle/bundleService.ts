import { join } from 'node:path';
import type { EventFile } from '../../../shared/model/event';
import { slugify } from '../../../shared/model/slug';
import { BUNDLE_EXTENSION, type BundleExportResult, type BundleImportResult, type BundleTarget } from '../../../shared/model/team';
import { APP_VERSION } from '../appVersion';
import type { EventStore } from '../library/eventStore';
import type { LibraryPaths } from '../library/libraryPaths';
import { ServiceError } from '../storage/serviceError';
import type { ExchangeService } from '../exchange/exchangeService';
import { assetPath, decodeSharedEvent, encodeSharedEvent } from '../exchange/sharedFiles';
import { MAX_ASSET_BYTES } from '../exchange/sharedLimits';
import { isVisible } from '../merge/sharedEvent';
import { bundleFitsEvent, findBundleTarget } from './findBundleTarget';
import { openBundle, type BundleInput } from './openBundle';
import { writeBundle } from './writeBundle';

export type BundleServiceDeps = { paths: LibraryPaths; events: EventStore; exchange: ExchangeService };

/**
 * Event bundles: one .hallnotes file (a zip of the shared files plus a manifest) to hand a
 * colleague on a USB stick or by mail, and importing one into a new event or merged into the
 * same event with the per-session rules.
 */
export class BundleService {
  constructor(private readonly deps: BundleServiceDeps) {}

  /** "web-summit-2026-2026-11-03.hallnotes": the event and the day it was exported. */
  suggestedFileName(event: EventFile, now = new Date()): string {
    return `${slugify(event.title, 60) || 'event'}-${now.toISOString().slice(0, 10)}${BUNDLE_EXTENSION}`;
  }

  /**
   * Writes the event as it is now. Private notes are left out unless `includePrivate` (the
   * reporter's own backup). What was exported is remembered, so a later import of a
   * colleague's bundle can tell what changed on each side since.
   */
  async export(eventId: string, options: { outPath: string; includePrivate: boolean }): Promise<BundleExportResult> {
    const { exchange } = this.deps;
    return exchange.locked(eventId, 'exporting a bundle', async () => {
      const local = await exchange.readLocal(eventId, { includePrivate: options.includePrivate });
      const { shared } = local.captured;
      const assetsFolder = join(this.deps.paths.eventFolder(eventId), 'assets');
      const bytes = await writeBundle(options.outPath, {
        files: encodeSharedEvent(shared, { includePrivate: options.includePrivate }),
        assets: shared.assets.map((file) => ({ path: assetPath(file), file: join(assetsFolder, file) })),
        manifest: {
          appVersion: APP_VERSION,
          author: exchange.author(local.snapshot.event),
          exportedAt: new Date().toISOString(),
          includesPrivate: options.includePrivate,
          event: { id: shared.id, title: local.snapshot.event.title },
        },
      });
      await exchange.rememberShared(eventId, local.captured.ledger);
      const visible = shared.sessions.filter(isVisible);
      return {
        path: options.outPath,
        bytes,
        sessions: visible.length,
        notes: visible.filter((session) => session.note.heads.length > 0).length,
        photos: shared.assets.length,
        includesPrivate: options.includePrivate,
        leftOut: [...local.snapshot.unreadable].map(([sessionId, reason]) => ({
          sessionTitle: local.snapshot.event.sessions.find((session) => session.id === sessionId)?.title ?? sessionId,
          reason,
        })),
      };
    });
  }

  /**
   * Imports a bundle (or, with dryRun, only says what it would do). Into `eventId` if given (it
   * must be the same event or the same programme), else into the event it belongs to, else a
   * new event. Everything is checked and merged before the first write.
   */
  async import(input: BundleInput, fileName: string, options: { eventId?: string; dryRun: boolean }): Promise<BundleImportResult> {
    const { exchange } = this.deps;
    const bundle = await openBundle(input, fileName);
    try {
      const incoming = await decodeSharedEvent(bundle.source, `The bundle ${fileName}`);
      const target = await this.target(incoming, options.eventId);
      const about = {
        fileName,
        bundleEvent: { id: bundle.manifest.event.id, title: bundle.manifest.event.title },
        author: bundle.manifest.author,
        exportedAt: bundle.manifest.exportedAt,
        appVersion: bundle.manifest.appVersion,
        includesPrivate: bundle.manifest.includesPrivate,
        target,
        dryRun: options.dryRun,
      };
      const readAsset = (file: string) => bundle.source.read(assetPath(file), MAX_ASSET_BYTES);
      if (target.kind === 'new-event') {
        const { plan } = exchange.plan(null, incoming, 'bundle');
        const eventId = options.dryRun ? '' : await exchange.apply(null, null, plan, readAsset);
        return { ...about, eventId, report: plan.report };
      }
      return await exchange.locked(target.eventId, 'importing a bundle', async () => {
        const local = await exchange.readLocal(target.eventId, { includePrivate: false });
        const { plan } = exchange.plan(local, incoming, 'bundle');
        if (!options.dryRun && plan.report.changed) await exchange.apply(target.eventId, local, plan, readAsset);
        else if (!options.dryRun) await exchange.rememberShared(target.eventId, plan.ledger);
        return { ...about, eventId: target.eventId, report: plan.report };
      });
    } finally {
      bundle.close();
    }
  }

  private async target(incoming: Awaited<ReturnType<typeof decodeSharedEvent>>, eventId: string | undefined): Promise<BundleTarget> {
    const { events, exchange } = this.deps;
    if (eventId === undefined) return findBundleTarget(events, exchange.ledgers, incoming);
    const event = await events.get(eventId);
    const fits = await bundleFitsEvent(event, exchange.ledgers, incoming);
    if (!fits) {
      const title = String(incoming.fields.title?.value ?? incoming.id);
      throw new ServiceError(
        'conflict',
        `This bundle holds "${title}" (${incoming.id}), another event than "${event.title}" (${event.id}), and not the same programme; nothing was imported. Import it without choosing an event to add it as a new event.`,
      );
    }
    return fits;
  }
}
