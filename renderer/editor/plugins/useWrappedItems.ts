import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Which items of a one-row, wrapping container have wrapped onto a second row (which the
 * container clips): their indexes, by the `data-item-index` they carry. Worked out from the
 * layout the browser made, when the container is resized (a window, a sidebar, the zoom), never
 * per keystroke; a re-render happens only when the answer changes.
 */
export function useWrappedItems(container: RefObject<HTMLElement | null>, itemCount: number): number[] {
  const [wrapped, setWrapped] = useState<number[]>([]);
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => {
      const items = [...element.querySelectorAll<HTMLElement>('[data-item-index]')];
      const firstTop = items[0]?.getBoundingClientRect().top ?? 0;
      const now = items.filter((item) => item.getBoundingClientRect().top > firstTop + 2).map((item) => Number(item.dataset.itemIndex));
      setWrapped((previous) => (previous.length === now.length && previous.every((index, position) => index === now[position]) ? previous : now));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [container, itemCount]);
  return wrapped;
}
