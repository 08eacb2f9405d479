import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDate } from '../../../../../electron/core/export/verification';
import { createLibrary, readLibrarySnapshot } from '../../../../../electron/core/library';
import { AppError } from '../../../../../shared/errors';
import { caught, manualClock, tempDir } from './helpers';

describe('legal settings of a library', () => {
  it('are written to disk by updateManifest, undone, and refused when invalid', async () => {
    const dir = join(await tempDir(), 'lib');
    const library = await createLibrary(dir, {
      name: 'Bibliothek',
      languages: ['de', 'en'],
      defaultLanguage: 'de',
      clock: manualClock(),
    });
    const legal = {
      country: 'DE',
      imprint: { de: 'Stadt Dortmund' },
      privacy: { de: 'Keine Cookies.' },
      feedbackContact: {},
      feedbackEmail: 'a11y@dortmund.example',
      conciliation: {},
    };
    const result = await library.apply({ type: 'updateManifest', legal });
    expect((await readLibrarySnapshot(dir)).manifest.legal).toEqual(legal);
    await library.apply(result.undo);
    expect((await readLibrarySnapshot(dir)).manifest.legal?.imprint).toEqual({});

    const bad = await caught(() =>
      library.apply({ type: 'updateManifest', legal: { ...legal, feedbackEmail: 'no mail' } }),
    );
    expect(bad).toBeInstanceOf(AppError);
    expect((await readLibrarySnapshot(dir)).manifest.legal?.imprint).toEqual({});
  });
});

describe('export date of the accessibility statement', () => {
  it('takes an explicit day, then SOURCE_DATE_EPOCH, then today', () => {
    expect(exportDate('2026-12-03')).toBe('2026-12-03');
    expect(() => exportDate('3.12.2026')).toThrow(AppError);
    expect(exportDate(undefined, { SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14');
    expect(exportDate(undefined, {}, new Date('2030-01-02T23:00:00Z'))).toBe('2030-01-02');
  });
});

describe('library logo setting', () => {
  it('is set and removed by updateManifest, each undone, and refuses a bad item id', async () => {
    const dir = join(await tempDir(), 'lib');
    const library = await createLibrary(dir, {
      name: 'Bibliothek',
      languages: ['de', 'en'],
      defaultLanguage: 'de',
      clock: manualClock(),
    });
    const logo = { itemId: 'stadtlogo', alt: { de: 'Stadt Dortmund' } };
    const set = await library.apply({ type: 'updateManifest', logo });
    expect((await readLibrarySnapshot(dir)).manifest.logo).toEqual(logo);
    const removed = await library.apply({ type: 'updateManifest', logo: null });
    expect((await readLibrarySnapshot(dir)).manifest.logo).toBeUndefined();
    await library.apply(removed.undo);
    expect((await readLibrarySnapshot(dir)).manifest.logo).toEqual(logo);
    await library.apply(set.undo);
    expect((await readLibrarySnapshot(dir)).manifest.logo).toBeUndefined();
    const bad = await caught(() =>
      library.apply({ type: 'updateManifest', logo: { itemId: '../x', alt: {} } }),
    );
    expect(bad).toBeInstanceOf(AppError);
    expect((await readLibrarySnapshot(dir)).manifest.logo).toBeUndefined();
  });
});
