import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../../shared/errors';

interface Props {
  error: ErrorData;
  /** The sentence around the message, a catalogue key taking `{{message}}`. */
  template: string;
  onDismiss?: () => void;
}

export function ErrorBanner({ error, template, onDismiss }: Props) {
  const { t } = useTranslation();
  return (
    <div className="error-banner" role="alert" data-error-code={error.code}>
      <p>{t(template, { message: error.message })}</p>
      {onDismiss ? (
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          {t('errors.dismiss')}
        </button>
      ) : null}
    </div>
  );
}
