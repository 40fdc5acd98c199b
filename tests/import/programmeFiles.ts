import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { dayCount } from '../../shared/model/calendar';
import type { ImportedProgramme, ImportedSession, ParseOptions } from '../../electron/services/import/programme';
import { parseProgrammeFile } from '../../electron/services/import/parseProgrammeFile';
import type { ServiceError } from '../../electron/services/storage/serviceError';

const SCHEDULES = fileURLToPath(new URL('../fixtures/schedules/', import.meta.url));

export function fixtureBytes(name: string): Buffer {
  return readFileSync(join(SCHEDULES, name));
}

export function fixtureText(name: string): string {
  return fixtureBytes(name).toString('utf8');
}

export function parseFixture(name: string, options: ParseOptions = {}): ImportedProgramme {
  return parseProgrammeFile(name, fixtureBytes(name), options);
}

export function parseText(fileName: string, text: string, options: ParseOptions = {}): ImportedProgramme {
  return parseProgrammeFile(fileName, Buffer.from(text, 'utf8'), options);
}

/** Counts with a plain regular expression, independently of the importers. */
export function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export function sessionTitled(programme: ImportedProgramme, title: string): ImportedSession {
  const matches = programme.sessions.filter((session) => session.title === title);
  expect(matches, `sessions titled "${title}"`).toHaveLength(1);
  return matches[0];
}

export function names(session: ImportedSession): string[] {
  return session.speakers.map((speaker) => speaker.name);
}

/** The error a parse must fail with. */
export function parseFailure(fileName: string, bytes: Uint8Array | string): ServiceError {
  try {
    parseProgrammeFile(fileName, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
  } catch (error) {
    expect((error as Error).name).toBe('ServiceError');
    expect((error as ServiceError).code).toBe('invalid-argument');
    return error as ServiceError;
  }
  return expect.fail(`expected ${fileName} to be refused`);
}

export function programmeDays(programme: ImportedProgramme): number {
  return dayCount(programme.startDate, programme.endDate);
}

/** The distinct calendar dates among `YYYYMMDD` or `YYYY-MM-DD` strings, sorted. */
export function distinctDates(dates: string[]): string[] {
  return [...new Set(dates.map((date) => date.replace(/-/g, '')))].sort();
}

type ScheduleJson = { schedule: { conference: { days: { rooms?: Record<string, unknown[]> }[] }; events?: unknown[] } };

/** Events of a schedule.json, counted by walking the JSON: v1 rooms of every day plus v2 `events`. */
export function jsonEventCount(text: string): number {
  const { schedule } = JSON.parse(text) as ScheduleJson;
  return schedule.conference.days.flatMap((day) => Object.values(day.rooms ?? {}).flat()).length + (schedule.events?.length ?? 0);
}

export function jsonDayCount(text: string): number {
  return (JSON.parse(text) as ScheduleJson).schedule.conference.days.length;
}
