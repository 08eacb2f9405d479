import { describe, expect, it } from 'vitest';
import { itemFocusOf, itemLanguages } from '../../../../../renderer/app/library/item-focus';
import { exhibition, snapshot } from '../../../../fixtures/snapshot';

describe('opening an item at the field a check problem names', () => {
  const library = snapshot({
    exhibitions: [
      exhibition('leeds', { languages: ['de', 'en', 'de-x-ls'] }),
      exhibition('dura', { languages: ['de', 'ar'] }),
    ],
  });

  it('offers the library languages and then those only an exhibition promises', () => {
    expect(itemLanguages(library)).toEqual(['de', 'en', 'de-x-ls', 'ar']);
    expect(itemLanguages(snapshot())).toEqual(['de', 'en']);
  });

  it('reads field and language from the problem path, and nothing for an unknown language', () => {
    const langs = itemLanguages(library);
    expect(itemFocusOf('flag', 'altText.de-x-ls', langs)).toEqual({
      itemId: 'flag',
      lang: 'de-x-ls',
      field: 'altText',
    });
    expect(itemFocusOf('flag', 'transcript.ar', langs)?.field).toBe('transcript');
    expect(itemFocusOf('flag', 'altText.fr', langs)).toBeNull();
    expect(itemFocusOf('flag', 'rights', langs)).toBeNull();
  });
});
