import { describe, expect, it } from 'vitest';
import { mapMetadata, toEdtf } from '../../../../../electron/core/media/metadata';

describe('toEdtf', () => {
  it.each([
    ['1974:05:12 10:30:00', '1974-05-12'],
    ['1974:05:00 00:00:00', '1974-05'],
    ['1974:00:00 00:00:00', '1974'],
    ['1979-06', '1979-06'],
    ['1979', '1979'],
    ['1979-06-12T10:00:00+02:00', '1979-06-12'],
    ['19740512', '1974-05-12'],
    ['0000:00:00 00:00:00', undefined],
    ['1974:13:01 00:00:00', undefined],
    ['1974:02:30 00:00:00', undefined],
    ['gestern', undefined],
    ['', undefined],
  ])('%j → %j', (input, expected) => {
    expect(toEdtf(input)).toBe(expected);
  });

  it('ignores values that are not strings', () => {
    expect(toEdtf(new Date(0))).toBeUndefined();
    expect(toEdtf(1974)).toBeUndefined();
  });
});

describe('mapMetadata', () => {
  it('prefers XMP over IPTC over EXIF', () => {
    const out = mapMetadata({
      ifd0: { ImageDescription: 'exif desc', Artist: 'exif artist', Copyright: 'exif ©' },
      exif: { DateTimeOriginal: '2001:01:01 00:00:00' },
      iptc: {
        ObjectName: 'iptc title',
        Byline: 'iptc by',
        CopyrightNotice: 'iptc ©',
        DateCreated: '19900101',
        Caption: 'iptc caption',
      },
      dc: {
        title: [
          { lang: 'en', value: 'xmp en' },
          { lang: 'de', value: 'xmp de' },
        ],
        creator: ['A', 'B'],
        rights: { lang: 'x-default', value: 'xmp ©' },
        description: { lang: 'x-default', value: 'xmp desc' },
      },
      photoshop: { DateCreated: '1979' },
    });
    expect(out).toEqual({
      title: 'xmp de',
      creator: 'A; B',
      copyright: 'xmp ©',
      description: 'xmp desc',
      date: '1979',
    });
  });

  it('falls back to IPTC, then EXIF, then Windows XP tags', () => {
    expect(
      mapMetadata({ iptc: { ObjectName: 'T', Byline: ['X', 'Y'], DateCreated: '19740512' } }),
    ).toEqual({
      title: 'T',
      creator: 'X; Y',
      date: '1974-05-12',
    });
    const xpTitle = new Uint8Array(Buffer.from('Städtepartnerschaft\0', 'utf16le'));
    expect(
      mapMetadata({
        ifd0: { XPTitle: xpTitle, XPAuthor: new Uint8Array(Buffer.from('Anna', 'utf16le')) },
      }),
    ).toEqual({
      title: 'Städtepartnerschaft',
      creator: 'Anna',
    });
  });

  it('drops camera boilerplate, blanks and control characters', () => {
    expect(
      mapMetadata({
        ifd0: { ImageDescription: 'OLYMPUS DIGITAL CAMERA', Artist: '   ', Copyright: '??' },
      }),
    ).toEqual({});
    expect(mapMetadata({ ifd0: { Artist: 'Max\u0007 Muster\u0000' } })).toEqual({
      creator: 'Max Muster',
    });
  });

  it('ignores shapes it does not expect', () => {
    expect(mapMetadata({ ifd0: 'x', dc: { title: 42, creator: { a: 1 } }, iptc: null })).toEqual(
      {},
    );
  });
});
