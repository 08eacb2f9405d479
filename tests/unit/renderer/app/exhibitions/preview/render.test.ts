import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExhibition } from '../../../../../../electron/core/export';
import { renderPreview } from '../../../../../../renderer/app/exhibitions/preview/render';
import type { LibrarySnapshot } from '../../../../../../shared/domain';
import { chapterFiles } from '../../../../../../shared/render';
import { makeLibrary } from '../../../../electron/core/export/library-fixture';

let lib: { dir: string; snapshot: LibrarySnapshot };
let outDir: string;

beforeAll(async () => {
  lib = await makeLibrary();
  outDir = `${lib.dir}-kiosk`;
  await exportExhibition({
    libraryDir: lib.dir,
    snapshot: lib.snapshot,
    exhibition: lib.snapshot.exhibitions[0]!.slug,
    mode: 'kiosk',
    outDir,
  });
});
afterAll(async () => {
  await rm(lib.dir, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

const preview = (page: string) =>
  renderPreview({
    snapshot: lib.snapshot,
    exhibition: lib.snapshot.exhibitions[0]!,
    lang: 'de',
    frame: 'kiosk-landscape',
    page,
    mediaUrl: (rel) => `/media/${rel}`,
    stylesheetUrl: '/assets/vitrine.css',
  });
const exported = (chapter: number) =>
  readFile(path.join(outDir, 'de', chapterFiles(lib.snapshot.exhibitions[0]!)[chapter]!), 'utf8');

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[0]);
const MAP = /<figure class="map">[\s\S]*?<\/figure>/g;
const QR = /<figure class="qr">[\s\S]*?<\/figure>/g;

describe('preview maps and QR codes', () => {
  it('draws the sample map block with the country outlines the bundle has', async () => {
    const maps = all(preview('c2'), MAP);
    expect(maps).toHaveLength(1);
    const outline = /<path class="land" d="([^"]*)"/.exec(maps[0]!)?.[1] ?? '';
    // Dozens of countries around Leeds, Dortmund and Dura, each one or more closed rings.
    expect(outline).toMatch(/^M/);
    expect(outline.split('Z').length).toBeGreaterThan(20);
    expect(maps).toEqual(all(await exported(1), MAP));
  });

  it('turns an external link into the bundle’s QR code in a kiosk frame', async () => {
    const html = preview('c1');
    const codes = all(html, QR);
    expect(codes).toHaveLength(1);
    expect(codes[0]).toContain('https://www.leeds.gov.uk/');
    expect(codes[0]).toMatch(
      /<svg viewBox="0 0 \d+ \d+"[^>]*><rect [^>]*><\/rect><path d="M4 4h7v1h-7z/,
    );
    expect(html).not.toContain('href="https://www.leeds.gov.uk/"');
    expect(codes).toEqual(all(await exported(0), QR));
  });
});
