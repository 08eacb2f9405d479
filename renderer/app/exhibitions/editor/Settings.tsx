import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGE_NAMES,
  languageName,
  pickText,
  Slug,
  THEMES,
  type Exhibition,
} from '../../../../shared/domain';
import { useApp } from '../../store';
import { accentContrast, isAccessibleAccent, MIN_CONTRAST, THEME_ACCENTS } from './contrast';
import { EasyLanguageSettings } from './EasyLanguageSettings';
import { LegalSettings } from './LegalSettings';
import { LocalizedField } from '../../components/forms/LocalizedField';
import { useEditedLanguages } from './state';
import { LogoSettings } from './LogoSettings';

interface Props {
  exhibition: Exhibition;
  onChange(next: Exhibition): void;
}

/** Exhibition settings; values that would be refused (slug, colour) stay local until valid. */
export function Settings({ exhibition: x, onChange }: Props) {
  const { t } = useTranslation();
  const langs = useEditedLanguages(x.defaultLanguage);
  const slugs = useApp((s) => s.snapshot?.exhibitions);
  const items = useApp((s) => s.snapshot?.items);
  const manifestLangs = useApp((s) => s.snapshot?.manifest.languages);
  const [slug, setSlug] = useState(x.slug);
  const [accent, setAccent] = useState(x.accentColor ?? THEME_ACCENTS[x.theme]);
  const [idle, setIdle] = useState(String(x.settings.kiosk.idleSeconds));

  useEffect(() => setSlug(x.slug), [x.slug]);
  useEffect(() => setIdle(String(x.settings.kiosk.idleSeconds)), [x.settings.kiosk.idleSeconds]);
  useEffect(() => setAccent(x.accentColor ?? THEME_ACCENTS[x.theme]), [x.accentColor, x.theme]);
  const slugTaken = (slugs ?? []).some((o) => o.id !== x.id && o.slug === slug);
  const slugValid = Slug.safeParse(slug).success;
  const slugError = !slugValid
    ? t('editor.settings.slugInvalid')
    : slugTaken
      ? t('editor.settings.slugTaken')
      : null;
  const accentValid = /^#[0-9a-f]{6}$/i.test(accent);
  const ratio = accentValid ? accentContrast(x.theme, accent) : 0;
  const accentError = !accentValid
    ? t('editor.settings.accentInvalid')
    : !isAccessibleAccent(x.theme, accent)
      ? t('editor.settings.accentLow', { ratio: ratio.toFixed(2), min: MIN_CONTRAST })
      : null;
  const languages = [
    ...new Set([...(manifestLangs ?? []), ...Object.keys(LANGUAGE_NAMES), ...x.languages]),
  ];
  const images = (items ?? []).filter((i) => i.media.some((m) => m.kind === 'image'));

  function toggleLanguage(lang: string, on: boolean) {
    const next = on ? [...x.languages, lang] : x.languages.filter((l) => l !== lang);
    if (next.length === 0 || (!on && lang === x.defaultLanguage)) return;
    onChange({ ...x, languages: next });
  }

  return (
    <form
      className="settings"
      onSubmit={(e) => e.preventDefault()}
      aria-labelledby="settings-heading"
    >
      <h2 id="settings-heading">{t('editor.settings.heading')}</h2>
      <div className="field">
        <label htmlFor="settings-slug">{t('editor.settings.slug')}</label>
        <input
          id="settings-slug"
          value={slug}
          maxLength={80}
          aria-invalid={slugError ? true : undefined}
          aria-describedby="settings-slug-help"
          onChange={(e) => {
            const value = e.target.value;
            setSlug(value);
            const taken = (slugs ?? []).some((o) => o.id !== x.id && o.slug === value);
            if (Slug.safeParse(value).success && !taken) onChange({ ...x, slug: value });
          }}
        />
        <p id="settings-slug-help" className={slugError ? 'field-error' : 'muted'}>
          {slugError ?? t('editor.settings.slugHelp')}
        </p>
      </div>
      <LocalizedField
        id="settings-title"
        label={t('editor.settings.title')}
        text={x.title}
        reference={x.defaultLanguage}
        langs={langs}
        onChange={(title) => onChange({ ...x, title })}
      />
      <LocalizedField
        id="settings-subtitle"
        label={t('editor.settings.subtitle')}
        text={x.subtitle}
        reference={x.defaultLanguage}
        langs={langs}
        onChange={(subtitle) => onChange({ ...x, subtitle })}
      />
      <fieldset className="field">
        <legend>{t('editor.settings.languages')}</legend>
        <ul className="checkbox-list">
          {languages.map((lang) => (
            <li key={lang}>
              <label>
                <input
                  type="checkbox"
                  checked={x.languages.includes(lang)}
                  disabled={lang === x.defaultLanguage}
                  onChange={(e) => toggleLanguage(lang, e.target.checked)}
                />{' '}
                <span lang={lang}>{languageName(lang)}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <EasyLanguageSettings exhibition={x} onChange={onChange} />
      <div className="field">
        <label htmlFor="settings-defaultLanguage">{t('editor.settings.defaultLanguage')}</label>
        <select
          id="settings-defaultLanguage"
          value={x.defaultLanguage}
          onChange={(e) => onChange({ ...x, defaultLanguage: e.target.value })}
        >
          {x.languages.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {languageName(lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="settings-coverItemId">{t('editor.settings.cover')}</label>
        <select
          id="settings-coverItemId"
          value={x.coverItemId ?? ''}
          onChange={(e) => {
            const { coverItemId: _drop, ...rest } = x;
            onChange(e.target.value ? { ...rest, coverItemId: e.target.value } : rest);
          }}
        >
          <option value="">{t('editor.settings.noCover')}</option>
          {images.map((item) => (
            <option key={item.id} value={item.id}>
              {pickText(item.title, x.defaultLanguage) || item.id}
            </option>
          ))}
        </select>
      </div>
      <LocalizedField
        id="settings-credits"
        multiline
        label={t('editor.settings.credits')}
        text={x.credits}
        reference={x.defaultLanguage}
        langs={langs}
        onChange={(credits) => onChange({ ...x, credits })}
      />
      <LocalizedField
        id="settings-imprint"
        multiline
        label={t('editor.settings.imprint')}
        text={x.imprint}
        reference={x.defaultLanguage}
        langs={langs}
        onChange={(imprint) => onChange({ ...x, imprint })}
      />
      <fieldset className="field">
        <legend>{t('editor.settings.theme')}</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="radio">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={x.theme === theme}
              onChange={() => {
                // A colour that passed on one theme may fail on another: fall back to the theme's.
                const keep = x.accentColor && isAccessibleAccent(theme, x.accentColor);
                const { accentColor: _drop, ...rest } = x;
                onChange(keep ? { ...x, theme } : { ...rest, theme });
              }}
            />{' '}
            {t(`editor.settings.themes.${theme}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="settings-accentColor">{t('editor.settings.accent')}</label>
        <div className="accent-row">
          <input
            id="settings-accentColor"
            type="color"
            value={accentValid ? accent : '#000000'}
            aria-describedby="settings-accent-help"
            onChange={(e) => {
              setAccent(e.target.value);
              if (isAccessibleAccent(x.theme, e.target.value))
                onChange({ ...x, accentColor: e.target.value });
            }}
          />
          <input
            id="settings-accentText"
            aria-label={t('editor.settings.accentHex')}
            value={accent}
            maxLength={7}
            aria-invalid={accentError ? true : undefined}
            aria-describedby="settings-accent-help"
            onChange={(e) => {
              const value = e.target.value;
              setAccent(value);
              if (/^#[0-9a-f]{6}$/i.test(value) && isAccessibleAccent(x.theme, value))
                onChange({ ...x, accentColor: value.toLowerCase() });
            }}
          />
        </div>
        <p
          id="settings-accent-help"
          className={accentError ? 'field-error' : 'muted'}
          role={accentError ? 'alert' : undefined}
        >
          {accentError ?? t('editor.settings.accentOk', { ratio: ratio.toFixed(2) })}
        </p>
      </div>
      <div className="field">
        <label htmlFor="settings-idle">{t('editor.settings.idle')}</label>
        <input
          id="settings-idle"
          type="number"
          min={10}
          max={3600}
          value={idle}
          onChange={(e) => {
            setIdle(e.target.value);
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 10 && n <= 3600)
              onChange({
                ...x,
                settings: { ...x.settings, kiosk: { ...x.settings.kiosk, idleSeconds: n } },
              });
          }}
        />
      </div>
      <div className="field">
        <label>
          <input
            id="settings-kiosk-search"
            type="checkbox"
            checked={x.settings.kiosk.search === true}
            aria-describedby="settings-kiosk-search-help"
            onChange={(e) =>
              onChange({
                ...x,
                settings: {
                  ...x.settings,
                  kiosk: { ...x.settings.kiosk, search: e.target.checked },
                },
              })
            }
          />{' '}
          {t('editor.settings.kioskSearch')}
        </label>
        <p id="settings-kiosk-search-help" className="muted">
          {t('editor.settings.kioskSearchHelp')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="settings-status">{t('exhibitions.statusLabel')}</label>
        <select
          id="settings-status"
          value={x.status}
          onChange={(e) => onChange({ ...x, status: e.target.value as Exhibition['status'] })}
        >
          <option value="draft">{t('exhibitions.status.draft')}</option>
          <option value="ready">{t('exhibitions.status.ready')}</option>
        </select>
      </div>
      <LegalSettings />
      <LogoSettings />
    </form>
  );
}
