import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export type OverflowItem = { id: string; label: string; shortcut: string; pressed?: boolean; disabled?: boolean; content: ReactNode; run: () => void };


/**
 * "More": the toolbar's buttons that do not fit its one row, as a menu (WAI-ARIA menu button):
 * Enter, Space or Down opens it on the first item, Up and Down move, Enter runs one, Escape closes.
 */
export function ToolbarOverflowMenu({ items }: { items: OverflowItem[] }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]')[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: items.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      event.stopPropagation();
      setActive((moves[event.key] + items.length) % items.length);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  }

  return (
    <div className="toolbar-more">
      <button
        ref={buttonRef}
        type="button"
        className="toolbar-button toolbar-more-button"
        aria-label="More formatting"
        title="More formatting"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        // Reached with the arrow keys, as the toolbar's other buttons.
        tabIndex={-1}
        onClick={() => {
          setActive(0);
          setOpen((current) => !current);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            event.stopPropagation();
            setActive(event.key === 'ArrowUp' ? items.length - 1 : 0);
            setOpen(true);
          }
        }}
      >
        <span className="glyph" aria-hidden="true">
          ⋯
        </span>
      </button>
      {open && (
        <div ref={menuRef} id={menuId} className="toolbar-menu" role="menu" aria-label="More formatting" onKeyDown={onMenuKeyDown}>
          {items.map((item, index) => (
            <button
              key={item.id}
              type="button"
              role={item.pressed === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={item.pressed}
              className="toolbar-menu-item"
              aria-disabled={item.disabled || undefined}
              tabIndex={index === active ? 0 : -1}
              onMouseMove={() => setActive(index)}
              onClick={() => {
                if (item.disabled) return;
                setOpen(false);
                item.run();
              }}
            >
              <span className="toolbar-menu-icon" aria-hidden="true">
                {item.content}
              </span>
              <span className="toolbar-menu-label">{item.label}</span>
              {item.shortcut && <kbd className="toolbar-menu-shortcut">{item.shortcut}</kbd>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
