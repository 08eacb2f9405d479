import { describe, expect, it } from 'vitest';
import { Item as ItemSchema, type Item } from '../../../../../shared/domain';
import { batchCommands } from '../../../../../renderer/app/library/BatchEditor';
import { historyChord } from '../../../../../renderer/app/shell/CurationGlobal';
import { withText } from '../../../../../renderer/app/components/forms/localized';
import { missingIn } from '../../../../../renderer/app/library/ItemEditor';
import { moved } from '../../../../../renderer/app/components/forms/array';
import { newId } from '../../../../../renderer/app/partnerships/PartnershipEditor';

const T = '2024-01-01T00:00:00.000Z';
function item(id: string, over: Partial<Item> = {}): Item {
  return {
    id,
    kind: 'image',
    media: [],
    title: { de: id },
    description: {},
    altText: {},
    transcript: {},
    tags: [],
    places: [],
    partnershipIds: [],
    createdAt: T,
    updatedAt: T,
    ...over,
  };
}

describe('batchCommands', () => {
  const items = [item('a', { tags: ['x'] }), item('b', { tags: ['y'], partnershipIds: ['leeds'] })];

  it('adds and removes tags, links a partnership, sets creator and rights on every item', () => {
    const rights = {
      statement: 'CC-BY-4.0' as const,
      holder: 'Stadt',
      creditLine: { de: 'Foto: Stadt' },
    };
    const commands = batchCommands(items, {
      addTags: ['neu', 'x'],
      removeTags: ['y'],
      addPartnershipId: 'leeds',
      creator: 'Erika',
      rights,
    });
    expect(commands).toHaveLength(2);
    const [a, b] = commands.map((c) => (c.type === 'putItem' ? c.item : null));
    expect(a?.tags).toEqual(['x', 'neu']);
    expect(b?.tags).toEqual(['neu', 'x']);
    expect(a?.partnershipIds).toEqual(['leeds']);
    expect(b?.partnershipIds).toEqual(['leeds']);
    expect(a?.creator).toBe('Erika');
    expect(b?.rights).toEqual(rights);
    // Every command is a valid item for the store.
    for (const c of commands)
      if (c.type === 'putItem') expect(ItemSchema.safeParse(c.item).success).toBe(true);
  });

  it('leaves out items the patch does not change', () => {
    expect(
      batchCommands(items, { addTags: ['x'] }).map((c) => (c.type === 'putItem' ? c.item.id : '')),
    ).toEqual(['b']);
    expect(batchCommands(items, {})).toEqual([]);
  });
});

describe('missingIn (language completeness)', () => {
  it('asks for title and alt text on images, and for texts begun in another language', () => {
    const x = item('x', { title: { de: 'T' }, description: { de: 'D' } });
    expect(missingIn(x, 'de')).toEqual(['altText']);
    expect(missingIn(x, 'en')).toEqual(['title', 'altText', 'description']);
    const audio = item('y', {
      kind: 'audio',
      title: { de: 'T', en: 'T' },
      transcript: { en: 'Hello' },
    });
    expect(missingIn(audio, 'en')).toEqual([]);
    expect(missingIn(audio, 'de')).toEqual(['transcript']);
  });
});

describe('small editing helpers', () => {
  it('withText removes a language when cleared and keeps text verbatim otherwise', () => {
    expect(withText({ de: 'a', en: 'b' }, 'en', '')).toEqual({ de: 'a' });
    expect(withText({}, 'ar', ' \u202Eنص ')).toEqual({ ar: ' \u202Eنص ' });
  });

  it('moved reorders without touching the original and ignores moves off the ends', () => {
    const list = ['a', 'b', 'c'];
    expect(moved(list, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(list, 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moved(list, 0, -1)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('newId makes ids the schema accepts', () => {
    for (let i = 0; i < 50; i += 1) expect(newId('event')).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });

  it('recognises the undo and redo chords on every platform', () => {
    const key = (
      k: string,
      mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
    ) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...mods,
    });
    expect(historyChord(key('z', { ctrlKey: true }))).toBe('undo');
    expect(historyChord(key('z', { metaKey: true }))).toBe('undo');
    expect(historyChord(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyChord(key('y', { ctrlKey: true }))).toBe('redo');
    expect(historyChord(key('z'))).toBeNull();
    expect(historyChord(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
