import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../shared/domain';
import { useApp, selectDefaultContentLanguage } from '../store';
import { showText } from '../view/text';

interface Props {
  text: LocalizedText | undefined;
  /** Shown (in the UI language) when no language has text. */
  placeholder?: string;
  className?: string;
}

/**
 * A content field in the best available language. Marks `lang` when that differs from the UI,
 * and `dir="rtl"` for right-to-left scripts, so Arabic content reads correctly inside a German UI.
 */
export function Localized({ text, placeholder, className }: Props) {
  const { i18n } = useTranslation();
  const fallback = useApp(selectDefaultContentLanguage);
  const shown = showText(text, i18n.language, fallback);
  if (!shown) return <span className={className}>{placeholder ?? ''}</span>;
  return (
    <span
      className={className}
      lang={shown.lang === i18n.language ? undefined : shown.lang}
      dir={shown.dir === 'rtl' ? 'rtl' : undefined}
    >
      {shown.text}
    </span>
  );
}
