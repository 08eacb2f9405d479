import { describe, expect, it } from 'vitest';
import { locate } from '../../../../../../renderer/app/exhibitions/editor/locate';
import { docFromParagraphs } from '../../../../../../shared/domain/richtext';
import { exhibition } from '../../../../../fixtures/snapshot';

const x = exhibition('show', {
  languages: ['de', 'de-x-ls'],
  chapters: [
    {
      id: 'c1',
      title: { de: 'Eins', 'de-x-ls': 'Teil eins' },
      blocks: [{ id: 'b1', type: 'text', body: { 'de-x-ls': docFromParagraphs('a') } }],
    },
  ],
});

describe('jumping to a Leichte Sprache finding', () => {
  it('opens the block with Leichte Sprache beside German and focuses its field', () => {
    expect(locate(x, 'chapters[0].blocks[0].body.de-x-ls')).toEqual({
      tab: 'content',
      selection: { kind: 'block', id: 'b1' },
      translateLang: 'de-x-ls',
      elementId: 'block-b1-body-de-x-ls',
    });
    expect(locate(x, 'chapters[0].title.de-x-ls').elementId).toBe('chapter-c1-title-de-x-ls');
  });

  it('sends the missing test reader review to its settings field', () => {
    expect(locate(x, 'easyLanguage.review')).toMatchObject({
      tab: 'settings',
      elementId: 'settings-easyReviewDate',
    });
  });
});
