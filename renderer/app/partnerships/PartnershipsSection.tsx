import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatEdtf } from '../../../shared/domain';
import { Localized } from '../components/Localized';
import '../library/library.css';
import { PartnershipEditor, useCreatePartnership } from './PartnershipEditor';
import { selectPartnershipsByDate, selectSelectedPartnership, useApp } from '../store';
import { countryName } from '../view/text';
import { AwardsPane } from './AwardEditor';
import { TimelineOverview } from './TimelineOverview';

const DETAIL_ID = 'partnership-detail';

export function PartnershipsSection() {
  const { t, i18n } = useTranslation();
  const partnerships = useApp(useShallow(selectPartnershipsByDate));
  const selected = useApp(selectSelectedPartnership);
  const choose = useApp((s) => s.partnershipSelected);
  const snapshot = useApp((s) => s.snapshot);
  const tab = useApp((s) => s.partnershipTab);
  const setTab = useApp((s) => s.partnershipTabSelected);
  const create = useCreatePartnership();
  const lang = i18n.language;

  return (
    <section className="section" aria-labelledby="partnerships-heading">
      <div className="section__head">
        <h1 id="partnerships-heading">{t('partnerships.heading')}</h1>
        <p className="muted">{t('partnerships.count', { count: partnerships.length })}</p>
        <div className="segmented" role="group" aria-label={t('curation.partnership.views')}>
          {(['list', 'overview', 'awards'] as const).map((id) => (
            <button
              key={id}
              type="button"
              className="segmented__button"
              aria-pressed={tab === id}
              onClick={() => setTab(id)}
            >
              {t(`curation.partnership.tab.${id}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button" onClick={() => void create()}>
          {t('curation.partnership.new')}
        </button>
      </div>
      {tab === 'overview' && snapshot ? (
        <TimelineOverview snapshot={snapshot} />
      ) : tab === 'awards' && snapshot ? (
        <AwardsPane snapshot={snapshot} />
      ) : partnerships.length === 0 ? (
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
            {selected && snapshot ? (
              <PartnershipEditor key={selected.id} partnership={selected} snapshot={snapshot} />
            ) : (
              <p className="empty">{t('partnerships.select')}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
