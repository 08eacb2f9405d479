import { useTranslation } from 'react-i18next';
import { languageName, textDirection } from '../../../shared/domain';
import { Localized } from '../components/Localized';
import { selectExhibitions, useApp } from '../store';

export function ExhibitionsSection() {
  const { t } = useTranslation();
  const exhibitions = useApp(selectExhibitions);
  return (
    <section className="section" aria-labelledby="exhibitions-heading">
      <div className="section__head">
        <h1 id="exhibitions-heading">{t('exhibitions.heading')}</h1>
        <p className="muted">{t('exhibitions.count', { count: exhibitions.length })}</p>
      </div>
      {exhibitions.length === 0 ? (
        <p className="empty">{t('exhibitions.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('exhibitions.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exhibitions.title')}</th>
                <th scope="col">{t('exhibitions.languages')}</th>
                <th scope="col" className="num">
                  {t('exhibitions.chapters')}
                </th>
                <th scope="col">{t('exhibitions.statusLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {exhibitions.map((exhibition) => (
                <tr key={exhibition.id}>
                  <th scope="row">
                    <Localized text={exhibition.title} className="cell-title" />
                    <Localized text={exhibition.subtitle} className="cell-sub" />
                  </th>
                  <td>
                    {exhibition.languages.map((lang, index) => (
                      <span key={lang}>
                        {index > 0 ? ', ' : null}
                        <span lang={lang} dir={textDirection(lang) === 'rtl' ? 'rtl' : undefined}>
                          {languageName(lang)}
                        </span>
                      </span>
                    ))}
                  </td>
                  <td className="num">{exhibition.chapters.length}</td>
                  <td>
                    <span className={`badge badge--${exhibition.status}`}>
                      {t(`exhibitions.status.${exhibition.status}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
