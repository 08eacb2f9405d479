import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEdtf, thumbnailPath, type Item } from '../../../shared/domain';
import { useMediaUrl } from '../api/context';
import { Localized } from './Localized';

/** Thumbnail sizes the size control offers (smallest card width in px), as in Tropy or Lightroom. */
export const CARD_SIZES = { min: 120, default: 180, max: 320, step: 20 } as const;
const GAP = 16;
/** Title (two lines) and one line of kind and date under the 4:3 thumbnail. */
const CAPTION_HEIGHT = 76;
const LIST_ROW_HEIGHT = 56;

export type ItemLayout = 'grid' | 'list';

/** Cards per row and their size for a given grid width; pure, so resizing is cheap. */
export function gridGeometry(
  width: number,
  layout: ItemLayout = 'grid',
  minCardWidth: number = CARD_SIZES.default,
): {
  columns: number;
  cardWidth: number;
  rowHeight: number;
} {
  const min = Math.min(CARD_SIZES.max, Math.max(CARD_SIZES.min, minCardWidth));
  const usable = Math.max(width, min);
  if (layout === 'list') return { columns: 1, cardWidth: usable, rowHeight: LIST_ROW_HEIGHT };
  const columns = Math.max(1, Math.floor((usable + GAP) / (min + GAP)));
  const cardWidth = Math.floor((usable - GAP * (columns - 1)) / columns);
  const rowHeight = Math.round((cardWidth * 3) / 4) + CAPTION_HEIGHT + GAP;
  return { columns, cardWidth, rowHeight };
}

/** How a click with modifiers changes a selection: plain replaces, Ctrl/Cmd toggles, Shift spans. */
export function nextSelection(
  order: readonly string[],
  selected: readonly string[],
  anchor: string | null,
  id: string,
  mode: 'replace' | 'toggle' | 'range',
): { ids: string[]; anchor: string | null } {
  if (mode === 'toggle') {
    const ids = selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
    return { ids, anchor: id };
  }
  if (mode === 'range' && anchor !== null) {
    const a = order.indexOf(anchor);
    const b = order.indexOf(id);
    if (a >= 0 && b >= 0) {
      const [from, to] = a <= b ? [a, b] : [b, a];
      return { ids: order.slice(from, to + 1), anchor };
    }
  }
  return { ids: [id], anchor: id };
}

export interface ItemGridProps {
  /** How many items the result has; only the rows on screen need to be loaded. */
  count: number;
  /** The item at a result index, or undefined while its row is not loaded (a placeholder shows). */
  itemAt: (index: number) => Item | undefined;
  /** The result indexes on screen plus the overscan changed: load what is missing. */
  onRangeChange?: (first: number, last: number) => void;
  layout?: ItemLayout;
  /** Selection; without it the grid is display-only (as in the frame's first version). */
  selectedIds?: readonly string[];
  onSelect?: (id: string, mode: 'replace' | 'toggle' | 'range') => void;
  /** Keyboard movement to a result index (its row may not be loaded yet). */
  onSelectIndex?: (index: number, mode: 'replace' | 'range') => void;
  onSelectAll?: () => void;
  /** Extra text per item for the list layout (e.g. partnership names). */
  describe?: (item: Item) => string;
  /** Smallest card width in px (the thumbnail size control); CARD_SIZES.default without one. */
  cardSize?: number;
}

/**
 * Only the rows in view (plus a few) exist in the DOM, so 10,000 items cost what 30 cost; the
 * grid holds no list of items either, it asks `itemAt` for the indexes it shows.
 * The list stays a real `ul`/`li` with `aria-setsize`/`aria-posinset`, so assistive technology
 * still hears "item 5 of 10,000". Each item is a toggle button (`aria-pressed` = selected);
 * arrow keys move between items (Shift extends the selection), Ctrl/Cmd+A selects all.
 */
export function ItemGrid({
  count,
  itemAt,
  onRangeChange,
  layout = 'grid',
  selectedIds,
  onSelect,
  onSelectIndex,
  onSelectAll,
  describe,
  cardSize,
}: ItemGridProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { columns, cardWidth, rowHeight } = gridGeometry(width, layout, cardSize);
  const rowCount = Math.ceil(count / columns);
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

  // After keyboard movement, focus the button once its row exists in the DOM.
  useEffect(() => {
    if (focusIndex === null) return;
    const button = scrollRef.current?.querySelector<HTMLButtonElement>(
      `[data-index="${focusIndex}"] button`,
    );
    button?.focus({ preventScroll: true });
  });

  const selected = new Set(selectedIds ?? []);
  const interactive = Boolean(onSelect);

  function onKeyDown(event: React.KeyboardEvent) {
    if (!onSelect) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      onSelectAll?.();
      return;
    }
    const target = event.target as HTMLElement;
    const current = Number(target.closest('[data-index]')?.getAttribute('data-index') ?? -1);
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns,
      ArrowUp: -columns,
      PageDown: columns * 4,
      PageUp: -columns * 4,
    };
    let next: number | null = null;
    if (event.key in step) next = (current < 0 ? 0 : current) + step[event.key]!;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    if (next === null || count === 0) return;
    event.preventDefault();
    next = Math.max(0, Math.min(count - 1, next));
    virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
    setFocusIndex(next);
    onSelectIndex?.(next, event.shiftKey ? 'range' : 'replace');
  }

  const rows = virtualizer.getVirtualItems();
  // Roving focus: one tab stop for the whole grid, on the focused item while it is rendered,
  // else on the first rendered one, so Tab always reaches the grid wherever it is scrolled.
  const firstIndex = (rows[0]?.index ?? 0) * columns;
  const lastIndex = Math.min(count, ((rows.at(-1)?.index ?? 0) + 1) * columns) - 1;
  useEffect(() => {
    if (rows.length > 0) onRangeChange?.(firstIndex, lastIndex);
  }, [onRangeChange, firstIndex, lastIndex, rows.length]);
  const tabStop =
    focusIndex !== null && focusIndex >= firstIndex && focusIndex <= lastIndex
      ? focusIndex
      : firstIndex;
  const cells: React.JSX.Element[] = [];
  for (const row of rows) {
    for (let column = 0; column < columns; column += 1) {
      const index = row.index * columns + column;
      if (index >= count) break;
      const item = itemAt(index);
      if (!item) {
        // Not loaded yet (scrolled far, or the answer is on its way): an empty card of the
        // same size, so the layout does not jump when the row arrives.
        cells.push(
          <li
            key={`index-${index}`}
            className="item-grid__cell"
            aria-setsize={count}
            aria-posinset={index + 1}
            aria-busy="true"
            data-index={index}
            style={{
              transform: `translate(${column * (cardWidth + GAP)}px, ${row.start}px)`,
              width: cardWidth,
              height: rowHeight - (layout === 'list' ? 4 : GAP),
            }}
          >
            <div className={`item-card item-card--${layout} item-card--loading`} />
          </li>,
        );
        continue;
      }
      cells.push(
        <li
          key={item.id}
          className="item-grid__cell"
          aria-setsize={count}
          aria-posinset={index + 1}
          data-index={index}
          style={{
            transform: `translate(${column * (cardWidth + GAP)}px, ${row.start}px)`,
            width: cardWidth,
            height: rowHeight - (layout === 'list' ? 4 : GAP),
          }}
        >
          <ItemCard
            item={item}
            layout={layout}
            selected={selected.has(item.id)}
            interactive={interactive}
            tabbable={index === tabStop}
            extra={describe?.(item)}
            onSelect={onSelect}
          />
        </li>,
      );
    }
  }

  return (
    <div
      ref={scrollRef}
      className={`item-grid item-grid--${layout}`}
      role="region"
      aria-label={t('library.gridLabel')}
      // Focusable so the grid scrolls by keyboard even when it holds no buttons.
      tabIndex={interactive ? -1 : 0}
      data-testid="item-grid"
      onKeyDown={onKeyDown}
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

interface CardProps {
  item: Item;
  layout: ItemLayout;
  selected: boolean;
  interactive: boolean;
  tabbable: boolean;
  extra: string | undefined;
  onSelect: ItemGridProps['onSelect'];
}

const ItemCard = memo(function ItemCard({
  item,
  layout,
  selected,
  interactive,
  tabbable,
  extra,
  onSelect,
}: CardProps) {
  const { t, i18n } = useTranslation();
  const mediaUrl = useMediaUrl();
  const [broken, setBroken] = useState(false);
  const image = item.media.find((asset) => asset.kind === 'image');
  const thumb = image && !broken ? mediaUrl(thumbnailPath(image.sha256)) : null;
  const date = formatEdtf(item.date, i18n.language);
  const body = (
    <>
      <span className="item-card__thumb">
        {thumb ? (
          // The title below names the item; the thumbnail adds nothing for a screen reader.
          <img src={thumb} alt="" loading="lazy" decoding="async" onError={() => setBroken(true)} />
        ) : (
          <span className="item-card__glyph" aria-hidden="true">
            {KIND_GLYPHS[item.kind]}
          </span>
        )}
      </span>
      <span className="item-card__text">
        <span className="item-card__title">
          <Localized text={item.title} placeholder={t('library.untitled')} />
        </span>
        <span className="item-card__meta">
          {t(`library.kind.${item.kind}`)}
          {' · '}
          {date || t('library.undated')}
          {layout === 'list' && extra ? ` · ${extra}` : null}
        </span>
      </span>
    </>
  );
  const className = `item-card item-card--${layout}${selected ? ' is-selected' : ''}`;
  if (!interactive) {
    return (
      <div className={className} data-item-id={item.id}>
        {body}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={className}
      data-item-id={item.id}
      aria-pressed={selected}
      tabIndex={tabbable ? 0 : -1}
      onClick={(event) =>
        onSelect?.(
          item.id,
          event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'replace',
        )
      }
    >
      {body}
    </button>
  );
});
