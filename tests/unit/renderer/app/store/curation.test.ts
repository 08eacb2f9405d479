import { describe, expect, it } from 'vitest';
import { importResults } from '../../../../../renderer/app/store/curation';

describe('importResults', () => {
  it('gives one line per chosen file in order: imported, duplicate skipped, rejected with reason', () => {
    const lines = importResults(['a.jpg', 'a-kopie.jpg', 'kaputt.jpg'], {
      itemIds: ['item-1'],
      failed: [
        { name: 'kaputt.jpg', error: { code: 'MEDIA_CORRUPT', message: 'beschädigt' } },
        { name: 'a-kopie.jpg', error: { code: 'MEDIA_DUPLICATE', message: 'schon da' } },
      ],
      revision: 3,
    });
    expect(lines).toEqual([
      { name: 'a.jpg', status: 'imported', itemId: 'item-1' },
      { name: 'a-kopie.jpg', status: 'duplicate', message: 'schon da' },
      { name: 'kaputt.jpg', status: 'rejected', message: 'beschädigt' },
    ]);
  });

  it('keeps files with the same name apart', () => {
    const lines = importResults(['x.jpg', 'x.jpg'], {
      itemIds: ['item-2'],
      failed: [{ name: 'x.jpg', error: { code: 'MEDIA_UNSUPPORTED', message: 'nein' } }],
      revision: 1,
    });
    expect(lines.map((l) => l.status)).toEqual(['rejected', 'imported']);
  });
});
