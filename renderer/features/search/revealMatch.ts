/**
 * Selects a search match in the note once its editor is on screen. The services give the
 * match's text and how many times that text occurs before it in the note's plain text; the
 * same count over the editor's text finds the same place. Lexical picks the DOM selection up
 * through its selectionchange listener, so typing continues from there.
 */
export type MatchInNote = { eventId: string; sessionId: string; text: string; occurrence: number };

const WAIT_FOR_EDITOR_MS = 4000;
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, cite';

export function revealMatch(match: MatchInNote): void {
  const giveUpAt = performance.now() + WAIT_FOR_EDITOR_MS;
  const attempt = () => {
    // The note pane keys the note it shows "<eventId>/<sessionId>/<revision>" (useNoteContent); ids are [a-z0-9-] only.
    const editor = document.querySelector<HTMLElement>(`.editor-shell[data-note-key^="${match.eventId}/${match.sessionId}/"]:not([hidden]) .editor-content`);
    if (!editor) {
      if (performance.now() < giveUpAt) requestAnimationFrame(attempt);
      return;
    }
    // Two more frames: the editor's own focus-on-open (cursor at the end) must not land after ours.
    requestAnimationFrame(() => requestAnimationFrame(() => select(editor, match)));
  };
  attempt();
}

function select(editor: HTMLElement, match: MatchInNote): void {
  const range = findOccurrence(editor, match.text, match.occurrence);
  if (!range) return;
  editor.focus({ preventScroll: true });
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
}

/** The `occurrence`-th (0-based) case-insensitive occurrence of `needle` in the editor's text, or the last one there is. */
function findOccurrence(root: HTMLElement, needle: string, occurrence: number): Range | null {
  const pieces: { node: Text; start: number }[] = [];
  let text = '';
  let lastBlock: Element | null = null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const block = node.parentElement?.closest(BLOCKS) ?? null;
    // Blocks are joined with a line break, as in the services' plain text, so no match spans two.
    if (pieces.length > 0 && block !== lastBlock) text += '\n';
    lastBlock = block;
    pieces.push({ node, start: text.length });
    text += node.data;
  }
  const haystack = text.toLowerCase();
  const wanted = needle.toLowerCase();
  let found = -1;
  for (let index = haystack.indexOf(wanted), seen = 0; index !== -1 && seen <= occurrence; index = haystack.indexOf(wanted, index + 1), seen++) found = index;
  if (found === -1) return null;
  const range = document.createRange();
  const [startNode, startOffset] = locate(pieces, found);
  const [endNode, endOffset] = locate(pieces, found + wanted.length);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

function locate(pieces: { node: Text; start: number }[], position: number): [Text, number] {
  let piece = pieces[0];
  for (const candidate of pieces) {
    if (candidate.start > position) break;
    piece = candidate;
  }
  return [piece.node, Math.min(position - piece.start, piece.node.data.length)];
}
