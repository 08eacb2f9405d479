import { describe, expect, it } from 'vitest';
import { buildExhibitionView, renderLanguagePages } from '../../../../shared/render';
import { fixtureSnapshot } from './fixture';

/** The fixture exhibition with a Leichte Sprache version of its titles. */
function easySnapshot() {
  const snapshot = fixtureSnapshot();
  const x = snapshot.exhibitions[0]!;
  x.languages = ['de', 'en', 'de-x-ls'];
  x.title['de-x-ls'] = 'Dortmund und Leeds sind Freunde';
  x.chapters[0]!.title['de-x-ls'] = 'So hat es angefangen';
  x.chapters[1]!.title['de-x-ls'] = 'Früher und heute';
  return snapshot;
}

const render = (lang: string, mode: 'web' | 'kiosk') =>
  renderLanguagePages(buildExhibitionView(easySnapshot(), { exhibition: 'x1', lang, mode }), {
    qrSvg: () => '<svg></svg>',
  });

describe('Leichte Sprache pages', () => {
  it('lives in its own folder with lang="de-x-ls" and hreflang alternates', () => {
    const start = render('de-x-ls', 'web').find((f) => f.path === 'de-x-ls/index.html')!;
    expect(start.content).toMatch(/<html lang="de-x-ls"/);
    expect(start.content).toContain('hreflang="de"');
    const german = render('de', 'web').find((f) => f.path === 'de/index.html')!.content;
    expect(german).toContain('hreflang="de-x-ls" lang="de-x-ls">Leichte Sprache</a>');
    expect(german).not.toContain('easy-start');
  });

  it('has the BITV 2.0 § 4 start-page elements, generated from the exhibition', () => {
    const start = render('de-x-ls', 'web').find((f) => f.path === 'de-x-ls/index.html')!.content;
    for (const heading of [
      'Das steht auf diesen Seiten',
      'So finden Sie sich zurecht',
      'Barriere-Freiheit',
      'Mehr in Leichter Sprache',
    ])
      expect(start).toContain(heading);
    expect(start).toContain('Die Ausstellung hat 2 Teile.');
    expect(start).toMatch(/<a href="01-[^"]+\.html">So hat es angefangen<\/a>/);
    expect(start).toContain(
      '<a href="../de/index.html" hreflang="de" lang="de" dir="ltr">Deutsch</a>',
    );
  });

  it('offers "Leichte Sprache" beside the other languages on the kiosk attract screen', () => {
    const start = render('de', 'kiosk').find((f) => f.path === 'de/index.html')!.content;
    const attract = start.slice(start.indexOf('class="attract-start"'));
    expect(attract).toContain(
      'lang="de-x-ls" dir="ltr" data-start="">Leichte Sprache: Hier tippen</a>',
    );
    expect(attract).toContain('lang="de" dir="ltr" data-start="">Zum Starten berühren</a>');
  });
});
