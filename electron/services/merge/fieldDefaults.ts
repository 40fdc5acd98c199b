import { eventDraftSchema, sessionDraftSchema } from '../../../shared/model/event';
import { emptyPostSettings } from '../../../shared/model/post';
import { valueHash } from './canonicalJson';
import type { DefaultTest } from './stampedFields';

/**
 * What each field holds when nobody set it, read from the model's own defaults, so a field
 * added to the model later (with a default) is known here without a list to maintain.
 */
function defaultsBeyond(parsed: Record<string, unknown>, given: Record<string, unknown>): Map<string, string> {
  return new Map(
    Object.entries(parsed)
      .filter(([key]) => !(key in given))
      .map(([key, value]) => [key, valueHash(value)]),
  );
}

const minimalSession = { day: 1, start: '00:00', title: 'x' };
const minimalEvent = { title: 'x', startDate: '2026-01-01', endDate: '2026-01-01', timezone: 'UTC' };

const SESSION_DEFAULTS = defaultsBeyond(sessionDraftSchema.parse(minimalSession), minimalSession);
const EVENT_DEFAULTS = defaultsBeyond(eventDraftSchema.parse(minimalEvent), minimalEvent);
const POST_DEFAULTS = new Map(Object.entries({ ...emptyPostSettings(), intro: null, closing: null }).map(([key, value]) => [key, valueHash(value)]));

function testAgainst(defaults: Map<string, string>): DefaultTest {
  return (field, value) => value === undefined || defaults.get(field) === valueHash(value);
}

export const isDefaultSessionValue = testAgainst(SESSION_DEFAULTS);
export const isDefaultEventValue = testAgainst(EVENT_DEFAULTS);
export const isDefaultPostValue = testAgainst(POST_DEFAULTS);
