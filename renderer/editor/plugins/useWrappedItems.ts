import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Which items of a one-row, wrapping container have wrapped onto a second row (which the
 * container clips): their indexes, by the `data-item-index` they carry. Worked out from the
 * layout the browser made, when the container is resized (a window, a sidebar, the zoom, the
 * save indicator's text beside it) and after the toolbar renders (a button enabled or pressed),
 * never per keystroke in the note; a re-render happens only when the answer changes.
 */
export function useWrappedItems(container: RefObject<HTMLElement | null>): number[] {
  const [wrapped, setWrapped] = useState<number[]>([]);
  const measure = useCallback(() => {
    const element = container.current;
    if (!element) return;
    const items = [...element.querySelectorAll<HTMLElement>('[data-item-index]')];
    const firstTop = items[0]?.getBoundingClientRect().top ?? 0;
    const now = items.filter((item) => item.getBoundingClientRect().top > firstTop + 2).map((item) => Number(item.dataset.itemIndex));
    setWrapped((previous) => (previous.length === now.length && previous.every((index, position) => index === now[position]) ? previous : now));
  }, [container]);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [container, measure]);
  // After every render of the toolbar (which its state changes, not typing, cause).
  useLayoutEffect(measure);
  return wrapped;
}
