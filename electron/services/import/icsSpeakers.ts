import ICAL from 'ical.js';
import { htmlToText } from './plainText';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalProperty = InstanceType<typeof ICAL.Property>;

const NOT_SPEAKERS = new Set(['ROOM', 'RESOURCE', 'GROUP']);
const SPEAKER_LINE = /^(?:speakers?|presenters?|presented by|by|von|referent(?:in|en)?)\s*:\s*(.+)$/i;
const EMAIL = /^(?:mailto:)?[^\s@]+@[^\s@]+\.[^\s@]+$/i;
/** A guest on at least this share of the events (of three or more) is the calendar's owner. */
const OWNER_SHARE = 0.9;

function stringOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return stringOf(value[0]);
  return value === null || value === undefined ? '' : String(value);
}

/** Who an ATTENDEE or ORGANIZER is, across events: the address, else the name. */
function identityOf(property: IcalProperty): string {
  return (stringOf(property.getFirstValue()) || stringOf(property.getParameter('cn'))).trim().toLowerCase();
}

function personAttendees(event: IcalComponent): IcalProperty[] {
  return event
    .getAllProperties('attendee')
    .filter((property) => !NOT_SPEAKERS.has(stringOf(property.getParameter('cutype')).toUpperCase()))
    .filter((property) => stringOf(property.getParameter('role')).toUpperCase() !== 'NON-PARTICIPANT');
}

function organiserName(event: IcalComponent): string {
  return stringOf(event.getFirstProperty('organizer')?.getParameter('cn'));
}

function splitNames(names: string): { name: string }[] {
  return names.split(/\s*(?:,|;|&|\band\b|\bund\b)\s*/).filter(Boolean).map((name) => ({ name }));
}

/**
 * Who speaks at each event of a calendar, from what the producers put where:
 * - ATTENDEE;CN= names (not rooms, resources, non-participants), but never an e-mail address (an
 *   e-mail address is never a speaker's name: Google writes the address as CN when a guest has no
 *   name) and never the guest of (nearly) every event, who is the calendar's owner;
 * - else the ORGANIZER's CN, unless it organises every event (then it is the conference);
 * - else a "Speaker: …" line anywhere in the description (linux.conf.au puts it first, ics.py and
 *   similar producers after the room and track);
 * - pretalx writes "Title - Speaker Names" as SUMMARY: in a pretalx export the names after the
 *   last " - " are the speakers and the title is kept clean.
 */
export class IcsSpeakers {
  private readonly owners = new Set<string>();
  private readonly sharedOrganiser: string | null;
  private readonly pretalx: boolean;

  constructor(calendars: IcalComponent[], events: IcalComponent[]) {
    const counts = new Map<string, number>();
    for (const event of events) {
      for (const identity of new Set(personAttendees(event).map(identityOf))) counts.set(identity, (counts.get(identity) ?? 0) + 1);
    }
    if (events.length >= 3) {
      for (const [identity, count] of counts) if (count >= Math.ceil(events.length * OWNER_SHARE)) this.owners.add(identity);
    }
    const first = organiserName(events[0]);
    this.sharedOrganiser = events.length > 1 && first && events.every((event) => organiserName(event) === first) ? first : null;
    const prodId = calendars.map((calendar) => stringOf(calendar.getFirstPropertyValue('prodid'))).join(' ');
    this.pretalx = /pretalx/i.test(prodId) || events.every((event) => /^pretalx-/i.test(stringOf(event.getFirstPropertyValue('uid'))));
  }

  /** The event's title as the programme means it, and its speakers. */
  of(event: IcalComponent, summary: string, description: string): { title: string; speakers: { name: string }[] } {
    const fromSummary = this.pretalx ? pretalxSummary(summary) : null;
    const title = fromSummary?.title ?? summary;
    const attendees = personAttendees(event)
      .filter((property) => !this.owners.has(identityOf(property)))
      .map((property) => stringOf(property.getParameter('cn')).trim())
      .filter((name) => name && !EMAIL.test(name));
    if (attendees.length > 0) return { title, speakers: attendees.map((name) => ({ name })) };
    const organiser = organiserName(event);
    if (organiser && organiser !== this.sharedOrganiser && !EMAIL.test(organiser)) return { title, speakers: [{ name: organiser }] };
    const line = htmlToText(description, 4000)
      .split('\n')
      .map((text) => SPEAKER_LINE.exec(text.trim())?.[1])
      .find(Boolean);
    if (line) return { title, speakers: splitNames(line) };
    return { title, speakers: fromSummary?.speakers ?? [] };
  }
}

/** pretalx: `f"{title} - {speaker names joined by ', '}"`; a talk without speakers ends in " - ". */
function pretalxSummary(summary: string): { title: string; speakers: { name: string }[] } | null {
  const trimmed = summary.trimEnd();
  if (trimmed.endsWith(' -')) return { title: trimmed.slice(0, -2).trimEnd(), speakers: [] };
  const cut = trimmed.lastIndexOf(' - ');
  if (cut <= 0) return null;
  return { title: trimmed.slice(0, cut).trimEnd(), speakers: trimmed.slice(cut + 3).split(/\s*,\s*/).filter(Boolean).map((name) => ({ name })) };
}
