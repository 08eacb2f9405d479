import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../../shared/domain/library';
import {
  freeTextDateToEdtf,
  knownRightsStatement,
  migrate,
  type RawLibrary,
} from '../../../../shared/domain/migrations';

const raw = (items: unknown[]): RawLibrary => ({
  manifest: {
    format: 'vitrine-library',
    schemaVersion: 1,
    defaultLanguage: 'de',
    languages: ['de', 'en'],
  },
  items,
  partnerships: [{ id: 'p' }],
  awards: [],
  exhibitions: [],
});

describe('freeTextDateToEdtf', () => {
  it.each([
    ['1975', '1975'],
    ['1975-05-12', '1975-05-12'],
    ['ca. 1975', '1975~'],
    ['Ca 1975', '1975~'],
    ['um 1975', '1975~'],
    ['circa 1975-05', '1975-05~'],
    ['1975?', '1975~'],
    ['2001-03-04T00:00:00.000Z', '2001-03-04'],
    ['12.05.1974', '1974-05-12'],
    ['5.1974', '1974-05'],
    ['1970er', '197X'],
    ['1970er Jahre', '197X'],
    ['1970s', '197X'],
    ['1974-1980', '1974/1980'],
    ['1974 – 1980', '1974/1980'],
    ['1974/1980', '1974/1980'],
  ])('%s → %s', (input, expected) => {
    expect(freeTextDateToEdtf(input)).toBe(expected);
  });

  it.each(['Sommer 1980', 'unbekannt', '31.02.1980', '1980-1970', ''])(
    '%s is not guessed',
    (input) => {
      expect(freeTextDateToEdtf(input)).toBeNull();
    },
  );
});

describe('knownRightsStatement', () => {
  it('normalizes spelling of known ids and rejects free text', () => {
    expect(knownRightsStatement('CC-BY-4.0')).toBe('CC-BY-4.0');
    expect(knownRightsStatement('cc by 4.0')).toBe('CC-BY-4.0');
    expect(knownRightsStatement('inc')).toBe('InC');
    expect(knownRightsStatement('Rechte bei der Stadt')).toBeNull();
  });
});

describe('migrate 1 → 2', () => {
  it('converts dates, rights and credit, keeping order and length', () => {
    const out = migrate(
      raw([
        { id: 'a', date: 'ca. 1975', rights: 'CC-BY-4.0', credit: 'Foto: Stadtarchiv' },
        { id: 'b', rights: 'Rechte bei der Stadt Amiens' },
        { id: 'c', rights: '', credit: 'Stadt Dortmund' },
        { id: 'd', date: 'Sommer 1980', description: { de: 'Ein Band.' } },
        { id: 'e', rights: '', credit: '' },
        'not an object',
      ]),
      1,
    );
    expect(out.manifest.schemaVersion).toBe(SCHEMA_VERSION);
    expect(out.items).toHaveLength(6);
    expect(out.items[0]).toEqual({
      id: 'a',
      date: '1975~',
      rights: { statement: 'CC-BY-4.0', creditLine: { de: 'Foto: Stadtarchiv' } },
    });
    expect(out.items[1]).toEqual({
      id: 'b',
      rights: { statement: 'UND', holder: 'Rechte bei der Stadt Amiens', creditLine: {} },
    });
    expect(out.items[2]).toEqual({
      id: 'c',
      rights: { statement: 'UND', creditLine: { de: 'Stadt Dortmund' } },
    });
    expect(out.items[3]).toEqual({
      id: 'd',
      description: { de: 'Ein Band.\n\nDatierung (Version 1): Sommer 1980' },
    });
    expect(out.items[4]).toEqual({ id: 'e' });
    expect(out.items[5]).toBe('not an object');
    expect(out.notes).toHaveLength(1);
    expect(out.notes![0]!.en).toContain('Sommer 1980');
    expect(out.partnerships).toEqual([{ id: 'p' }]);
  });

  it('is the identity at the current version and refuses versions outside the chain', () => {
    const lib = raw([{ id: 'a' }]);
    expect(migrate(lib, SCHEMA_VERSION)).toBe(lib);
    expect(() => migrate(lib, 0)).toThrow();
    expect(() => migrate(lib, SCHEMA_VERSION + 1)).toThrow();
  });
});
