import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blockCompleteness } from '../../../../shared/check';
import {
  BLOCK_TYPES,
  languageName,
  pickText,
  type Block,
  type BlockType,
  type Chapter,
  type Exhibition,
} from '../../../../shared/domain';
import { useApp } from '../../store';
import { blockSummary } from './summary';
import {
  addBlock,
  addChapter,
  moveBlock,
  moveChapter,
  newBlock,
  newChapter,
  removeBlock,
  removeChapter,
} from './operations';
import { useEditor } from './state';

interface Props {
  exhibition: Exhibition;
  onChange(next: Exhibition): void;
}

/**
 * Chapters and their blocks. Both reorder by drag and drop and by keyboard (focus a handle,
 * Space to lift, arrows to move, Space to drop, Escape to cancel), with announcements.
 */
export function Outline({ exhibition: x, onChange }: Props) {
  const { t } = useTranslation();
  const snapshot = useApp((s) => s.snapshot);
  const selection = useEditor((s) => s.selection);
  const select = useEditor((s) => s.selected);
  const [chapterTitle, setChapterTitle] = useState('');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const label = (id: string | number): string => {
    const sid = String(id);
    const chapter = x.chapters.find((c) => c.id === sid);
    if (chapter)
      return t('editor.outline.chapterNamed', {
        title: pickText(chapter.title, x.defaultLanguage) || '—',
      });
    for (const c of x.chapters) {
      const index = c.blocks.findIndex((b) => b.id === sid);
      if (index >= 0)
        return t('editor.outline.blockNamed', {
          type: t(`editor.blockTypes.${c.blocks[index]!.type}`),
          position: index + 1,
        });
    }
    return sid;
  };
  const position = (id: string | number): string => {
    const sid = String(id);
    const ci = x.chapters.findIndex((c) => c.id === sid);
    if (ci >= 0)
      return t('editor.outline.position', { position: ci + 1, total: x.chapters.length });
    for (const c of x.chapters) {
      const index = c.blocks.findIndex((b) => b.id === sid);
      if (index >= 0)
        return t('editor.outline.position', { position: index + 1, total: c.blocks.length });
    }
    return '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('editor.dnd.start', { item: label(active.id), position: position(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('editor.dnd.over', { item: label(active.id), position: position(over.id) })
        : t('editor.dnd.outside', { item: label(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('editor.dnd.end', { item: label(active.id), position: position(over.id) })
        : t('editor.dnd.cancel', { item: label(active.id) }),
    onDragCancel: ({ active }) => t('editor.dnd.cancel', { item: label(active.id) }),
  };

  // Chapters and the blocks of each chapter sort in contexts of their own, so a block never lands
  // "on" a chapter while moving by keyboard; the inspector moves blocks between chapters.
  function onChapterDragEnd({ active, over }: DragEndEvent) {
    if (over && active.id !== over.id) onChange(moveChapter(x, String(active.id), String(over.id)));
  }
  function onBlockDragEnd({ active, over }: DragEndEvent) {
    if (over && active.id !== over.id) onChange(moveBlock(x, String(active.id), String(over.id)));
  }
  const accessibility = {
    announcements,
    screenReaderInstructions: { draggable: t('editor.dnd.instructions') },
  };

  return (
    <nav className="outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t('editor.outline.heading')}</h2>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onChapterDragEnd}
        accessibility={accessibility}
      >
        <SortableContext items={x.chapters.map((c) => c.id)} strategy={verticalListSortingStrategy}>
          <ol className="outline__chapters">
            {x.chapters.map((chapter, index) => (
              <ChapterRow
                key={chapter.id}
                chapter={chapter}
                number={index + 1}
                exhibition={x}
                selectedId={selection?.id ?? null}
                onChange={onChange}
                sensors={sensors}
                accessibility={accessibility}
                onBlockDragEnd={onBlockDragEnd}
                canAdd={(type) => (snapshot ? newBlock(type, snapshot) !== null : false)}
                add={(type) => {
                  if (!snapshot) return;
                  const block = newBlock(type, snapshot);
                  if (block) {
                    onChange(addBlock(x, chapter.id, block));
                    select({ kind: 'block', id: block.id });
                  }
                }}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {x.chapters.length === 0 ? <p className="muted">{t('editor.outline.noChapters')}</p> : null}
      <form
        className="editor-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const chapter = newChapter(chapterTitle.trim(), x.defaultLanguage);
          onChange(addChapter(x, chapter));
          setChapterTitle('');
          select({ kind: 'chapter', id: chapter.id });
        }}
      >
        <label htmlFor="new-chapter-title">{t('editor.outline.newChapter')}</label>
        <input
          id="new-chapter-title"
          value={chapterTitle}
          maxLength={500}
          onChange={(e) => setChapterTitle(e.target.value)}
        />
        <button type="submit" className="button">
          {t('editor.outline.addChapter')}
        </button>
      </form>
    </nav>
  );
}

interface ChapterProps {
  chapter: Chapter;
  number: number;
  exhibition: Exhibition;
  selectedId: string | null;
  onChange(next: Exhibition): void;
  sensors: ReturnType<typeof useSensors>;
  accessibility: React.ComponentProps<typeof DndContext>['accessibility'];
  onBlockDragEnd(event: DragEndEvent): void;
  canAdd(type: BlockType): boolean;
  add(type: BlockType): void;
}

function ChapterRow({
  chapter,
  number,
  exhibition: x,
  selectedId,
  onChange,
  sensors,
  accessibility,
  onBlockDragEnd,
  canAdd,
  add,
}: ChapterProps) {
  const { t } = useTranslation();
  const select = useEditor((s) => s.selected);
  const [type, setType] = useState<BlockType>('text');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: chapter.id,
    data: { kind: 'chapter' },
  });
  const title = pickText(chapter.title, x.defaultLanguage) || t('editor.outline.untitledChapter');
  return (
    <li
      ref={setNodeRef}
      className={`outline__chapter${isDragging ? ' is-dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-chapter={chapter.id}
    >
      <div className={`outline__row${selectedId === chapter.id ? ' is-selected' : ''}`}>
        <button
          type="button"
          className="drag-handle"
          {...attributes}
          {...listeners}
          aria-label={t('editor.outline.moveChapter', { title })}
        >
          ⠿
        </button>
        <button
          type="button"
          className="outline__label"
          aria-current={selectedId === chapter.id ? 'true' : undefined}
          onClick={() => select({ kind: 'chapter', id: chapter.id })}
        >
          {number}. {title}
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => onChange(removeChapter(x, chapter.id))}
          aria-label={t('editor.outline.removeChapter', { title })}
        >
          ✕
        </button>
      </div>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onBlockDragEnd}
        accessibility={accessibility}
      >
        <SortableContext
          items={chapter.blocks.map((b) => b.id)}
          strategy={verticalListSortingStrategy}
        >
          <ol className="outline__blocks" aria-label={t('editor.outline.blocksOf', { title })}>
            {chapter.blocks.map((block, index) => (
              <BlockRow
                key={block.id}
                block={block}
                position={index + 1}
                exhibition={x}
                selected={selectedId === block.id}
                onSelect={() => select({ kind: 'block', id: block.id })}
                onRemove={() => onChange(removeBlock(x, block.id))}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <div className="outline__add">
        <label htmlFor={`add-type-${chapter.id}`} className="visually-hidden">
          {t('editor.outline.blockType', { title })}
        </label>
        <select
          id={`add-type-${chapter.id}`}
          value={type}
          onChange={(e) => setType(e.target.value as BlockType)}
        >
          {BLOCK_TYPES.map((bt) => (
            <option key={bt} value={bt} disabled={!canAdd(bt)}>
              {t(`editor.blockTypes.${bt}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--small"
          onClick={() => add(type)}
          aria-label={t('editor.outline.addBlockTo', { title })}
        >
          {t('editor.outline.addBlock')}
        </button>
      </div>
    </li>
  );
}

interface BlockProps {
  block: Block;
  position: number;
  exhibition: Exhibition;
  selected: boolean;
  onSelect(): void;
  onRemove(): void;
}

function BlockRow({ block, position, exhibition: x, selected, onSelect, onRemove }: BlockProps) {
  const { t } = useTranslation();
  const snapshot = useApp((s) => s.snapshot);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: block.id,
    data: { kind: 'block' },
  });
  const name = `${t(`editor.blockTypes.${block.type}`)} ${position}`;
  const summary = snapshot ? blockSummary(block, snapshot, x.defaultLanguage) : '';
  const incomplete = x.languages
    .map((lang) => ({ lang, share: blockCompleteness(block, lang) }))
    .filter((c) => c.share < 1);
  return (
    <li
      ref={setNodeRef}
      className={`outline__block${isDragging ? ' is-dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-block={block.id}
    >
      <div className={`outline__row${selected ? ' is-selected' : ''}`}>
        <button
          type="button"
          className="drag-handle"
          {...attributes}
          {...listeners}
          aria-label={t('editor.outline.moveBlock', { name })}
        >
          ⠿
        </button>
        <button
          type="button"
          id={`outline-${block.id}`}
          className="outline__label"
          aria-current={selected ? 'true' : undefined}
          onClick={onSelect}
        >
          <span className="outline__type">{t(`editor.blockTypes.${block.type}`)}</span>{' '}
          <span className="outline__summary">{summary}</span>
          {incomplete.length > 0 ? (
            <span className="completeness">
              {incomplete.map((c) => (
                <span key={c.lang} className="completeness__lang" title={languageName(c.lang)}>
                  {' '}
                  {t('editor.outline.incomplete', {
                    lang: c.lang.toUpperCase(),
                    percent: Math.round(c.share * 100),
                  })}
                </span>
              ))}
            </span>
          ) : null}
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={onRemove}
          aria-label={t('editor.outline.removeBlock', { name })}
        >
          ✕
        </button>
      </div>
    </li>
  );
}
