import { useTranslation } from 'react-i18next';
import { ItemGrid } from '../components/ItemGrid';
import { selectItems, useApp } from '../store';

export function LibrarySection() {
  const { t } = useTranslation();
  const items = useApp(selectItems);
  return (
    <section className="section section--fill" aria-labelledby="library-heading">
      <div className="section__head">
        <h1 id="library-heading">{t('library.heading')}</h1>
        <p className="muted">{t('library.count', { count: items.length })}</p>
      </div>
      {items.length === 0 ? (
        <p className="empty">{t('library.empty')}</p>
      ) : (
        <ItemGrid items={items} />
      )}
    </section>
  );
}
