import { useTranslation } from 'react-i18next';

/** Says honestly what this section will do; no buttons until export exists. */
export function ExportSection() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="export-heading">
      <h1 id="export-heading">{t('export.heading')}</h1>
      <div className="panel">
        <p className="lead">{t('export.intro')}</p>
        <ul className="plain-list">
          <li>{t('export.web')}</li>
          <li>{t('export.kiosk')}</li>
        </ul>
        <p className="notice">{t('export.status')}</p>
      </div>
    </section>
  );
}
