import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type LocalizedText } from '../../../../shared/domain';
import { useApp } from '../../store';
import { LocalizedField } from '../../components/forms/LocalizedField';
import { useEditedLanguages } from './state';

/**
 * The library's logo for the bundles' headers: one of the library's pictures (imported like any
 * other, so PNG, JPEG, WebP … go through the media pipeline and an SVG never reaches a page)
 * and its alt text. Choosing sends one `updateManifest` at once; the alt text is sent when
 * focus leaves the group, so one edit is one undo step.
 */
export function LogoSettings() {
  const { t } = useTranslation();
  const manifest = useApp((s) => s.snapshot?.manifest);
  const items = useApp((s) => s.snapshot?.items);
  const submit = useApp((s) => s.commandSubmitted);
  const langs = useEditedLanguages(manifest?.defaultLanguage ?? '');
  const saved = manifest?.logo;
  const [alt, setAlt] = useState<LocalizedText>(saved?.alt ?? {});
  useEffect(() => setAlt(saved?.alt ?? {}), [saved?.alt]);
  if (!manifest) return null;
  const lang = manifest.defaultLanguage;
  const pictures = (items ?? []).filter((i) => i.media.some((m) => m.kind === 'image'));

  function choose(itemId: string) {
    void submit({ type: 'updateManifest', logo: itemId ? { itemId, alt } : null });
  }

  return (
    <fieldset
      className="field logo-settings"
      onBlur={(e) => {
        if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
        if (saved && JSON.stringify(alt) !== JSON.stringify(saved.alt))
          void submit({ type: 'updateManifest', logo: { ...saved, alt } });
      }}
    >
      <legend>{t('logo.legend')}</legend>
      <p className="field__help" id="settings-logo-help">
        {t('logo.help')}
      </p>
      <div className="field">
        <label htmlFor="settings-logo-item">{t('logo.item')}</label>
        <select
          id="settings-logo-item"
          value={saved?.itemId ?? ''}
          aria-describedby="settings-logo-help"
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{t('logo.none')}</option>
          {pictures.map((item) => (
            <option key={item.id} value={item.id}>
              {pickText(item.title, lang, lang) || item.id}
            </option>
          ))}
        </select>
      </div>
      {saved ? (
        <LocalizedField
          id="settings-logo-alt"
          label={t('logo.alt')}
          text={alt}
          reference={lang}
          langs={langs}
          maxLength={200}
          onChange={setAlt}
        />
      ) : null}
    </fieldset>
  );
}
