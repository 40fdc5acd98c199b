import { SESSION_KINDS, type SessionKind } from '../../../shared/model/event';

/**
 * Programmes name their session types freely ("Long talk (45 minutes)", "devroom", "BoF",
 * "WORKSHOP"); these patterns map the common words onto Hallnotes' kinds. Anything else is a talk,
 * which Hallnotes calls a plenary.
 */
const TYPE_PATTERNS: [SessionKind, RegExp][] = [
  ['keynote', /\bkey ?notes?\b/i],
  ['break', /\b(break|pause|lunch|coffee|tea|dinner|breakfast|snacks?)\b/i],
  ['workshop', /\b(workshops?|hands[- ]on|tutorials?|training|lab)\b/i],
  ['panel', /\b(panels?|podium|round ?table|fireside|discussion)\b/i],
  ['break-out', /\b(bofs?|birds of a feather|break-?outs?|meet-?ups?|meetings?|unconference|self-organi[sz]ed)\b/i],
];

/** Titles are noisy ("Coffee with Rust" is a talk), so only unmistakable ones count. */
const TITLE_PATTERNS: [SessionKind, RegExp][] = [
  ['keynote', /^\s*(opening |closing )?keynote\b/i],
  ['panel', /^\s*(panel|podiumsdiskussion)\b/i],
  ['workshop', /^\s*workshop\b/i],
  // The whole title, in the languages programmes come in: English, German, French, Italian, Spanish, Dutch.
  [
    'break',
    /^\s*(lunch|coffee|tea|morning tea|afternoon tea|break|coffee break|lunch break|dinner|breakfast|kaffeepause|mittagspause|mittagessen|pause|pause caf[eé]|pause d[eé]jeuner|d[eé]jeuner|buffet|pausa|pausa caff[eè]|pausa pranzo|pranzo|almuerzo|comida|koffiepauze|lunchpauze)\s*(break)?\s*$/iu,
  ],
];

export function sessionKindFrom(hints: (string | null | undefined)[], title = ''): SessionKind {
  for (const hint of hints) {
    if (!hint) continue;
    const exact = hint.trim().toLowerCase();
    if ((SESSION_KINDS as readonly string[]).includes(exact)) return exact as SessionKind;
    const matched = TYPE_PATTERNS.find(([, pattern]) => pattern.test(hint));
    if (matched) return matched[0];
  }
  return TITLE_PATTERNS.find(([, pattern]) => pattern.test(title))?.[0] ?? 'plenary';
}
