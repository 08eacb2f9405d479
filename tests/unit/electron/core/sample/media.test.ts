import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { chordWav } from '../../../../../electron/core/sample/audio';
import { grusswortPdf, mediaRecipe, SAMPLE_MEDIA } from '../../../../../electron/core/sample/media';
import { onePagePdf } from '../../../../../electron/core/sample/pdf';
import { wrap } from '../../../../../electron/core/sample/svg';

const SHARP_FORMAT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg' };

/** Checks the PDF's cross-reference table against the bytes, the way a strict reader would. */
function checkPdfStructure(pdf: Buffer): { objects: number } {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.endsWith('%%EOF\n')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(startxref))!;
  const count = Number(header[1]);
  const entriesAt = startxref + header[0].length;
  for (let i = 0; i < count; i++) {
    const entry = text.slice(entriesAt + i * 20, entriesAt + (i + 1) * 20);
    expect(entry).toMatch(/^\d{10} \d{5} [nf]\r\n$/);
    if (i === 0) continue;
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${i} 0 obj`.length)).toBe(`${i} 0 obj`);
  }
  const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)?.[1]);
  const streamStart = text.indexOf('stream\n') + 'stream\n'.length;
  expect(text.slice(streamStart + length, streamStart + length + 'endstream'.length)).toBe(
    'endstream',
  );
  expect(text).toMatch(/\/Type \/Pages \/Kids \[3 0 R\] \/Count 1/);
  return { objects: count - 1 };
}

describe('sample media recipes', () => {
  it('have unique names and file names', () => {
    const names = SAMPLE_MEDIA.map((r) => r.name);
    const files = SAMPLE_MEDIA.map((r) => r.fileName);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(files).size).toBe(files.length);
    expect(mediaRecipe('poster-50-jahre-leeds')?.kind).toBe('image');
    expect(mediaRecipe('no-such-recipe')).toBeUndefined();
  });

  it('render every image deterministically, in the format and size they declare', async () => {
    const images = SAMPLE_MEDIA.filter((r) => r.kind === 'image');
    expect(images.length).toBeGreaterThanOrEqual(28);
    for (const recipe of images) {
      // Rendered side by side: two renders in flight must not influence each other either.
      const [first, second] = await Promise.all([recipe.render(), recipe.render()]);
      expect(first.equals(second), `${recipe.name} differs between runs`).toBe(true);
      const meta = await sharp(first).metadata();
      expect(meta.format, recipe.name).toBe(SHARP_FORMAT[recipe.mime]);
      expect([meta.width, meta.height], recipe.name).toEqual([recipe.width, recipe.height]);
      expect(meta.width, recipe.name).toBeGreaterThanOrEqual(1600);
      expect(meta.width, recipe.name).toBeLessThanOrEqual(3000);
      // No EXIF date or software tag may sneak in and break determinism across runs.
      expect(meta.exif, recipe.name).toBeUndefined();
      expect(
        recipe.fileName.endsWith(recipe.mime === 'image/png' ? '.png' : '.jpg'),
        recipe.name,
      ).toBe(true);
    }
  }, 180_000);

  it('draw real pictures, not blank canvases', async () => {
    for (const name of ['poster-50-jahre-leeds', 'photo-dura-hills', 'letter-leeds-1969']) {
      const stats = await sharp(await mediaRecipe(name)!.render()).stats();
      const spread = stats.channels.slice(0, 3).map((c) => c.max - c.min);
      expect(Math.min(...spread), name).toBeGreaterThan(100);
    }
  });

  it('render then and now of the same place at the same size, but different', async () => {
    const then = await mediaRecipe('photo-friedensplatz-then')!.render();
    const now = await mediaRecipe('photo-friedensplatz-now')!.render();
    expect(then.equals(now)).toBe(false);
    const [a, b] = await Promise.all([sharp(then).metadata(), sharp(now).metadata()]);
    expect([a.width, a.height]).toEqual([b.width, b.height]);
  });

  it('render the sound greeting as a 22.05 kHz mono 16-bit WAV of the declared length', async () => {
    const recipe = mediaRecipe('audio-klanggruss')!;
    expect(recipe).toMatchObject({ kind: 'audio', mime: 'audio/wav' });
    const wav = await recipe.render();
    expect(wav.equals(await recipe.render())).toBe(true);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect(wav.readUInt16LE(20)).toBe(1); // PCM
    expect(wav.readUInt16LE(22)).toBe(1); // mono
    expect(wav.readUInt32LE(24)).toBe(22_050);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.toString('ascii', 36, 40)).toBe('data');
    const dataBytes = wav.readUInt32LE(40);
    expect(dataBytes).toBe(wav.length - 44);
    expect(dataBytes / 2 / 22_050).toBe(recipe.duration);
    let peak = 0;
    for (let i = 44; i < wav.length; i += 2) peak = Math.max(peak, Math.abs(wav.readInt16LE(i)));
    // Audible, yet far from clipping; and it fades in and out instead of clicking.
    expect(peak).toBeGreaterThan(3000);
    expect(peak).toBeLessThan(32_000);
    expect(Math.abs(wav.readInt16LE(44))).toBeLessThan(50);
    expect(Math.abs(wav.readInt16LE(wav.length - 2))).toBeLessThan(50);
  });

  it('compute a WAV of any length and rate', () => {
    const wav = chordWav({ frequencies: [440], seconds: 0.5, sampleRate: 8000 });
    expect(wav.length).toBe(44 + 0.5 * 8000 * 2);
    expect(wav.readUInt32LE(24)).toBe(8000);
  });

  it('write the Grußwort as a valid one-page PDF with a byte-exact xref table', async () => {
    const recipe = mediaRecipe('pdf-grusswort')!;
    expect(recipe).toMatchObject({ kind: 'document', mime: 'application/pdf', pages: 1 });
    const pdf = await recipe.render();
    expect(pdf.equals(grusswortPdf())).toBe(true);
    expect(checkPdfStructure(pdf).objects).toBe(7);
    const text = pdf.toString('latin1');
    // Umlauts and typographic quotes in WinAnsi, never UTF-8 bytes the standard fonts cannot show.
    expect(text).toContain('(Gru\xdfwort)');
    expect(text).toContain('\x84');
    expect(text).toContain('/Encoding /WinAnsiEncoding');
    expect(text).toContain('Beispielinhalt');
  });

  it('escape parentheses and backslashes in PDF strings so offsets stay right', () => {
    const pdf = onePagePdf({ title: 'a (b) \\ c', lines: [{ text: 'x) (y \\ z – ü', size: 12 }] });
    checkPdfStructure(pdf);
    const text = pdf.toString('latin1');
    expect(text).toContain('(x\\) \\(y \\\\ z \x96 \xfc) Tj');
  });

  it('wrap text at word boundaries', () => {
    expect(wrap('eins zwei drei vier', 9)).toEqual(['eins zwei', 'drei vier']);
    expect(wrap('  ', 10)).toEqual([]);
  });
});
