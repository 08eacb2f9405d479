import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEdtf, thumbnailPath, type Item } from '../../../shared/domain';
import { useMediaUrl } from '../api/context';
import { Localized } from './Localized';

const MIN_CARD_WIDTH = 180;
const GAP = 16;
/** Title (two lines) and one line of kind and date under the 4:3 thumbnail. */
const CAPTION_HEIGHT = 76;

/** Cards per row and their size for a given grid width; pure, so resizing is cheap. */
export function gridGeometry(width: number): {
  columns: number;
  cardWidth: number;
  rowHeight: number;
} {
  const usable = Math.max(width, MIN_CARD_WIDTH);
  const columns = Math.max(1, Math.floor((usable + GAP) / (MIN_CARD_WIDTH + GAP)));
  const cardWidth = Math.floor((usable - GAP * (columns - 1)) / columns);
  const rowHeight = Math.round((cardWidth * 3) / 4) + CAPTION_HEIGHT + GAP;
  return { columns, cardWidth, rowHeight };
}

/**
 * Only the rows in view (plus a few) exist in the DOM, so 10,000 items cost what 30 cost.
 * The list stays a real `ul`/`li` with `aria-setsize`/`aria-posinset`, so assistive technology
 * still hears "item 5 of 10,000".
 */
export function ItemGrid({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { columns, cardWidth, rowHeight } = gridGeometry(width);
  const rowCount = Math.ceil(items.length / columns);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 3,
  });

  // Row height follows the width; tell the virtualizer when it changes.
  useLayoutEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight]);

  const cells: React.JSX.Element[] = [];
  for (const row of virtualizer.getVirtualItems()) {
    for (let column = 0; column < columns; column += 1) {
      const index = row.index * columns + column;
      const item = items[index];
      if (!item) break;
      cells.push(
        <li
          key={item.id}
          className="item-grid__cell"
          aria-setsize={items.length}
          aria-posinset={index + 1}
          style={{
            transform: `translate(${column * (cardWidth + GAP)}px, ${row.start}px)`,
            width: cardWidth,
            height: rowHeight - GAP,
          }}
        >
          <ItemCard item={item} />
        </li>,
      );
    }
  }

  return (
    <div
      ref={scrollRef}
      className="item-grid"
      role="region"
      aria-label={t('library.gridLabel')}
      // Focusable so the grid scrolls by keyboard even before items become interactive.
      tabIndex={0}
      data-testid="item-grid"
    >
      <ul className="item-grid__list" style={{ height: virtualizer.getTotalSize() }}>
        {cells}
      </ul>
    </div>
  );
}

const KIND_GLYPHS: Record<Item['kind'], string> = {
  image: '▨',
  audio: '♪',
  video: '▶',
  document: '▤',
  text: '¶',
};

const ItemCard = memo(function ItemCard({ item }: { item: Item }) {
  const { t, i18n } = useTranslation();
  const mediaUrl = useMediaUrl();
  const [broken, setBroken] = useState(false);
  const image = item.media.find((asset) => asset.kind === 'image');
  const thumb = image && !broken ? mediaUrl(thumbnailPath(image.sha256)) : null;
  const date = formatEdtf(item.date, i18n.language);
  return (
    <div className="item-card" data-item-id={item.id}>
      <div className="item-card__thumb">
        {thumb ? (
          // The title below names the item; the thumbnail adds nothing for a screen reader.
          <img src={thumb} alt="" loading="lazy" decoding="async" onError={() => setBroken(true)} />
        ) : (
          <span className="item-card__glyph" aria-hidden="true">
            {KIND_GLYPHS[item.kind]}
          </span>
        )}
      </div>
      <p className="item-card__title">
        <Localized text={item.title} placeholder={t('library.untitled')} />
      </p>
      <p className="item-card__meta">
        {t(`library.kind.${item.kind}`)}
        {' · '}
        {date || t('library.undated')}
      </p>
    </div>
  );
});
