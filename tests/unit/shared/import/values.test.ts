import { describe, expect, it } from 'vitest';
import { parseEdtf } from '../../../../shared/domain';
import {
  looksLikeFormula,
  parseDateCell,
  parseKindCell,
  parseRightsCell,
  partnershipMatcher,
  splitValues,
} from '../../../../shared/import/values';
import { partnership } from '../../../fixtures/snapshot';

describe('date cells → EDTF', () => {
  const cases: Array<[string, string]> = [
    ['12.05.1969', '1969-05-12'],
    ['1.5.1969', '1969-05-01'],
    ['1969-05-12', '1969-05-12'],
    ['05.1969', '1969-05'],
    ['Mai 1969', '1969-05'],
    ['12. Mai 1969', '1969-05-12'],
    ['May 12, 1969', '1969-05-12'],
    ['März 1970', '1970-03'],
    ['1969', '1969'],
    ['um 1970', '1970~'],
    ['ca. 1970', '1970~'],
    ['1970?', '1970~'],
    ['1970er', '197X'],
    ['1970er-Jahre', '197X'],
    ['1970s', '197X'],
    ['1974–1980', '1974/1980'],
    ['1974-1980', '1974/1980'],
    ['1974 - 1980', '1974/1980'],
    ['1974/1980', '1974/1980'],
    ['zwischen 1974 und 1980', '1974/1980'],
    ['05.1974 bis 09.1974', '1974-05/1974-09'],
  ];
  it.each(cases)('%s → %s', (text, edtf) => {
    expect(parseDateCell(text)).toBe(edtf);
    expect(parseEdtf(edtf)).not.toBeNull();
  });

  it('answers null for what it does not understand, and for impossible dates', () => {
    expect(parseDateCell('irgendwann')).toBeNull();
    expect(parseDateCell('31.02.1970')).toBeNull();
    expect(parseDateCell('1980–1974')).toBeNull();
    expect(parseDateCell('')).toBeNull();
  });
});

describe('rights cells', () => {
  it('reads Creative Commons names and URLs', () => {
    expect(parseRightsCell('CC BY 4.0')).toBe('CC-BY-4.0');
    expect(parseRightsCell('CC-BY-SA 4.0')).toBe('CC-BY-SA-4.0');
    expect(parseRightsCell('cc by-nc')).toBe('CC-BY-NC-4.0');
    expect(parseRightsCell('CC0')).toBe('CC0-1.0');
    expect(parseRightsCell('https://creativecommons.org/licenses/by/4.0/deed.de')).toBe(
      'CC-BY-4.0',
    );
    expect(parseRightsCell('http://creativecommons.org/publicdomain/zero/1.0')).toBe('CC0-1.0');
  });

  it('reads rightsstatements.org URIs and labels', () => {
    expect(parseRightsCell('http://rightsstatements.org/vocab/InC/1.0/')).toBe('InC');
    expect(parseRightsCell('https://rightsstatements.org/page/NoC-NC/1.0/?language=de')).toBe(
      'NoC-NC',
    );
    expect(parseRightsCell('In Copyright')).toBe('InC');
    expect(parseRightsCell('Urheberrecht nicht geprüft')).toBe('CNE');
  });

  it('answers null for free text', () => {
    expect(parseRightsCell('Alle Rechte beim Fotografen')).toBeNull();
    expect(parseRightsCell('https://example.org/licence')).toBeNull();
  });
});

describe('kinds, partnerships, lists, formulas', () => {
  it('reads kinds from words and MIME types', () => {
    expect(parseKindCell('image/jpeg')).toBe('image');
    expect(parseKindCell('Foto')).toBe('image');
    expect(parseKindCell('Image;StillImage')).toBe('image');
    expect(parseKindCell('Brief')).toBe('text');
    expect(parseKindCell('application/pdf')).toBe('document');
    expect(parseKindCell('Skulptur')).toBeNull();
  });

  it('finds partner cities by name in any of their languages', () => {
    const match = partnershipMatcher([
      partnership('rostov', {
        city: { de: 'Rostow am Don', en: 'Rostov-on-Don', ru: 'Ростов-на-Дону' },
      }),
      partnership('novi-sad', { city: { de: 'Novi Sad', sr: 'Нови Сад' } }),
    ]);
    expect(match('Rostov-on-Don')).toBe('rostov');
    expect(match('ростов-на-дону')).toBe('rostov');
    expect(match('rostow am don')).toBe('rostov');
    expect(match('Нови Сад')).toBe('novi-sad');
    expect(match('novi-sad')).toBe('novi-sad');
    expect(match('Leeds')).toBeNull();
  });

  it('splits multi-value cells', () => {
    expect(splitValues(' Rathaus ; Empfang;;Rathaus ')).toEqual(['Rathaus', 'Empfang']);
    expect(splitValues('a|b', '|')).toEqual(['a', 'b']);
  });

  it('flags formula-like cells but not plain negative numbers', () => {
    expect(looksLikeFormula('=SUM(A1)')).toBe(true);
    expect(looksLikeFormula('@cmd')).toBe(true);
    expect(looksLikeFormula('+1+2')).toBe(true);
    expect(looksLikeFormula('-5')).toBe(false);
    expect(looksLikeFormula('-2+3')).toBe(true);
    expect(looksLikeFormula('Text')).toBe(false);
  });
});
