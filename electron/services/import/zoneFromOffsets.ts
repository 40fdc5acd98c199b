import { offsetAt } from './zonedTime';

/** A moment a file writes with an offset it claims for the venue's clock. */
export type OffsetSample = { instant: number; offsetMinutes: number };

/**
 * Zones tried first, so that a programme written at +01:00 in winter reads as Europe/Berlin
 * rather than the first of the forty zones that share that offset alphabetically. They are the
 * cities conferences are usually held in, one per distinct set of rules.
 */
const PREFERRED_ZONES = [
  'Europe/London', 'Europe/Berlin', 'Europe/Helsinki', 'Europe/Istanbul', 'Europe/Moscow', 'Europe/Lisbon',
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage',
  'Pacific/Honolulu', 'America/Halifax', 'America/St_Johns', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires',
  'America/Mexico_City', 'America/Bogota', 'Asia/Dubai', 'Asia/Karachi', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Dhaka',
  'Asia/Bangkok', 'Asia/Singapore', 'Asia/Shanghai', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Brisbane', 'Australia/Sydney',
  'Australia/Adelaide', 'Australia/Darwin', 'Australia/Perth', 'Pacific/Auckland', 'Africa/Lagos', 'Africa/Johannesburg',
  'Africa/Nairobi', 'Asia/Tehran', 'Asia/Jerusalem',
];

function allZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...PREFERRED_ZONES, ...supported.filter((zone) => zone.includes('/') && !PREFERRED_ZONES.includes(zone))];
}

/** The samples that tell zones apart: one per distinct offset and day. */
function distinctSamples(samples: OffsetSample[]): OffsetSample[] {
  const seen = new Map<string, OffsetSample>();
  for (const sample of samples) seen.set(`${sample.offsetMinutes}@${Math.floor(sample.instant / 86_400_000)}`, sample);
  return [...seen.values()];
}

/**
 * A zone whose clocks showed exactly these offsets at these moments, for a file that writes real
 * offsets but names no zone; null when no zone fits them all (offsets invented by hand).
 */
export function zoneMatchingOffsets(samples: OffsetSample[]): string | null {
  const checks = distinctSamples(samples);
  if (checks.length === 0) return null;
  return allZones().find((zone) => checks.every((sample) => offsetAt(sample.instant, zone) === sample.offsetMinutes * 60_000)) ?? null;
}

/** `+01:00`, `-03:30`, `+00:00`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/** The sentence the preview shows when the zone was worked out from the offsets. */
export function inferredZoneMessage(zone: string, samples: OffsetSample[]): string {
  const offsets = [...new Set(samples.map((sample) => sample.offsetMinutes))].sort((a, b) => a - b).map(formatOffset);
  return `The file names no time zone, but its times carry the UTC offset ${offsets.join(' and ')}, so they are shown in ${zone} time. If the venue is in another zone with the same offset, choose it.`;
}
