import { useEffect, useId, useRef, useState } from 'react';
import { menuKeyTarget } from './menu-keys';

export interface MenuAction {
  /** Visible text of the entry. */
  label: string;
  /** Accessible name when the visible text alone is ambiguous (names the row's entry). */
  name?: string;
  danger?: boolean;
  onSelect(): void;
}

interface Props {
  /** Accessible name of the button ("More actions for …"). */
  label: string;
  actions: MenuAction[];
}

/**
 * A row's secondary actions behind one "⋯" button, following the WAI-ARIA menu button pattern:
 * Enter, Space or ArrowDown open it on the first entry (ArrowUp on the last), arrow keys, Home
 * and End move, Escape closes and gives focus back to the button, Tab or a click elsewhere
 * closes it. Entries are real buttons, so a click works as everywhere else.
 */
export function MenuButton({ label, actions }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const [place, setPlace] = useState<React.CSSProperties>({});

  useEffect(() => {
    if (!open || focusAt === null) return;
    menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[focusAt]?.focus();
  }, [open, focusAt]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    // The menu is placed against the window (fixed), so a scrolling table cannot clip it; when
    // something scrolls it follows its button, and closes once the button is out of sight. (A
    // scroll event can also arrive just after opening, from the scroll that brought the button
    // into view, so closing on every scroll would shut a menu that was just opened.)
    const onScroll = (event: Event) => {
      if (menu.current?.contains(event.target as Node)) return;
      const rect = button.current?.getBoundingClientRect();
      if (!rect || rect.bottom < 0 || rect.top > window.innerHeight) setOpen(false);
      else setPlace(placeFor(rect));
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('scroll', onScroll, true);
    };
  }, [open]);

  const placeFor = (rect: DOMRect): React.CSSProperties => {
    const right = Math.max(4, window.innerWidth - rect.right);
    // Below the button when an entry list fits there, above it otherwise.
    const below = window.innerHeight - rect.bottom > 48 * actions.length + 16;
    return below
      ? { right, top: rect.bottom + 4 }
      : { right, bottom: window.innerHeight - rect.top + 4 };
  };
  const show = (at: number) => {
    const rect = button.current?.getBoundingClientRect();
    if (rect) setPlace(placeFor(rect));
    setOpen(true);
    setFocusAt(at);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    setFocusAt(null);
    if (refocus) button.current?.focus();
  };

  return (
    <div className="menu-button">
      <button
        ref={button}
        type="button"
        className="button button--quiet menu-button__toggle"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            show(event.key === 'ArrowDown' ? 0 : actions.length - 1);
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open ? (
        <ul
          ref={menu}
          id={`${id}-menu`}
          role="menu"
          aria-label={label}
          className="menu-button__menu"
          style={place}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close(true);
              return;
            }
            if (event.key === 'Tab') {
              close(false);
              return;
            }
            const next = menuKeyTarget(event.key, focusAt ?? 0, actions.length);
            if (next === null) return;
            event.preventDefault();
            setFocusAt(next);
          }}
        >
          {actions.map((action, index) => (
            <li key={action.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={index === focusAt ? 0 : -1}
                className={`menu-button__item${action.danger ? ' menu-button__item--danger' : ''}`}
                aria-label={action.name}
                onClick={() => {
                  close(true);
                  action.onSelect();
                }}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
