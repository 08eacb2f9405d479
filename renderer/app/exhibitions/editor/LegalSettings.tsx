import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyLegalSettings, LegalSettings as LegalSchema } from '../../../../shared/domain';
import type { LegalSettings as Legal } from '../../../../shared/domain';
import { useApp } from '../../store';
import { LocalizedField } from '../../components/forms/LocalizedField';
import { useEditedLanguages } from './state';

/**
 * The library's imprint, privacy notice and accessibility contact, shown in every exhibition's
 * settings because that is where a curator prepares a publication. Typing edits a draft; the
 * draft is saved as one `updateManifest` command when focus leaves the group, so one edit is
 * one undo step and a half-typed e-mail address is never sent.
 */
export function LegalSettings() {
  const { t } = useTranslation();
  const manifest = useApp((s) => s.snapshot?.manifest);
  const langs = useEditedLanguages(manifest?.defaultLanguage ?? '');
  const submit = useApp((s) => s.commandSubmitted);
  const saved = manifest?.legal ?? emptyLegalSettings();
  const [draft, setDraft] = useState<Legal>(saved);
  useEffect(() => setDraft(manifest?.legal ?? emptyLegalSettings()), [manifest?.legal]);
  if (!manifest) return null;
  const lang = manifest.defaultLanguage;
  const countryValid = /^[A-Z]{2}$/.test(draft.country);
  const emailValid =
    draft.feedbackEmail === undefined ||
    LegalSchema.shape.feedbackEmail.safeParse(draft.feedbackEmail).success;

  function commit() {
    const checked = LegalSchema.safeParse(draft);
    if (!checked.success) return;
    if (JSON.stringify(checked.data) === JSON.stringify(saved)) return;
    void submit({ type: 'updateManifest', legal: checked.data });
  }

  return (
    <fieldset
      className="field legal-settings"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) commit();
      }}
    >
      <legend>{t('legal.legend')}</legend>
      <p className="field__help">{t('legal.help')}</p>
      <div className="field">
        <label htmlFor="settings-legal-country">{t('legal.country')}</label>
        <input
          id="settings-legal-country"
          value={draft.country}
          maxLength={2}
          autoComplete="country"
          aria-invalid={countryValid ? undefined : true}
          aria-describedby="settings-legal-country-help"
          onChange={(e) => setDraft({ ...draft, country: e.target.value.toUpperCase() })}
        />
        <p id="settings-legal-country-help" className={countryValid ? 'muted' : 'field-error'}>
          {countryValid ? t('legal.countryHelp') : t('legal.countryInvalid')}
        </p>
      </div>
      <LocalizedField
        id="settings-legal-imprint"
        multiline
        label={t('legal.imprint')}
        text={draft.imprint}
        reference={lang}
        langs={langs}
        onChange={(imprint) => setDraft({ ...draft, imprint })}
      />
      <LocalizedField
        id="settings-legal-privacy"
        multiline
        label={t('legal.privacy')}
        text={draft.privacy}
        reference={lang}
        langs={langs}
        onChange={(privacy) => setDraft({ ...draft, privacy })}
      />
      <LocalizedField
        id="settings-legal-feedbackContact"
        multiline
        label={t('legal.feedbackContact')}
        text={draft.feedbackContact}
        reference={lang}
        langs={langs}
        onChange={(feedbackContact) => setDraft({ ...draft, feedbackContact })}
      />
      <div className="field">
        <label htmlFor="settings-legal-feedbackEmail">{t('legal.feedbackEmail')}</label>
        <input
          id="settings-legal-feedbackEmail"
          type="email"
          value={draft.feedbackEmail ?? ''}
          maxLength={200}
          aria-invalid={emailValid ? undefined : true}
          aria-describedby={emailValid ? undefined : 'settings-legal-feedbackEmail-error'}
          onChange={(e) => {
            const { feedbackEmail: _drop, ...rest } = draft;
            setDraft(e.target.value ? { ...rest, feedbackEmail: e.target.value } : rest);
          }}
        />
        {emailValid ? null : (
          <p id="settings-legal-feedbackEmail-error" className="field-error" role="alert">
            {t('legal.feedbackEmailInvalid')}
          </p>
        )}
      </div>
      <LocalizedField
        id="settings-legal-conciliation"
        multiline
        label={t('legal.conciliation')}
        text={draft.conciliation}
        reference={lang}
        langs={langs}
        onChange={(conciliation) => setDraft({ ...draft, conciliation })}
      />
    </fieldset>
  );
}
