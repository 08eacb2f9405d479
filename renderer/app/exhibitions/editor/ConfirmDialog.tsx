import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(event: React.FormEvent): void;
  onCancel(): void;
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/** A modal `<dialog>`: the browser traps focus, Escape cancels, focus returns afterwards. */
export function ConfirmDialog(props: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      dialog.showModal();
      props.initialFocus?.current?.focus();
    }
    if (!props.open && dialog.open) dialog.close();
  }, [props.open, props.initialFocus]);
  return (
    <dialog
      ref={ref}
      className="editor-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <form onSubmit={props.onConfirm}>
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
        <div className="editor-dialog__actions">
          <button type="button" className="button button--quiet" onClick={props.onCancel}>
            {t('editor.cancel')}
          </button>
          <button type="submit" className={props.danger ? 'button button--danger' : 'button'}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
