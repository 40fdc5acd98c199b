import type { EventFile } from '../../../shared/model/event';
import type { BundleTarget } from '../../../shared/model/team';
import type { EventStore } from '../library/eventStore';
import type { LedgerStore } from '../exchange/ledger';
import { sourceIdOf, type SharedEvent } from '../merge/sharedEvent';

/** At least this share of the bundle's programme sessions must be in an event for the two to be the same programme. */
const SAME_PROGRAMME_SHARE = 0.5;

/**
 * The event of this library a bundle belongs to: the one with its id (or that took it from an
 * earlier bundle or sync), else the one with most of its programme's source ids (two reporters
 * who imported the same programme), else none: a new event.
 */
export async function findBundleTarget(events: EventStore, ledgers: LedgerStore, bundle: SharedEvent): Promise<BundleTarget> {
  const { events: summaries } = await events.list();
  const candidates: EventFile[] = [];
  for (const summary of summaries) {
    const event = await events.get(summary.id);
    if (await matchesById(event, ledgers, bundle.id)) return { kind: 'same-event', eventId: event.id, eventTitle: event.title, matchedBy: 'event-id' };
    candidates.push(event);
  }
  let best: { event: EventFile; share: number } | null = null;
  for (const event of candidates) {
    const share = programmeShare(event, bundle);
    if (share >= SAME_PROGRAMME_SHARE && (!best || share > best.share)) best = { event, share };
  }
  return best ? { kind: 'same-event', eventId: best.event.id, eventTitle: best.event.title, matchedBy: 'programme' } : { kind: 'new-event' };
}

/** Whether the bundle may go into this event (chosen with --event): same id, or same programme. */
export async function bundleFitsEvent(event: EventFile, ledgers: LedgerStore, bundle: SharedEvent): Promise<BundleTarget | null> {
  if (await matchesById(event, ledgers, bundle.id)) return { kind: 'same-event', eventId: event.id, eventTitle: event.title, matchedBy: 'event-id' };
  if (programmeShare(event, bundle) >= SAME_PROGRAMME_SHARE) return { kind: 'same-event', eventId: event.id, eventTitle: event.title, matchedBy: 'programme' };
  return null;
}

async function matchesById(event: EventFile, ledgers: LedgerStore, bundleId: string): Promise<boolean> {
  if (event.id === bundleId) return true;
  const ledger = await ledgers.read(event.id).catch(() => null);
  return ledger !== null && (ledger.sharedEventId === bundleId || ledger.knownEventIds.includes(bundleId));
}

function programmeShare(event: EventFile, bundle: SharedEvent): number {
  const bundleSources = new Set(bundle.sessions.flatMap((session) => sourceIdOf(session) ?? []));
  if (bundleSources.size === 0) return 0;
  const eventSources = new Set(event.sessions.flatMap((session) => session.sourceId ?? []));
  let shared = 0;
  for (const source of bundleSources) if (eventSources.has(source)) shared++;
  return shared / bundleSources.size;
}
