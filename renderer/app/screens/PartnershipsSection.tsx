import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatEdtf, type Partnership } from '../../../shared/domain';
import { Localized } from '../components/Localized';
import {
  selectAwardsOf,
  selectPartnershipsByDate,
  selectSelectedPartnership,
  useApp,
} from '../store';
import { countryName } from '../view/text';

const DETAIL_ID = 'partnership-detail';

export function PartnershipsSection() {
  const { t, i18n } = useTranslation();
  const partnerships = useApp(useShallow(selectPartnershipsByDate));
  const selected = useApp(selectSelectedPartnership);
  const choose = useApp((s) => s.partnershipSelected);
  const lang = i18n.language;

  return (
    <section className="section" aria-labelledby="partnerships-heading">
      <div className="section__head">
        <h1 id="partnerships-heading">{t('partnerships.heading')}</h1>
        <p className="muted">{t('partnerships.count', { count: partnerships.length })}</p>
      </div>
      {partnerships.length === 0 ? (
        <p className="empty">{t('partnerships.empty')}</p>
      ) : (
        <div className="split">
          <div className="table-wrap split__list">
            <table className="table table--selectable">
              <caption className="visually-hidden">{t('partnerships.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('partnerships.city')}</th>
                  <th scope="col">{t('partnerships.country')}</th>
                  <th scope="col">{t('partnerships.kindLabel')}</th>
                  <th scope="col">{t('partnerships.since')}</th>
                  <th scope="col">{t('partnerships.statusLabel')}</th>
                </tr>
              </thead>
              <tbody>
                {partnerships.map((p) => {
                  const isSelected = selected?.id === p.id;
                  return (
                    <tr key={p.id} className={isSelected ? 'is-selected' : undefined}>
                      <th scope="row">
                        <button
                          type="button"
                          className="row-button"
                          aria-controls={DETAIL_ID}
                          aria-current={isSelected ? 'true' : undefined}
                          onClick={() => choose(p.id)}
                        >
                          <Localized text={p.city} />
                        </button>
                      </th>
                      <td>{countryName(p.country, lang)}</td>
                      <td>{t(`partnerships.kind.${p.kind}`)}</td>
                      <td>{formatEdtf(p.since, lang)}</td>
                      <td>
                        <span className={`badge badge--${p.status}`}>
                          {t(`partnerships.status.${p.status}`)}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="split__detail" id={DETAIL_ID}>
            {selected ? (
              <PartnershipDetail partnership={selected} />
            ) : (
              <p className="empty">{t('partnerships.select')}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function PartnershipDetail({ partnership: p }: { partnership: Partnership }) {
  const { t, i18n } = useTranslation();
  const awards = useApp(useShallow(selectAwardsOf(p.id)));
  const lang = i18n.language;
  return (
    <article className="detail" aria-labelledby="partnership-detail-heading">
      <h2 id="partnership-detail-heading">
        <Localized text={p.city} />
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('partnerships.country')}</dt>
          <dd>{countryName(p.country, lang)}</dd>
        </div>
        <div>
          <dt>{t('partnerships.kindLabel')}</dt>
          <dd>{t(`partnerships.kind.${p.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('partnerships.since')}</dt>
          <dd>{formatEdtf(p.since, lang) || '–'}</dd>
        </div>
        <div>
          <dt>{t('partnerships.statusLabel')}</dt>
          <dd>{t(`partnerships.status.${p.status}`)}</dd>
        </div>
      </dl>
      {Object.keys(p.summary).length > 0 ? (
        <>
          <h3>{t('partnerships.summary')}</h3>
          <p>
            <Localized text={p.summary} />
          </p>
        </>
      ) : null}

      <h3>{t('partnerships.history')}</h3>
      {p.history.length === 0 ? (
        <p className="muted">{t('partnerships.historyEmpty')}</p>
      ) : (
        <ol className="timeline">
          {p.history.map((event) => (
            <li key={event.id} className="timeline__event">
              <p className="timeline__date">{formatEdtf(event.date, lang)}</p>
              <p className="timeline__title">
                <Localized text={event.title} />
              </p>
              {Object.keys(event.text).length > 0 ? (
                <p className="timeline__text">
                  <Localized text={event.text} />
                </p>
              ) : null}
              {event.itemIds.length > 0 ? (
                <p className="timeline__meta">
                  {t('partnerships.linkedItems', { count: event.itemIds.length })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}

      {awards.length > 0 ? (
        <>
          <h3>{t('partnerships.awards')}</h3>
          <ul className="plain-list">
            {awards.map((award) => (
              <li key={award.id}>
                <Localized text={award.name} /> · {formatEdtf(award.date, lang)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
