import { describe, expect, it } from 'vitest';
import { runChecks, runExhibitionChecks } from '../../../../../shared/check';
import { exhibition, item, snapshot } from '../../../../fixtures/snapshot';

/** An exhibition in Leichte Sprache showing one item in an item block and one in a gallery. */
const show = (id: string) =>
  exhibition(id, {
    languages: ['de', 'de-x-ls'],
    title: { de: 'Was uns verbindet', 'de-x-ls': 'Was uns verbindet' },
    chapters: [
      {
        id: `${id}-c1`,
        title: { de: 'Anfang', 'de-x-ls': 'Der Anfang' },
        blocks: [
          { id: `${id}-b1`, type: 'item', itemId: 'flag' },
          { id: `${id}-b2`, type: 'gallery', itemIds: ['plaque', 'photo'] },
        ],
      },
    ],
  });

const items = [
  item('flag', {
    title: { de: 'Ehrenfahne', 'de-x-ls': 'Eine Fahne' },
    altText: { de: 'Eine blaue Fahne', 'de-x-ls': 'Die Fahne wurde 1979 gemacht.' },
  }),
  item('plaque', {
    title: { de: 'Ehrenplakette', 'de-x-ls': 'Die Plakette' },
    description: { de: 'Bronze', 'de-x-ls': 'Das ist z. B. aus Bronze.' },
    altText: { de: 'Eine runde Plakette', 'de-x-ls': 'Eine runde Plakette aus Metall.' },
  }),
  // Only standard German: nothing to check in Leichte Sprache (its absence is another rule's).
  item('photo', { altText: { de: 'Ein Foto wurde gemacht.' } }),
  // Not shown by the exhibition: not checked for it.
  item('unused', { altText: { de: 'x', 'de-x-ls': 'Das Bild wurde gemalt.' } }),
];

const easyItemFindings = (problems: ReturnType<typeof runChecks>) =>
  problems.filter((p) => p.rule.startsWith('ls-') && p.target.collection === 'items');

describe('Leichte Sprache rules over the items an exhibition shows', () => {
  it('checks their de-x-ls alt texts, titles and descriptions and points at field and place', () => {
    const problems = easyItemFindings(
      runExhibitionChecks(snapshot({ items, exhibitions: [show('show')] }), 'show'),
    );
    expect(problems.map((p) => [p.rule, p.target.id, p.target.path])).toEqual([
      ['ls-passive', 'flag', 'altText.de-x-ls'],
      ['ls-abbreviation', 'plaque', 'description.de-x-ls'],
    ]);
    const passive = problems.find((p) => p.rule === 'ls-passive')!;
    expect(passive.severity).toBe('error');
    expect(passive.message.de).toBe(
      'Leichte Sprache bei „Ehrenfahne“ (Alternativtext): „Die Fahne wurde 1979 gemacht.“',
    );
    expect(passive.hint.de).toMatch(/Passiv/);
    // Jump-to-fix: the item's field, and the block that shows it in the exhibition.
    expect(passive.context).toEqual({
      collection: 'exhibitions',
      id: 'show',
      path: 'chapters[0].blocks[0].itemId',
    });
    expect(problems.find((p) => p.target.id === 'plaque')!.context!.path).toBe(
      'chapters[0].blocks[1].itemIds[0]',
    );
  });

  it('reports an item shown by two exhibitions once in the library check', () => {
    const problems = easyItemFindings(
      runChecks({ snapshot: snapshot({ items, exhibitions: [show('a'), show('b')] }) }),
    );
    expect(problems.filter((p) => p.target.id === 'flag')).toHaveLength(1);
    expect(problems.map((p) => p.target.id)).not.toContain('unused');
  });

  it('leaves items alone when the exhibition has no Leichte Sprache', () => {
    const plain = exhibition('plain', {
      chapters: [
        {
          id: 'c',
          title: { de: 'A', en: 'A' },
          blocks: [{ id: 'b', type: 'item', itemId: 'flag' }],
        },
      ],
    });
    const problems = runExhibitionChecks(snapshot({ items, exhibitions: [plain] }), 'plain');
    expect(easyItemFindings(problems)).toEqual([]);
  });
});
