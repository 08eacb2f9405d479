import { describe, expect, it } from 'vitest';
import {
  buildExhibitionView,
  renderLanguagePages,
  renderPage,
  type RenderedFile,
} from '../../../../../shared/render';
import type { LibrarySnapshot } from '../../../../../shared/domain/library';
import { fixtureSnapshot } from '../fixture';

const SLUG = '50-jahre-dortmund-leeds';

function kioskPages(snapshot: LibrarySnapshot = fixtureSnapshot(), lang = 'de'): RenderedFile[] {
  const view = buildExhibitionView(snapshot, { exhibition: SLUG, lang, mode: 'kiosk' });
  return renderLanguagePages(view, { qrSvg: () => '<svg></svg>' });
}

function withKioskSearch(snapshot: LibrarySnapshot): LibrarySnapshot {
  for (const x of snapshot.exhibitions) x.settings.kiosk.search = true;
  return snapshot;
}

/** Every <a …> that is not one of the kiosk's large targets (tiles, buttons, pictures). */
function textLinks(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*>/g)]
    .map((m) => m[0])
    .filter(
      (a) => !/class="(kiosk-button[^"]*|kiosk-tile|lightbox|skip-link|attract-button)"/.test(a),
    )
    .filter((a) => !/rel="(prev|next)"/.test(a));
}

describe('kiosk pages (issue 13 §2)', () => {
  it('have a bottom bar with Home, Back and the languages named in their own script', () => {
    const pages = kioskPages();
    const start = pages.find((f) => f.path === 'de/index.html')!.content;
    const chapter = pages.find((f) => f.path === 'de/01-die-anfaenge.html')!.content;
    for (const html of [start, chapter]) {
      expect(html).toContain('<nav class="kiosk-bar" aria-label="Navigation">');
      expect(html).toMatch(/<a class="kiosk-button kiosk-home" href="index\.html"/);
      expect(html).toContain('hreflang="ar" lang="ar" dir="rtl">العربية</a>');
      expect(html).toContain('hreflang="de" lang="de" aria-current="true">Deutsch</a>');
    }
    // Back from the first chapter leads to the start page without script; none on the start page.
    expect(chapter).toMatch(/<a class="kiosk-button kiosk-back" href="index\.html" data-back="">/);
    expect(start).not.toContain('kiosk-back');
    const second = pages.find((f) => /^de\/02-/.test(f.path))!.content;
    expect(second).toMatch(/kiosk-back" href="01-die-anfaenge\.html"/);
  });

  it('show the chapters as tiles and no text link anywhere', () => {
    const pages = kioskPages();
    const start = pages.find((f) => f.path === 'de/index.html')!.content;
    expect(start).toMatch(
      /<a class="kiosk-tile" href="01-die-anfaenge\.html"><span class="tile-image"><picture>/,
    );
    expect(start).not.toContain('class="chapter-cards"');
    for (const page of pages) expect(textLinks(page.content), page.path).toEqual([]);
  });

  it('offer no search unless the exhibition enables it, then a keyboard-friendly field', () => {
    const without = kioskPages();
    expect(without.map((f) => f.path)).not.toContain('de/search.html');
    for (const page of without) expect(page.content, page.path).not.toContain('search.html');
    const view = buildExhibitionView(fixtureSnapshot(), {
      exhibition: SLUG,
      lang: 'de',
      mode: 'kiosk',
    });
    expect(renderPage(view, 'search.html')).toBeNull();

    const withSearch = kioskPages(withKioskSearch(fixtureSnapshot()));
    const search = withSearch.find((f) => f.path === 'de/search.html')!.content;
    expect(search).toContain('inputmode="search" enterkeyhint="search"');
    const start = withSearch.find((f) => f.path === 'de/index.html')!.content;
    expect(start).toMatch(/<a class="kiosk-button kiosk-search" href="search\.html">/);
  });

  it('escape what curators typed in tiles and bar', () => {
    const snapshot = fixtureSnapshot();
    const x = snapshot.exhibitions[0]!;
    x.chapters[0]!.title.de = '<img src=x onerror=alert(1)>';
    const start = kioskPages(snapshot).find((f) => f.path === 'de/index.html')!.content;
    expect(start).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(start).not.toContain('<img src=x');
  });
});
