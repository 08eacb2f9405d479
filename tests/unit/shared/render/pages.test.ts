import { describe, expect, it } from 'vitest';
import {
  buildExhibitionView,
  derivativeWidths,
  renderLanguagePages,
  renderNotFound,
  renderPage,
  renderRootIndex,
  renderSitemap,
  searchDocuments,
  type RenderMode,
  type RenderOptions,
} from '../../../../shared/render';
import { HOSTILE, LONG, fixtureSnapshot } from './fixture';

const SLUG = '50-jahre-dortmund-leeds';
const qr: RenderOptions = { qrSvg: (u) => `<svg data-qr="${u.length}"></svg>` };

function renderAll(
  snapshot = fixtureSnapshot(),
  mode: RenderMode = 'web',
  options: RenderOptions = qr,
) {
  const views = ['de', 'en', 'ar'].map((lang) =>
    buildExhibitionView(snapshot, {
      exhibition: SLUG,
      lang,
      mode,
      baseUrl: 'https://example.org/x',
    }),
  );
  const files = views.flatMap((v) => renderLanguagePages(v, options));
  files.push(renderRootIndex(views, options), renderNotFound(views[0]!, options));
  const sitemap = renderSitemap(views);
  if (sitemap) files.push(sitemap);
  return { views, files };
}

/** Tags a browser would create from the output; only our own vocabulary may appear. */
const ALLOWED_TAGS = new Set(
  'html head meta title link script body a header p nav ul ol li main article h1 h2 h3 section figure picture source img span figcaption blockquote cite time audio video details summary svg rect path g circle text footer div form label input button dl dt dd br strong em bdi style'.split(
    ' ',
  ),
);

describe('hostile text', () => {
  for (const hostile of [...HOSTILE, LONG]) {
    it(`stays text in every field: ${JSON.stringify(hostile.slice(0, 30))}`, () => {
      for (const mode of ['web', 'kiosk', 'preview'] as const) {
        const { files } = renderAll(fixtureSnapshot({ text: () => hostile }), mode);
        for (const file of files) {
          const tags = [...file.content.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) =>
            m[1]!.toLowerCase(),
          );
          const unexpected = tags.filter(
            (t) => !ALLOWED_TAGS.has(t) && !(file.path === 'sitemap.xml'),
          );
          expect(unexpected, file.path).toEqual([]);
          expect(file.content).not.toContain('<img src=x');
          expect(file.content).not.toContain('<script>alert');
          expect(file.content).not.toContain("'onmouseover='");
          expect(file.content).not.toMatch(/<script(?![^>]*src="[^"]*assets\/vitrine\.js")/);
        }
        const chapter = files.find((f) => f.path.startsWith('de/01-'))!.content;
        if (hostile === HOSTILE[0]) expect(chapter).toContain('&lt;img src=x onerror=alert(1)&gt;');
        if (hostile === HOSTILE[1])
          expect(chapter).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
        if (hostile === HOSTILE[3])
          expect(chapter).toContain('<bdi>\u202Egnp.exe\u202C &amp; \u2067isolate\u2069</bdi>');
        if (hostile === LONG) expect(chapter).toContain(LONG);
      }
    });
  }
});

describe('pages', () => {
  it('renders byte-identical output for the same input', () => {
    const a = renderAll();
    const b = renderAll(fixtureSnapshot());
    expect(b.files).toEqual(a.files);
  });

  it('renders start, chapter, credits and search pages per language plus root, 404 and sitemap', () => {
    const { files } = renderAll();
    expect(files.map((f) => f.path)).toEqual([
      'de/index.html',
      'de/01-die-anfaenge.html',
      'de/02-damals-und-heute.html',
      'de/credits.html',
      'de/search.html',
      'en/index.html',
      'en/01-the-beginnings.html',
      'en/02-then-and-now.html',
      'en/credits.html',
      'en/search.html',
      'ar/index.html',
      'ar/01-die-anfaenge.html',
      'ar/02-damals-und-heute.html',
      'ar/credits.html',
      'ar/search.html',
      'index.html',
      '404.html',
      'sitemap.xml',
    ]);
  });

  it('writes responsive pictures, eager only for the first image of a page', () => {
    const page = renderAll().files.find((f) => f.path === 'de/01-die-anfaenge.html')!.content;
    const imgs = [...page.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    // The chapter hero repeats the first picture (decorative, alt="") and loads eagerly.
    expect(imgs.length).toBe(5);
    expect(imgs[0]).toContain('alt=""');
    expect(imgs[0]).toContain('fetchpriority="high"');
    expect(imgs[0]).not.toContain('loading="lazy"');
    for (const img of imgs.slice(1)) expect(img).toContain('loading="lazy"');
    for (const img of imgs) expect(img).toMatch(/width="\d+" height="\d+"/);
    expect(page).toContain(
      '<source type="image/avif" srcset="../media/01010101010101010101-480.avif 480w, ../media/01010101010101010101-960.avif 960w, ../media/01010101010101010101-1300.avif 1300w"',
    );
    expect(page).toContain('type="image/webp"');
    // A 300 px image is never upscaled.
    expect(page).toContain('srcset="../media/04040404040404040404-300.jpg 300w"');
  });

  it('uses the asset resolver for every asset URL (the in-app preview points elsewhere)', () => {
    const { files } = renderAll(fixtureSnapshot(), 'preview', {
      assetUrl: (ref) => `vitrine-media://x/${ref.type}`,
    });
    const page = files.find((f) => f.path === 'de/01-die-anfaenge.html')!.content;
    expect(page).toContain('src="vitrine-media://x/image"');
    expect(page).toContain('href="vitrine-media://x/stylesheet"');
    expect(page).not.toContain('../media/');
  });

  it('renders every block kind with its semantics', () => {
    const { files } = renderAll();
    const c1 = files.find((f) => f.path === 'en/01-the-beginnings.html')!.content;
    const c2 = files.find((f) => f.path === 'de/02-damals-und-heute.html')!.content;
    expect(c1).toContain(
      '<figure class="quote"><blockquote><p>Friendship across borders</p></blockquote><figcaption><span class="attribution">Mayor</span> <cite>Interview</cite></figcaption></figure>',
    );
    expect(c1).toContain('<ul class="gallery">');
    // "Then and now": both pictures in one frame under a labelled range input, then the captions.
    expect(c2).toContain(
      '<figure class="comparison has-stage"><div class="compare-stage" data-compare="">',
    );
    expect(c2).toMatch(
      /<input class="compare-range" type="range" min="0" max="100" value="50" aria-label="Damals \/ 2019">/,
    );
    expect(c2).toContain('<span class="label">Damals</span>');
    expect(c2).toContain('<span class="label">2019</span>');
    // Timeline: partnership events and awards ordered by date.
    const times = [
      ...c2.matchAll(
        /<li class="event( award)?">(?:<time datetime="([^"]+)">|<span class="time">)([^<]+)/g,
      ),
    ].map((m) => m[3]);
    expect(times).toEqual(['12. Mai 1969', '1979', 'um 1994', '2011']);
    expect(c2).toContain('<ol class="timeline">');
    // Map: SVG with a title, dots, and an accessible list of places.
    expect(c2).toMatch(/<svg viewBox="0 0 \d+ \d+" role="img" aria-labelledby="b-b7-title"/);
    expect(c2).toContain(
      '<ul class="places"><li><span class="place-name">Leeds</span> <span class="country">(GB)</span>, seit 1969</li>',
    );
    // Audio with transcript, document with size.
    expect(c2).toContain(
      '<audio controls preload="none" src="../files/interview-1-0909090909.mp3">',
    );
    expect(c2).toContain('<summary>Transkript</summary><p>Transkript des Interviews</p>');
    expect(c2).toContain('<span class="filesize">(PDF, 1,2 MB)</span>');
  });

  it('marks Arabic pages right-to-left and fallback text with its own language', () => {
    const { files } = renderAll();
    const ar = files.find((f) => f.path === 'ar/01-die-anfaenge.html')!.content;
    expect(ar).toContain('<html lang="ar" dir="rtl"');
    expect(ar).toContain('<h1 lang="de" dir="ltr">Die Anfänge</h1>');
    const map = files.find((f) => f.path === 'ar/02-damals-und-heute.html')!.content;
    expect(map).toContain('<span class="place-name">دورا</span>');
  });

  it('offers a language switch with hreflang on every page', () => {
    const de = renderAll().files.find((f) => f.path === 'de/credits.html')!.content;
    expect(de).toContain('<a href="../en/credits.html" hreflang="en" lang="en">English</a>');
    expect(de).toContain(
      '<a href="../ar/credits.html" hreflang="ar" lang="ar" dir="rtl">العربية</a>',
    );
    expect(de).toContain(
      '<link rel="alternate" hreflang="en" href="https://example.org/x/en/credits.html">',
    );
  });

  it('lists every item on the credits page with creator, rights and credit line', () => {
    const { views, files } = renderAll();
    const credits = files.find((f) => f.path === 'en/credits.html')!.content;
    expect(views[0]!.items.map((i) => i.id)).toEqual([
      'item-1',
      'item-2',
      'item-3',
      'item-4',
      'item-audio',
      'item-doc',
    ]);
    expect((credits.match(/<li class="credit-entry">/g) ?? []).length).toBe(6);
    expect(credits).toContain(
      '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license noopener">CC BY 4.0</a>',
    );
    expect(credits).toContain('<dd>Stadtarchiv Dortmund</dd>');
    expect(credits).toContain('<dd>Photo: City of Dortmund</dd>');
    expect(credits).toContain('Rights not stated');
  });

  it('adds title, description and Open Graph tags in web mode only', () => {
    const web = renderAll().files.find((f) => f.path === 'en/01-the-beginnings.html')!.content;
    expect(web).toContain('<title>The beginnings – 50 years Dortmund–Leeds</title>');
    expect(web).toContain(
      '<meta property="og:url" content="https://example.org/x/en/01-the-beginnings.html">',
    );
    expect(web).toMatch(
      /<meta property="og:image" content="https:\/\/example\.org\/x\/media\/[0-9a-f]{20}-960\.jpg">/,
    );
    const kiosk = renderAll(fixtureSnapshot(), 'kiosk').files.find(
      (f) => f.path === 'en/01-the-beginnings.html',
    )!.content;
    expect(kiosk).not.toContain('og:');
  });

  it('turns external links into QR codes on kiosk pages and keeps them on the web', () => {
    const kiosk = renderAll(fixtureSnapshot(), 'kiosk').files;
    for (const f of kiosk) expect(f.content, f.path).not.toMatch(/href="(https?:|mailto:)/);
    const c1 = kiosk.find((f) => f.path === 'de/01-die-anfaenge.html')!.content;
    expect(c1).toContain('<span class="external"><strong>Leeds City Council</strong></span>');
    expect(c1).toContain('<svg data-qr="25"></svg>');
    expect(kiosk.find((f) => f.path === 'index.html')!.content).toContain(
      '<meta http-equiv="refresh" content="0; url=de/index.html#attract">',
    );
    const attract = kiosk.find((f) => f.path === 'de/index.html')!.content;
    expect(attract).toContain('Zum Starten berühren');
    expect(attract).toContain('Touch to start');
    expect(attract).toContain('المس للبدء');
    const web = renderAll().files.find((f) => f.path === 'de/01-die-anfaenge.html')!.content;
    expect(web).toContain(
      '<a href="https://www.leeds.gov.uk/" rel="noopener"><strong>Leeds City Council</strong></a>',
    );
  });

  it('writes a sitemap with language alternates only when a base URL is known', () => {
    const sitemap = renderAll().files.find((f) => f.path === 'sitemap.xml')!.content;
    expect(sitemap).toContain('<loc>https://example.org/x/de/01-die-anfaenge.html</loc>');
    expect(sitemap).toContain(
      '<xhtml:link rel="alternate" hreflang="ar" href="https://example.org/x/ar/01-die-anfaenge.html"/>',
    );
    const view = buildExhibitionView(fixtureSnapshot(), {
      exhibition: SLUG,
      lang: 'de',
      mode: 'web',
    });
    expect(renderSitemap([view])).toBeNull();
  });

  it('renders single pages for the preview and knows nothing of unknown files', () => {
    const view = buildExhibitionView(fixtureSnapshot(), {
      exhibition: 'x1',
      lang: 'en',
      mode: 'preview',
    });
    expect(renderPage(view, '02-then-and-now.html')).toContain('<h1>Then and now</h1>');
    expect(renderPage(view, '../../etc/passwd')).toBeNull();
  });

  it('builds search documents for chapters and items', () => {
    const view = buildExhibitionView(fixtureSnapshot(), {
      exhibition: SLUG,
      lang: 'en',
      mode: 'web',
    });
    const docs = searchDocuments(view);
    expect(docs.map((d) => d.id)).toEqual([
      'c-c1',
      'i-item-1',
      'i-item-2',
      'i-item-3',
      'i-item-4',
      'i-item-audio',
      'c-c2',
      'i-item-doc',
    ]);
    expect(docs[1]!.url).toBe('01-the-beginnings.html#b-b2');
  });

  it('fails clearly for an unknown exhibition', () => {
    expect(() =>
      buildExhibitionView(fixtureSnapshot(), { exhibition: 'nope', lang: 'de', mode: 'web' }),
    ).toThrow(/nope/);
  });
});

describe('derivativeWidths', () => {
  it('never upscales and skips near-duplicates of a standard width', () => {
    expect(derivativeWidths(300)).toEqual([300]);
    expect(derivativeWidths(480)).toEqual([480]);
    expect(derivativeWidths(1300)).toEqual([480, 960, 1300]);
    expect(derivativeWidths(1700)).toEqual([480, 960, 1600]);
    expect(derivativeWidths(4000)).toEqual([480, 960, 1600, 2400]);
  });
});
