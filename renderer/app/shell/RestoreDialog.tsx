import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { formatTimestamp } from '../view/text';
import { ErrorBanner } from '../components/ErrorBanner';
import { Dialog } from '../components/forms/Dialog';

const COLLECTIONS = ['items', 'partnerships', 'awards', 'exhibitions'] as const;

/** 1234567 → "1,2 MB" in the UI language. */
function size(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${value.toLocaleString(lang, { maximumFractionDigits: digits })} ${units[unit]}`;
}

/**
 * File ▸ Restore from backup …, and the damaged-library offer: the backups (time, kind, size,
 * valid or not), the counts that would change, and a confirmation. On the forms kit's `Dialog`:
 * focus stays inside, Escape cancels.
 */
export function RestoreDialog() {
  const { t, i18n } = useTranslation();
  const restore = useApp((s) => s.restore);
  const actions = useApp(
    useShallow((s) => ({
      choose: s.restoreBackupChosen,
      confirm: s.restoreConfirmed,
      close: s.restoreDialogClosed,
    })),
  );
  const titleId = useId();
  const open = restore !== null;

  const lang = i18n.language;
  const busy = restore?.status !== 'ready';
  const preview = restore?.preview ?? null;
  const changed = preview
    ? COLLECTIONS.filter((c) => {
        const x = preview.changes[c];
        return x.added + x.removed + x.changed > 0;
      })
    : [];

  return (
    <Dialog
      open={open}
      className="restore-dialog"
      title={t('restore.title')}
      onClose={actions.close}
      busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void actions.confirm();
      }}
      footer={
        <>
          <button type="button" className="button button--quiet" onClick={actions.close}>
            {t('restore.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || preview === null}
          >
            {t('restore.confirm')}
          </button>
        </>
      }
    >
      {restore?.list ? (
        <p className="hint">{t('restore.library', { path: restore.list.displayPath })}</p>
      ) : null}
      {restore?.status === 'loading' ? <p role="status">{t('restore.loading')}</p> : null}
      {restore?.status === 'restoring' ? <p role="status">{t('restore.restoring')}</p> : null}
      {restore?.error ? <ErrorBanner error={restore.error} template="restore.failed" /> : null}
      {restore?.list ? (
        restore.list.backups.length === 0 ? (
          <p>{t('restore.none')}</p>
        ) : (
          <fieldset className="restore-dialog__list">
            <legend>{t('restore.listLegend')}</legend>
            {restore.list.backups.map((b) => (
              <label key={b.id} className="restore-dialog__backup">
                <input
                  type="radio"
                  name="backup"
                  value={b.id}
                  disabled={!b.valid || restore.status === 'restoring'}
                  checked={preview?.backup.id === b.id}
                  onChange={() => void actions.choose(b.id)}
                />
                <span>{formatTimestamp(b.createdAt, lang)}</span>
                <span>{t(`restore.kind.${b.kind}`)}</span>
                <span>{size(b.bytes, lang)}</span>
                <span>
                  {b.valid
                    ? t('restore.valid', { items: b.counts?.items ?? 0 })
                    : t('restore.invalid', { message: b.problem?.message ?? '' })}
                </span>
              </label>
            ))}
          </fieldset>
        )
      ) : null}
      {preview ? (
        <section className="restore-dialog__preview" aria-labelledby={`${titleId}-preview`}>
          <h3 id={`${titleId}-preview`}>
            {t('restore.previewHeading', {
              time: formatTimestamp(preview.backup.createdAt, lang),
            })}
          </h3>
          {preview.currentProblem ? (
            <p>{t('restore.currentDamaged', { message: preview.currentProblem.message })}</p>
          ) : null}
          {changed.length === 0 ? (
            <p>{t('restore.nothingChanges')}</p>
          ) : (
            <table data-testid="restore-changes">
              <thead>
                <tr>
                  <th scope="col">{t('restore.collection')}</th>
                  <th scope="col">{t('restore.now')}</th>
                  <th scope="col">{t('restore.after')}</th>
                  <th scope="col">{t('restore.delta')}</th>
                </tr>
              </thead>
              <tbody>
                {changed.map((c) => {
                  const x = preview.changes[c];
                  return (
                    <tr key={c}>
                      <th scope="row">{t(`restore.collections.${c}`)}</th>
                      <td>{x.before ?? '–'}</td>
                      <td>{x.after}</td>
                      <td>
                        {t('restore.deltaText', {
                          added: x.added,
                          removed: x.removed,
                          changed: x.changed,
                        })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <p className="hint">{t('restore.setAsideNote')}</p>
        </section>
      ) : null}
    </Dialog>
  );
}
