import { describe, expect, it } from 'vitest';
import { buildExhibitionView, renderPage, type RenderMode } from '../../../../shared/render';
import { HOSTILE, fixtureSnapshot } from './fixture';

const SLUG = '50-jahre-dortmund-leeds';

function header(
  snapshot: ReturnType<typeof fixtureSnapshot>,
  lang = 'de',
  mode: RenderMode = 'web',
): string {
  const view = buildExhibitionView(snapshot, { exhibition: SLUG, lang, mode });
  const html = renderPage(view, 'index.html')!;
  return /<header class="site-header">[\s\S]*?<\/header>/.exec(html)![0];
}

describe('library logo in the bundle header', () => {
  it('shows the logo item’s picture beside the title, with its alt text, in web and kiosk', () => {
    const snapshot = fixtureSnapshot();
    const item = snapshot.items.find((i) => i.media.some((m) => m.kind === 'image'))!;
    const image = item.media.find((m) => m.kind === 'image')!;
    expect(header(snapshot)).not.toContain('site-logo');
    snapshot.manifest.logo = {
      itemId: item.id,
      alt: { de: 'Stadt Dortmund', en: 'City of Dortmund' },
    };
    for (const mode of ['web', 'kiosk'] as const) {
      const de = header(snapshot, 'de', mode);
      expect(de).toMatch(/<p class="site-title">(<a [^>]*>)?<picture class="site-logo">/);
      expect(de).toContain('alt="Stadt Dortmund"');
      // The smallest derivative only, with its size, so the header never shifts.
      expect(de).toMatch(
        new RegExp(
          `<img src="\\.\\./media/${image.sha256.slice(0, 20)}-\\d+\\.jpg" width="\\d+" height="\\d+"`,
        ),
      );
      expect(de).not.toContain('fetchpriority');
    }
    expect(header(snapshot, 'en')).toContain('alt="City of Dortmund"');
    // A language without alt text falls back to the library's default language, marked as such.
    expect(header(snapshot, 'ar')).toContain('alt="Stadt Dortmund" lang="de"');
  });

  it('is decorative without alt text, escapes typed alt text, and vanishes with its item', () => {
    const snapshot = fixtureSnapshot();
    const item = snapshot.items.find((i) => i.media.some((m) => m.kind === 'image'))!;
    snapshot.manifest.logo = { itemId: item.id, alt: {} };
    expect(header(snapshot)).toMatch(/<picture class="site-logo">.*alt=""/);
    snapshot.manifest.logo = { itemId: item.id, alt: { de: HOSTILE.join(' ') } };
    const hostile = header(snapshot);
    expect(hostile).not.toContain('<script>');
    expect(hostile).not.toMatch(/<img src=x/);
    // The hero keeps the page's high fetch priority, not the logo.
    const view = buildExhibitionView(snapshot, { exhibition: SLUG, lang: 'de', mode: 'web' });
    const page = renderPage(view, 'index.html')!;
    expect(page.indexOf('fetchpriority="high"')).toBeGreaterThan(page.indexOf('</header>'));
    snapshot.manifest.logo = { itemId: 'gone', alt: {} };
    expect(header(snapshot)).not.toContain('site-logo');
  });
});
