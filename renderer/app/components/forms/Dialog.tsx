import { useEffect, useId, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';
import { FOCUSABLE, wrapFocus } from './focus-trap';

interface Props {
  open: boolean;
  title: ReactNode;
  /** Escape, the head's close button and a footer's cancel all end here. */
  onClose(): void;
  /**
   * `wide` for wizards (the table import, packages): a close button in the head, footers
   * inside the body's steps. `narrow` for confirmations: the footer holds the buttons.
   */
  size?: 'wide' | 'narrow';
  /** Extra class names (the dialog's own styles). */
  className?: string;
  testId?: string;
  busy?: boolean;
  /** Label of the head's close button; without it the head shows the title only. */
  closeLabel?: string;
  closeDisabled?: boolean;
  /** Buttons under the body; with `onSubmit` the body and footer are one form. */
  footer?: ReactNode;
  onSubmit?(event: FormEvent): void;
  /** Focused on opening instead of the first control. */
  initialFocus?: RefObject<HTMLElement | null> | undefined;
  /** Renders the body only while open (its content depends on state that exists then). */
  lazy?: boolean;
  children?: ReactNode;
}

/**
 * The one dialog scaffold: a modal `<dialog>` (the page behind is inert), labelled by its title,
 * `aria-busy` while working, Escape closes, Tab wraps inside, and focus returns to where it was
 * when the dialog closes.
 */
export function Dialog(props: Props) {
  const { open, onClose, initialFocus } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      initialFocus?.current?.focus();
    }
    if (!open && dialog.open) {
      dialog.close();
      // Back to the button that opened it, if it is still on the page.
      if (returnTo.current?.isConnected) returnTo.current.focus();
      returnTo.current = null;
    }
  }, [open, initialFocus]);

  const wide = (props.size ?? 'narrow') === 'wide';
  const base = wide ? 'table-dialog' : 'editor-dialog';
  const body = (
    <>
      {props.closeLabel !== undefined ? (
        <div className={`${base}__head`}>
          <h2 id={titleId}>{props.title}</h2>
          <button
            type="button"
            className="button button--quiet"
            disabled={props.closeDisabled}
            onClick={onClose}
          >
            {props.closeLabel}
          </button>
        </div>
      ) : (
        <h2 id={titleId}>{props.title}</h2>
      )}
      {props.children}
      {props.footer !== undefined ? <div className={`${base}__actions`}>{props.footer}</div> : null}
    </>
  );
  const shown = !props.lazy || open;
  return (
    <dialog
      ref={ref}
      className={props.className ? `${base} ${props.className}` : base}
      aria-labelledby={titleId}
      aria-busy={props.busy ?? undefined}
      data-testid={props.testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Tab' || !ref.current) return;
        const controls = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
          (el) => el.offsetParent !== null || el === document.activeElement,
        );
        const next = wrapFocus(
          controls.length,
          controls.indexOf(document.activeElement as HTMLElement),
          e.shiftKey,
        );
        if (next === null) return;
        e.preventDefault();
        controls[next]!.focus();
      }}
    >
      {shown ? props.onSubmit ? <form onSubmit={props.onSubmit}>{body}</form> : body : null}
    </dialog>
  );
}
