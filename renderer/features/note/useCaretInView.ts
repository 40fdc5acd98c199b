import { useEffect, type RefObject } from 'react';

/** Room kept below the caret's line. */
const MARGIN_PX = 8;

/**
 * Keeps the line being typed in view when the note's scrolling box shrinks (the toolbar's
 * status text rewraps it, a banner comes): the caret must not slip out of view below the
 * window while the reporter writes.
 */
export function useCaretInView(pane: RefObject<HTMLElement | null>, selector: string, mounted: boolean): void {
  useEffect(() => {
    const scroller = pane.current?.querySelector<HTMLElement>(selector);
    if (!scroller) return;
    const observer = new ResizeObserver(() => {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0 || !scroller.contains(selection.anchorNode)) return;
      const range = selection.getRangeAt(0);
      // A collapsed range at a line's start can measure empty; its block then stands for it.
      const caret = range.getClientRects()[0] ?? (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.getBoundingClientRect();
      if (!caret) return;
      const hidden = caret.bottom + MARGIN_PX - scroller.getBoundingClientRect().bottom;
      if (hidden > 0) scroller.scrollTop += hidden;
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [pane, selector, mounted]);
}
