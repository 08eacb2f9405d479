import { describe, expect, it } from 'vitest';
import { referencesOf, usagesOf } from '../../../../shared/domain/references';
import { award, exhibition, item, partnership, snapshot } from '../../../fixtures/snapshot';

describe('references and usages', () => {
  const leeds = partnership('leeds', {
    history: [{ id: 'e1', date: '1969', title: { de: 'Gründung' }, itemIds: ['photo'] }],
  });
  const photo = item('photo', { partnershipIds: ['leeds'] });
  const show = exhibition('show', {
    coverItemId: 'photo',
    chapters: [
      {
        id: 'c1',
        title: { de: 'Anfänge' },
        blocks: [
          { id: 'b1', type: 'item', itemId: 'photo' },
          { id: 'b2', type: 'gallery', itemIds: ['other', 'photo'] },
          { id: 'b3', type: 'comparison', before: { itemId: 'photo' }, after: { itemId: 'other' } },
          { id: 'b4', type: 'map', partnershipIds: ['leeds'] },
          { id: 'b5', type: 'timeline', partnershipIds: ['leeds'] },
          { id: 'b6', type: 'quote', text: { de: 'Großstadt der Nachbarn' }, itemId: 'photo' },
        ],
      },
    ],
  });

  it('lists every outgoing reference with its path', () => {
    expect(
      referencesOf('exhibitions', show).map((r) => `${r.collection}:${r.id}@${r.path}`),
    ).toEqual([
      'items:photo@coverItemId',
      'items:photo@chapters[0].blocks[0].itemId',
      'items:other@chapters[0].blocks[1].itemIds[0]',
      'items:photo@chapters[0].blocks[1].itemIds[1]',
      'items:photo@chapters[0].blocks[2].before.itemId',
      'items:other@chapters[0].blocks[2].after.itemId',
      'partnerships:leeds@chapters[0].blocks[3].partnershipIds[0]',
      'partnerships:leeds@chapters[0].blocks[4].partnershipIds[0]',
      'items:photo@chapters[0].blocks[5].itemId',
    ]);
    expect(referencesOf('partnerships', leeds)).toEqual([
      { collection: 'items', id: 'photo', path: 'history[0].itemIds[0]' },
    ]);
    expect(
      referencesOf('awards', award('a', { partnershipIds: ['leeds'], itemIds: ['photo'] })),
    ).toHaveLength(2);
  });

  it('describes where an item is used, in German and English', () => {
    const snap = snapshot({ items: [photo], partnerships: [leeds], exhibitions: [show] });
    const usages = usagesOf(snap, 'items', 'photo');
    expect(usages).toHaveLength(6);
    expect(usages[0]!.label.de).toBe('Partnerschaft Leeds');
    expect(usages.find((u) => u.path === 'chapters[0].blocks[0].itemId')!.label).toEqual({
      de: 'Ausstellung „Was uns verbindet“, Kapitel „Anfänge“',
      en: 'Exhibition “Was uns verbindet”, chapter “Anfänge”',
    });
    expect(usagesOf(snap, 'partnerships', 'leeds').map((u) => u.collection)).toEqual([
      'items',
      'exhibitions',
      'exhibitions',
    ]);
  });
});
