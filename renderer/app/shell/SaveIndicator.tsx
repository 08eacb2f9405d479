import { useTranslation } from 'react-i18next';
import { useApp } from '../store';

/** Always visible while a library is open; announced politely when it changes. */
export function SaveIndicator() {
  const { t } = useTranslation();
  const save = useApp((s) => s.save);
  const readOnly = useApp((s) => s.library?.readOnly ?? false);
  let text: string;
  if (save.status === 'saving') text = t('save.saving');
  else if (save.status === 'error') text = t('save.error', { message: save.error.message });
  else text = t('save.saved');
  return (
    <p className={`save-state save-state--${save.status}`} role="status" data-testid="save-state">
      <span className="save-state__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('save.label')}: </span>
      {text}
      {readOnly ? <span className="save-state__readonly"> · {t('save.readOnly')}</span> : null}
    </p>
  );
}
