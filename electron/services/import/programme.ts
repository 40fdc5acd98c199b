import type { SessionKind, Speaker } from '../../../shared/model/event';
import type { ImportWarning } from '../../../shared/model/importSummary';

/** What `detectFormat` tells apart by the first bytes; JSON formats are told apart by their shape. */
export type ProgrammeFormat = 'ics' | 'frab-xml' | 'json' | 'csv';
export type SourceFormat = 'ics' | 'frab-xml' | 'schedule-json' | 'sessionize' | 'pretalx-widget' | 'csv';

/**
 * One session as a published programme describes it. Times are wall-clock times in the
 * programme's time zone; `date` is the calendar date on which the session starts there.
 */
export type ImportedSession = {
  /** The source's stable id (guid, UID, id); made unique per slot when a talk repeats. */
  sourceId: string;
  /**
   * Set when the file gives several sessions this one id (a repeated workshop, or a hand-rolled
   * exporter giving every talk the same UID): `sourceId` is then that id plus the slot, which is
   * not stable from one version of the file to the next.
   */
  sharedSourceId?: string;
  /** The calendar date it starts on. */
  date: string;
  /**
   * Set only for a session after midnight that the programme lists under the day before (a
   * congress day runs 11:00 to 04:00): the date of that programme day.
   */
  programmeDate?: string;
  start: string;
  /** Null when the source gives no end, or the session lasts more than a day. */
  end: string | null;
  /** The end is on the date after `date` (23:30 to 00:30), as the event file's `endsNextDay`. */
  endsNextDay?: true;
  title: string;
  kind: SessionKind;
  room: string;
  speakers: Speaker[];
  track?: string;
  /** Plain text; any HTML in the source has been reduced to its text. */
  description?: string;
  cancelled: boolean;
};

export type ImportedProgramme = {
  sourceFormat: SourceFormat;
  title?: string;
  /** IANA name. */
  timezone: string;
  /**
   * False when the file does not name the zone its programme runs in (FOSDEM's XML, a CSV, an
   * iCalendar file of UTC times): `timezone` is then only a default (UTC, or the zone asked for),
   * so a user interface should let the user choose. Times the file writes in UTC are converted
   * to it; times it leaves unzoned are taken as written.
   */
  timezoneFromFile: boolean;
  startDate: string;
  endDate: string;
  sessions: ImportedSession[];
  /** What the file got wrong and what was done about it, and guesses the import made (such as the zone). */
  warnings: ImportWarning[];
};

/** Parsers produce this; `finishProgramme` turns it into an `ImportedProgramme`. */
export type ProgrammeDraft = Omit<ImportedProgramme, 'startDate' | 'endDate' | 'warnings'> & {
  /** Days the file declares even when no session falls on them (frab days, schedule.json days). */
  declaredDates: string[];
};

export type ParseOptions = {
  /**
   * Show the times in this zone instead of the file's own (importing into an existing event).
   * Times the file anchors to a zone are converted; times it leaves floating are kept as written.
   */
  timeZone?: string;
};

/** A problem with the file's content; `parseProgrammeFile` prefixes the file name. */
export class ProgrammeFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgrammeFormatError';
  }
}
