/**
 * "TK" (to come) marks a fact still to be checked. Only the capitalised word counts, so
 * "Tk" or "tkinter" are not markers, while "TK:" and "(TK)" are.
 */
export const TK_PATTERN = /(?<![\p{L}\p{N}])TK(?![\p{L}\p{N}])/gu;

export function countTkMarkers(text: string): number {
  return text.match(TK_PATTERN)?.length ?? 0;
}
