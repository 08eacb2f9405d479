import { useTranslation } from 'react-i18next';
import {
  languageName,
  pickText,
  type ItemKind,
  type LibrarySnapshot,
} from '../../../shared/domain';
import { useApp } from '../store';
import { EMPTY_FILTER, isFilterEmpty, type FacetCounts, type FacetFilter } from './facets';

const toggle = <T,>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

/** Facets as groups of checkboxes with counts; counts come from the current search result. */
export function FacetPanel({
  counts,
  snapshot,
}: {
  counts: FacetCounts;
  snapshot: LibrarySnapshot;
}) {
  const { t, i18n } = useTranslation();
  const filter = useApp((s) => s.libraryFilter);
  const change = useApp((s) => s.libraryFilterChanged);
  const ui = i18n.language;
  const lang = snapshot.manifest.defaultLanguage;
  const set = (next: Partial<FacetFilter>) => change({ ...filter, ...next });
  const cities = new Map(snapshot.partnerships.map((p) => [p.id, pickText(p.city, ui, lang)]));
  const decades = [...counts.decades].sort((a, b) => a[0] - b[0]);
  const tags = [...counts.tags]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 30);
  for (const tag of filter.tags) if (!counts.tags.has(tag)) tags.push([tag, 0]);

  return (
    <section className="facets" aria-label={t('curation.facets.heading')} data-testid="facets">
      <div className="facets__head">
        <h2>{t('curation.facets.heading')}</h2>
        {!isFilterEmpty(filter) ? (
          <button type="button" className="link-button" onClick={() => change(EMPTY_FILTER)}>
            {t('curation.facets.reset')}
          </button>
        ) : null}
      </div>
      <fieldset>
        <legend>{t('curation.facets.checks')}</legend>
        <Check
          label={t('curation.facets.rightsMissing')}
          count={counts.rightsMissing}
          checked={filter.rightsMissing}
          onChange={() => set({ rightsMissing: !filter.rightsMissing })}
        />
        <Check
          label={t('curation.facets.altTextMissing')}
          count={counts.altTextMissing}
          checked={filter.altTextMissing}
          onChange={() => set({ altTextMissing: !filter.altTextMissing })}
        />
        {snapshot.manifest.languages.map((l) => (
          <Check
            key={l}
            label={t('curation.facets.notTranslated', { language: languageName(l) })}
            count={counts.notTranslated.get(l) ?? 0}
            checked={filter.notTranslatedInto === l}
            onChange={() => set({ notTranslatedInto: filter.notTranslatedInto === l ? null : l })}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('curation.facets.kind')}</legend>
        {[...counts.kinds].map(([kind, n]) => (
          <Check
            key={kind}
            label={t(`library.kind.${kind}`)}
            count={n}
            checked={filter.kinds.includes(kind)}
            onChange={() => set({ kinds: toggle<ItemKind>(filter.kinds, kind) })}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('curation.facets.partnership')}</legend>
        {snapshot.partnerships.map((p) => (
          <Check
            key={p.id}
            label={cities.get(p.id) ?? p.id}
            count={counts.partnerships.get(p.id) ?? 0}
            checked={filter.partnershipIds.includes(p.id)}
            onChange={() => set({ partnershipIds: toggle(filter.partnershipIds, p.id) })}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('curation.facets.decade')}</legend>
        {decades.map(([decade, n]) => (
          <Check
            key={decade}
            label={t('curation.facets.decadeLabel', { decade })}
            count={n}
            checked={filter.decades.includes(decade)}
            onChange={() => set({ decades: toggle(filter.decades, decade) })}
          />
        ))}
      </fieldset>
      {tags.length > 0 ? (
        <fieldset>
          <legend>{t('curation.facets.tags')}</legend>
          {tags.map(([tag, n]) => (
            <Check
              key={tag}
              label={tag}
              count={n}
              checked={filter.tags.includes(tag)}
              onChange={() => set({ tags: toggle(filter.tags, tag) })}
            />
          ))}
        </fieldset>
      ) : null}
    </section>
  );
}

function Check({
  label,
  count,
  checked,
  onChange,
}: {
  label: string;
  count: number;
  checked: boolean;
  onChange: () => void;
}) {
  return (
    <label className="facet">
      <input type="checkbox" checked={checked} onChange={onChange} />
      <span className="facet__label" dir="auto">
        {label}
      </span>
      <span className="facet__count">{count.toLocaleString()}</span>
    </label>
  );
}
