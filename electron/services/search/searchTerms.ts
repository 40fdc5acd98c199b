/**
 * How text is cut into searchable terms, shared by the index and the snippet finder so a
 * highlighted range is always a term the index matched. Accents are folded ("Tomás" is found
 * by "tomas") and case is ignored.
 */
const TOKEN = /[\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const ASCII = /^[\x00-\x7f]*$/;

export function normaliseTerm(term: string): string {
  // Most words are plain ASCII; skipping Unicode normalisation for them halves the snippet work.
  if (ASCII.test(term)) return term.toLowerCase();
  return term.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** [start, end) of each token in `text` whose normalised form is in `terms`, in order; stops when the caller does. */
export function* termRanges(text: string, terms: ReadonlySet<string>): Generator<[number, number]> {
  if (terms.size === 0) return;
  const pattern = new RegExp(TOKEN.source, TOKEN.flags);
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    if (terms.has(normaliseTerm(match[0]))) yield [match.index, match.index + match[0].length];
  }
}
