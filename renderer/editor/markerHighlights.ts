import { findMarkers, MARKER_KINDS, type MarkerKind } from './textMarkers';

export type MarkerRanges = Map<MarkerKind, Range[]>;

/**
 * Paints TK markers, hashtags and handles with the CSS Custom Highlight API: ranges over the
 * text the editor already rendered, styled by `::highlight(note-tk)` and friends. Nothing is
 * added to the DOM or to the note, so Lexical's reconciliation and the stored note are
 * untouched; where the API is missing, nothing is highlighted.
 */
export class MarkerHighlights {
  private readonly highlights = new Map<MarkerKind, Highlight>();

  constructor() {
    if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return;
    for (const kind of MARKER_KINDS) {
      const highlight = new Highlight();
      this.highlights.set(kind, highlight);
      CSS.highlights.set(highlightName(kind), highlight);
    }
  }

  replace(previous: MarkerRanges | undefined, next: MarkerRanges | undefined): void {
    for (const [kind, highlight] of this.highlights) {
      for (const range of previous?.get(kind) ?? []) highlight.delete(range);
      for (const range of next?.get(kind) ?? []) highlight.add(range);
    }
  }

  dispose(): void {
    for (const [kind, highlight] of this.highlights) {
      highlight.clear();
      if (CSS.highlights.get(highlightName(kind)) === highlight) CSS.highlights.delete(highlightName(kind));
    }
  }
}

function highlightName(kind: MarkerKind): string {
  return `note-${kind}`;
}

/** Ranges of every marker in a block's editable text (attribution lines and other non-editable parts are skipped). */
export function findMarkerRanges(block: HTMLElement): MarkerRanges {
  const ranges: MarkerRanges = new Map(MARKER_KINDS.map((kind) => [kind, []]));
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node as Text;
    if (text.parentElement?.closest('[contenteditable="false"]')) continue;
    for (const match of findMarkers(text.data)) {
      const range = block.ownerDocument.createRange();
      range.setStart(text, match.start);
      range.setEnd(text, match.end);
      ranges.get(match.kind)!.push(range);
    }
  }
  return ranges;
}
