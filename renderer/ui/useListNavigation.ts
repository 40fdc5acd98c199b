import { useState, type KeyboardEvent } from 'react';

/**
 * The highlighted option of a filter-as-you-type list (palette, search): Up and Down move it
 * round the list, Enter chooses it. `onMoved` lets the caller scroll the new option into view.
 */
export function useListNavigation<Item>(items: readonly Item[], choose: (item: Item | undefined) => void, onMoved?: (item: Item) => void) {
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter') {
      event.preventDefault();
      choose(items[activeIndex]);
      return;
    }
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || items.length === 0) return;
    event.preventDefault();
    const next = (activeIndex + step + items.length) % items.length;
    setActive(next);
    onMoved?.(items[next]);
  }

  return { activeIndex, setActive, onKeyDown };
}
