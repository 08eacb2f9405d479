import { describe, expect, it } from 'vitest';
import {
  addBlock,
  createExhibition,
  duplicateExhibition,
  moveBlock,
  moveChapter,
  newBlock,
  removeBlock,
} from '../../../../../../renderer/app/exhibitions/editor/operations';
import { newId, uniqueSlug } from '../../../../../../renderer/app/exhibitions/editor/ids';
import { Exhibition, Id, Slug, type Exhibition as X } from '../../../../../../shared/domain';
import { docFromParagraphs } from '../../../../../../shared/domain/richtext';
import { exhibition, item, snapshot } from '../../../../../fixtures/snapshot';

const NOW = '2026-02-01T09:00:00.000Z';

function seq() {
  let n = 0;
  return () => ((n++ * 7919) % 1000) / 1000;
}

function show(): X {
  return exhibition('show', {
    chapters: [
      {
        id: 'c1',
        title: { de: 'Eins' },
        blocks: [
          { id: 'b1', type: 'text', body: { de: docFromParagraphs('a') } },
          { id: 'b2', type: 'item', itemId: 'photo' },
          { id: 'b3', type: 'gallery', itemIds: ['photo'] },
        ],
      },
      { id: 'c2', title: { de: 'Zwei' }, blocks: [{ id: 'b4', type: 'map', partnershipIds: [] }] },
    ],
  });
}

const ids = (x: X) => x.chapters.map((c) => [c.id, ...c.blocks.map((b) => b.id)]);

describe('exhibition operations', () => {
  it('makes valid ids and unique slugs', () => {
    expect(Id.safeParse(newId('b', seq())).success).toBe(true);
    expect(uniqueSlug('leeds', new Set(['leeds', 'leeds-2']))).toBe('leeds-3');
    expect(uniqueSlug('amiens', new Set(['leeds']))).toBe('amiens');
  });

  it('creates a valid draft exhibition with a slug from the title', () => {
    const x = createExhibition(
      { title: 'Städtepartner: Novi Sad', lang: 'de', languages: ['de', 'en'], now: NOW },
      new Set(['staedtepartner-novi-sad']),
      seq(),
    );
    expect(Exhibition.parse(x)).toEqual(x);
    expect(x.slug).toBe('staedtepartner-novi-sad-2');
    expect(x).toMatchObject({ status: 'draft', defaultLanguage: 'de', languages: ['de', 'en'] });
  });

  it('duplicates structure with new ids and a new slug, sharing items', () => {
    const source = show();
    const copy = duplicateExhibition(
      source,
      new Set(['show']),
      NOW,
      { de: '(Kopie)', en: '(copy)' },
      seq(),
    );
    expect(Exhibition.parse(copy)).toEqual(copy);
    expect(copy.id).not.toBe(source.id);
    expect(copy.slug).toBe('show-2');
    expect(copy.title).toEqual({ de: 'Was uns verbindet (Kopie)', en: 'What connects us (copy)' });
    const before = ids(source).flat();
    for (const id of ids(copy).flat()) expect(before).not.toContain(id);
    expect(new Set(ids(copy).flat()).size).toBe(6);
    // Items are referenced, not copied; the copy is deep, so editing it leaves the source alone.
    expect(copy.chapters[0]!.blocks[1]).toMatchObject({ type: 'item', itemId: 'photo' });
    copy.chapters[0]!.title.de = 'geändert';
    expect(source.chapters[0]!.title.de).toBe('Eins');
  });

  it('reorders blocks within a chapter, across chapters and to a chapter end', () => {
    const x = show();
    expect(ids(moveBlock(x, 'b3', 'b1'))).toEqual([
      ['c1', 'b3', 'b1', 'b2'],
      ['c2', 'b4'],
    ]);
    expect(ids(moveBlock(x, 'b1', 'b3'))).toEqual([
      ['c1', 'b2', 'b3', 'b1'],
      ['c2', 'b4'],
    ]);
    expect(ids(moveBlock(x, 'b2', 'b4'))).toEqual([
      ['c1', 'b1', 'b3'],
      ['c2', 'b2', 'b4'],
    ]);
    expect(ids(moveBlock(x, 'b2', 'c2'))).toEqual([
      ['c1', 'b1', 'b3'],
      ['c2', 'b4', 'b2'],
    ]);
    expect(moveBlock(x, 'b2', 'nowhere')).toBe(x);
    expect(ids(moveChapter(x, 'c2', 'c1'))).toEqual([
      ['c2', 'b4'],
      ['c1', 'b1', 'b2', 'b3'],
    ]);
  });

  it('adds every block kind with valid content and removes blocks', () => {
    const snap = snapshot({ items: [item('a'), item('b')] });
    let x = show();
    for (const type of [
      'text',
      'item',
      'gallery',
      'timeline',
      'quote',
      'comparison',
      'map',
    ] as const) {
      const block = newBlock(type, snap, seq());
      expect(block, type).not.toBeNull();
      x = addBlock(x, 'c2', block!);
    }
    expect(Exhibition.parse(x).chapters[1]!.blocks).toHaveLength(8);
    expect(newBlock('item', snapshot({ items: [] }))).toBeNull();
    expect(ids(removeBlock(show(), 'b2'))).toEqual([
      ['c1', 'b1', 'b3'],
      ['c2', 'b4'],
    ]);
    expect(Slug.safeParse(x.slug).success).toBe(true);
  });
});
