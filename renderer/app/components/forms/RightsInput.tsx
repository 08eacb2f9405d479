import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName, RIGHTS_STATEMENTS, type Rights } from '../../../../shared/domain';
import { withText } from './localized';
import { withHolder, withStatement } from './rights';

/** Creative Commons and rightsstatements.org, grouped; "none" removes the rights record. */
export function RightsInput({
  rights,
  onChange,
  showCredit = false,
  lang,
}: {
  rights: Rights | undefined;
  onChange: (rights: Rights | undefined) => void;
  showCredit?: boolean;
  lang?: string;
}) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language as 'de' | 'en';
  const id = useId();
  const cc = RIGHTS_STATEMENTS.filter((r) => !r.url.includes('rightsstatements.org'));
  const rs = RIGHTS_STATEMENTS.filter((r) => r.url.includes('rightsstatements.org'));
  const info = RIGHTS_STATEMENTS.find((r) => r.id === rights?.statement);
  return (
    <fieldset className="field rights" data-testid="rights-picker">
      <legend>{t('curation.field.rights')}</legend>
      <label htmlFor={`${id}-statement`}>{t('curation.rights.statement')}</label>
      <select
        id={`${id}-statement`}
        value={rights?.statement ?? ''}
        onChange={(event) => onChange(withStatement(rights, event.target.value))}
      >
        <option value="">
          {showCredit ? t('curation.batch.keep') : t('curation.rights.none')}
        </option>
        <optgroup label="Creative Commons">
          {cc.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label[ui]}
            </option>
          ))}
        </optgroup>
        <optgroup label="rightsstatements.org">
          {rs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label[ui]}
            </option>
          ))}
        </optgroup>
      </select>
      {!rights && !showCredit ? (
        <p className="field__warning" role="note">
          {t('curation.rights.missing')}
        </p>
      ) : info && !info.open ? (
        <p className="field__warning" role="note">
          {t('curation.rights.notOpen')}
        </p>
      ) : null}
      {rights ? (
        <>
          <label htmlFor={`${id}-holder`}>{t('curation.rights.holder')}</label>
          <input
            id={`${id}-holder`}
            type="text"
            dir="auto"
            value={rights.holder ?? ''}
            onChange={(event) => onChange(withHolder(rights, event.target.value))}
          />
          {showCredit && lang ? (
            <>
              <label htmlFor={`${id}-credit`}>
                {t('curation.field.creditLine')} ({languageName(lang)})
              </label>
              <input
                id={`${id}-credit`}
                type="text"
                dir="auto"
                value={rights.creditLine[lang] ?? ''}
                onChange={(event) =>
                  onChange({
                    ...rights,
                    creditLine: withText(rights.creditLine, lang, event.target.value),
                  })
                }
              />
            </>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
