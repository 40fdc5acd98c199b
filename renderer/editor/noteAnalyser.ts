import { $getRoot, type LexicalEditor, type NodeKey } from 'lexical';
import { $isPrivateNoteNode } from '../../shared/note/nodes/PrivateNoteNode';
import { blockStats, sameNoteStats, sumBlockStats, type BlockStats, type NoteStats } from './blockStats';
import { QuietPeriod } from '../timing/quietPeriod';
import { findMarkerRanges, MarkerHighlights, type MarkerRanges } from './markerHighlights';

/** Typing pauses this long before counting and highlighting catch up. */
const SETTLE_MS = 300;
const EMPTY_STATS: BlockStats = { words: 0, characters: 0, tkSnippets: [] };

type Entry = { stats: BlockStats; ranges?: MarkerRanges };

/**
 * Counts words, characters and TK markers and highlights markers, off the typing path: an
 * update only records which blocks changed (Lexical's dirty keys), and once typing settles an
 * idle callback re-reads just those blocks, in slices that fit the idle time, so a long note
 * never costs a keystroke anything. Private notes are outside the piece: not counted, not
 * highlighted.
 */
export class NoteAnalyser {
  private readonly entries = new Map<NodeKey, Entry>();
  private readonly dirty = new Set<NodeKey>();
  private readonly highlights = new MarkerHighlights();
  private readonly settled = new QuietPeriod(SETTLE_MS, () => {
    this.idle = requestIdleCallback((deadline) => this.run(deadline), { timeout: 2000 });
  });
  private idle: number | undefined;
  private published: NoteStats | null = null;

  constructor(
    private readonly editor: LexicalEditor,
    private readonly publish: (stats: NoteStats) => void,
  ) {}

  start(): () => void {
    this.schedule();
    const unregister = this.editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      for (const key of dirtyElements.keys()) this.dirty.add(key);
      for (const key of dirtyLeaves) this.dirty.add(key);
      this.schedule();
    });
    return () => {
      unregister();
      this.settled.cancel();
      if (this.idle !== undefined) cancelIdleCallback(this.idle);
      this.highlights.dispose();
    };
  }

  /** Selects the TK marker with this id (from the published stats) and scrolls it into view. */
  reveal(tkId: string): void {
    const separator = tkId.lastIndexOf(':');
    const key = tkId.slice(0, separator);
    const range = this.entries.get(key)?.ranges?.get('tk')?.[Number(tkId.slice(separator + 1))];
    const root = this.editor.getRootElement();
    const block = this.editor.getElementByKey(key);
    if (!root || !block) return;
    root.focus({ preventScroll: true });
    const selection = root.ownerDocument.getSelection();
    if (range && !range.collapsed && selection) {
      selection.removeAllRanges();
      selection.addRange(range.cloneRange());
    }
    block.scrollIntoView({ block: 'center' });
  }

  private schedule(): void {
    if (this.idle !== undefined) cancelIdleCallback(this.idle);
    this.idle = undefined;
    this.settled.touch();
  }

  private run(deadline: IdleDeadline): void {
    this.idle = undefined;
    let finished = true;
    const order: NodeKey[] = [];
    this.editor.getEditorState().read(() => {
      for (const block of $getRoot().getChildren()) {
        const key = block.getKey();
        order.push(key);
        if (this.entries.has(key) && !this.dirty.has(key)) continue;
        if (deadline.timeRemaining() < 1 && !deadline.didTimeout) {
          finished = false;
          continue;
        }
        const previous = this.entries.get(key);
        const isPrivate = $isPrivateNoteNode(block);
        const element = isPrivate ? null : this.editor.getElementByKey(key);
        const entry: Entry = { stats: isPrivate ? EMPTY_STATS : blockStats(block.getTextContent()), ranges: element ? findMarkerRanges(element) : undefined };
        this.highlights.replace(previous?.ranges, entry.ranges);
        this.entries.set(key, entry);
        this.dirty.delete(key);
      }
    });
    if (!finished) {
      this.idle = requestIdleCallback((next) => this.run(next), { timeout: 2000 });
      return;
    }
    this.dirty.clear();
    const live = new Set(order);
    for (const [key, entry] of this.entries) {
      if (live.has(key)) continue;
      this.highlights.replace(entry.ranges, undefined);
      this.entries.delete(key);
    }
    const stats = sumBlockStats(order.map((key) => [key, this.entries.get(key)!.stats]));
    if (sameNoteStats(this.published, stats)) return;
    this.published = stats;
    this.publish(stats);
  }
}
