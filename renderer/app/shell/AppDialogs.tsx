import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Dialog } from '../components/forms/Dialog';
import { useApp } from '../store';

/** The app's own small dialogs on the forms kit's `Dialog`. */
function Modal(props: { open: boolean; title: string; onClose(): void; children: ReactNode }) {
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose} testId="app-dialog">
      {props.children}
    </Dialog>
  );
}

function About({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const info = useApp((s) => s.appInfo);
  return (
    <Modal open title={t('desktop.about.title')} onClose={onClose}>
      <p className="lead">{t('desktop.about.tagline')}</p>
      {info ? (
        <>
          <p>{t('desktop.about.version', { version: info.version })}</p>
          <p className="muted">
            {t('desktop.about.platform', {
              platform: info.platform,
              transport:
                info.transport === 'electron'
                  ? t('desktop.about.transportElectron')
                  : t('desktop.about.transportWeb'),
            })}
          </p>
        </>
      ) : null}
      <p className="muted">{t('desktop.about.licence')}</p>
      <div className="editor-dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('desktop.about.close')}
        </button>
      </div>
    </Modal>
  );
}

function NewLibrary({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const create = useApp((s) => s.createDialogRequested);
  const [name, setName] = useState('');
  const nameId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    onClose();
    void create(name.trim());
  };
  return (
    <Modal open title={t('desktop.newLibrary.title')} onClose={onClose}>
      <form onSubmit={submit}>
        <label htmlFor={nameId}>{t('desktop.newLibrary.nameLabel')}</label>
        <input
          id={nameId}
          type="text"
          value={name}
          maxLength={200}
          autoComplete="off"
          autoFocus
          onChange={(event) => setName(event.target.value)}
        />
        <p className="hint">{t('desktop.newLibrary.hint')}</p>
        <div className="editor-dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('desktop.newLibrary.cancel')}
          </button>
          <button type="submit" className="button" disabled={name.trim() === ''}>
            {t('desktop.newLibrary.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The dialogs that menu commands open (Help ▸ About, File ▸ New library). */
export function AppDialogs() {
  const { dialog, close } = useApp(
    useShallow((s) => ({ dialog: s.appDialog, close: s.appDialogClosed })),
  );
  if (dialog === 'about') return <About onClose={close} />;
  if (dialog === 'newLibrary') return <NewLibrary onClose={close} />;
  return null;
}
