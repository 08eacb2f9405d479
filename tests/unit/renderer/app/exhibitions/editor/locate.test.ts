import { describe, expect, it } from 'vitest';
import { locate } from '../../../../../../renderer/app/exhibitions/editor/locate';
import { docFromParagraphs } from '../../../../../../shared/domain/richtext';
import { exhibition } from '../../../../../fixtures/snapshot';

const x = exhibition('show', {
  chapters: [
    {
      id: 'c1',
      title: { de: 'Eins' },
      blocks: [
        { id: 'b1', type: 'text', body: { de: docFromParagraphs('a') } },
        { id: 'b2', type: 'comparison', before: { itemId: 'a' }, after: { itemId: 'b' } },
        { id: 'b3', type: 'gallery', itemIds: ['a'] },
      ],
    },
  ],
});

describe('jumping from a check problem to the place to fix it', () => {
  it('selects the block and focuses the field, showing the translation when needed', () => {
    expect(locate(x, 'chapters[0].blocks[0].body.en')).toEqual({
      tab: 'content',
      selection: { kind: 'block', id: 'b1' },
      translateLang: 'en',
      elementId: 'block-b1-body-en',
    });
    expect(locate(x, 'chapters[0].blocks[1].after.label.de')).toMatchObject({
      translateLang: null,
      elementId: 'block-b2-after-label-de',
    });
    expect(locate(x, 'chapters[0].blocks[1].before.itemId').elementId).toBe(
      'block-b2-before-picker',
    );
    expect(locate(x, 'chapters[0].blocks[2].itemIds[0]').elementId).toBe('block-b3-picker');
    expect(locate(x, 'chapters[0].blocks[2]').elementId).toBe('outline-b3');
  });

  it('selects a chapter for its title and opens settings for exhibition fields', () => {
    expect(locate(x, 'chapters[0].title.en')).toEqual({
      tab: 'content',
      selection: { kind: 'chapter', id: 'c1' },
      translateLang: 'en',
      elementId: 'chapter-c1-title-en',
    });
    expect(locate(x, 'chapters[0]')).toMatchObject({
      tab: 'content',
      selection: { kind: 'chapter', id: 'c1' },
      elementId: 'add-type-c1',
    });
    expect(locate(x, 'subtitle.en')).toEqual({
      tab: 'settings',
      selection: null,
      translateLang: 'en',
      elementId: 'settings-subtitle-en',
    });
    expect(locate(x, 'coverItemId')).toMatchObject({
      tab: 'settings',
      elementId: 'settings-coverItemId',
    });
    expect(locate(x, 'chapters')).toMatchObject({ tab: 'content', elementId: 'new-chapter-title' });
  });
});
