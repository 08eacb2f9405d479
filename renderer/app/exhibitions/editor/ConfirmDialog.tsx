import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/forms/Dialog';

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

/** A question with Cancel and one confirming button, on the forms kit's `Dialog`. */
export function ConfirmDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={props.open}
      title={props.title}
      onClose={props.onCancel}
      initialFocus={props.initialFocus}
      onSubmit={props.onConfirm}
      footer={
        <>
          <button type="button" className="button button--quiet" onClick={props.onCancel}>
            {t('editor.cancel')}
          </button>
          <button type="submit" className={props.danger ? 'button button--danger' : 'button'}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
    </Dialog>
  );
}
