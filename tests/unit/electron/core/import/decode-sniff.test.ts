import { describe, expect, it } from 'vitest';
import {
  decodeText,
  detectEncoding,
  looksBinary,
} from '../../../../../electron/core/import/decode';
import { sniffDelimiter } from '../../../../../electron/core/import/sniff';
import { encode, GERMAN_EXCEL, UTF16_TEXT } from '../../../../fixtures/tables/generate';

describe('encodings', () => {
  it('detects Windows-1252 and decodes € „ “ – … ß ä ö ü without mojibake', () => {
    const bytes = encode('€ „Zitat“ – … ß ä ö ü Ä Ö Ü', 'win1252');
    expect(bytes.includes(0x80)).toBe(true); // € is 0x80 in cp1252, a C1 control in Latin-1
    expect(detectEncoding(bytes)).toBe('windows-1252');
    expect(decodeText(bytes, 'windows-1252')).toBe('€ „Zitat“ – … ß ä ö ü Ä Ö Ü');
  });

  it('detects UTF-8 with and without BOM, and UTF-16 LE/BE by BOM', () => {
    expect(detectEncoding(Buffer.from('\ufeffÄrger', 'utf8'))).toBe('utf-8-bom');
    expect(decodeText(Buffer.from('\ufeffÄrger', 'utf8'), 'utf-8-bom')).toBe('Ärger');
    expect(detectEncoding(Buffer.from('Ärger', 'utf8'))).toBe('utf-8');
    const le = encode(UTF16_TEXT, 'utf16le-bom');
    expect(detectEncoding(le)).toBe('utf-16le');
    expect(decodeText(le, 'utf-16le')).toBe(UTF16_TEXT);
    const be = Buffer.from(le);
    be.swap16();
    expect(detectEncoding(be)).toBe('utf-16be');
    expect(decodeText(be, 'utf-16be')).toBe(UTF16_TEXT);
  });

  it('an override decodes with the chosen encoding', () => {
    const bytes = encode('Grüße', 'win1252');
    expect(decodeText(bytes, 'utf-8')).toContain('\ufffd');
    expect(decodeText(bytes, 'windows-1252')).toBe('Grüße');
  });

  it('tells binary files from text', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
    expect(looksBinary(jpeg, detectEncoding(jpeg))).toBe(true);
    const csv = encode(GERMAN_EXCEL, 'win1252');
    expect(looksBinary(csv, detectEncoding(csv))).toBe(false);
  });
});

describe('delimiter sniffing', () => {
  it('is not fooled by decimal commas in a semicolon file', () => {
    const text = 'Titel;Wert;Gewicht\nA;12,5;3,75\nB;1,0;2,25\nC;7;0,5\n';
    expect(sniffDelimiter(text).delimiter).toBe(';');
  });

  it('is not fooled by semicolons or commas inside quoted text', () => {
    const text = 'Title,Description\n"A; b; c","x, y; z"\n"D; e",f\n';
    expect(sniffDelimiter(text).delimiter).toBe(',');
    const quotedNewline = 'Titel;Text\n"A";"Zeile 1, mit Komma\nZeile 2, auch"\nB;C\n';
    expect(sniffDelimiter(quotedNewline).delimiter).toBe(';');
  });

  it('finds tabs and pipes', () => {
    expect(sniffDelimiter('a\tb\tc\n1,5\t2\t3\n').delimiter).toBe('\t');
    expect(sniffDelimiter('a|b\n1,2|3;4\n').delimiter).toBe('|');
  });

  it('picks the German Excel delimiter of the fixture', () => {
    expect(sniffDelimiter(GERMAN_EXCEL).delimiter).toBe(';');
  });
});
