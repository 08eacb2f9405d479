import { describe, expect, it } from 'vitest';
import { analyzeEasyText } from '../../../../shared/check';
import {
  buildExhibitionView,
  renderLanguagePages,
  renderNotFound,
} from '../../../../shared/render';
import { uiStrings } from '../../../../shared/render/strings';
import { fixtureSnapshot } from './fixture';

function easyPages(mode: 'web' | 'kiosk') {
  const snapshot = fixtureSnapshot();
  const x = snapshot.exhibitions[0]!;
  x.languages = ['de', 'en', 'de-x-ls'];
  x.title['de-x-ls'] = 'Dortmund und Leeds sind Freunde';
  x.chapters[0]!.title['de-x-ls'] = 'So hat es angefangen';
  x.chapters[1]!.title['de-x-ls'] = 'Früher und heute';
  const view = buildExhibitionView(snapshot, { exhibition: 'x1', lang: 'de-x-ls', mode });
  const pages = [
    ...renderLanguagePages(view, { qrSvg: () => '<svg></svg>' }),
    renderNotFound(view),
  ];
  return (path: string) => pages.find((f) => f.path.endsWith(path))!.content;
}

describe('the fixed texts of the Leichte Sprache pages', () => {
  const easy = uiStrings('de-x-ls');
  const german = uiStrings('de');

  it('is a whole catalogue of its own, not German with a few words swapped', () => {
    expect(Object.keys(easy).sort()).toEqual(Object.keys(german).sort());
    const own = Object.keys(easy).filter(
      (key) => easy[key as keyof typeof easy] !== german[key as keyof typeof german],
    );
    // Words that are already easy German (Start, Suche, Karte …) may stay as they are.
    expect(own.length).toBeGreaterThan(Object.keys(easy).length * 0.6);
  });

  it('passes the Leichte Sprache rules the check applies to curators (hints allowed)', () => {
    // Plural phrases ("{n} Dinge") are checked form by form; placeholders as the page shows them.
    const texts = (strings: object): [string, string][] =>
      Object.entries(strings).flatMap(([key, value]) =>
        typeof value === 'string'
          ? [[key, value.replace('{n}', '2').replace('{total}', '5')] as [string, string]]
          : Object.entries(value as Record<string, string>).map(
              ([form, text]) => [`${key}.${form}`, text.replace('{n}', '5')] as [string, string],
            ),
      );
    const findings = texts(easy).flatMap(([key, text]) =>
      analyzeEasyText(text)
        .filter((f) => f.severity !== 'info')
        .map((f) => `${key}: ${f.rule} „${f.sentence}“`),
    );
    expect(findings).toEqual([]);
    // The same texts in standard German do not all pass: the test can tell the two apart.
    const germanFindings = texts(german).flatMap(([, text]) =>
      analyzeEasyText(text).filter((f) => f.severity !== 'info'),
    );
    expect(germanFindings.length).toBeGreaterThan(0);
  });

  it('shows them on the pages: navigation, pager, credits, 404 and kiosk prompts', () => {
    const web = easyPages('web');
    const chapter = web(/href="(01-[^"]+\.html)"/.exec(web('index.html'))![1]!);
    expect(web('index.html')).toContain('<a class="skip-link" href="#main">Direkt zum Text</a>');
    expect(web('index.html')).toContain('aria-label="Teile"');
    expect(chapter).toContain('<span class="pager-label">Weiter</span>');
    expect(web('credits.html')).toContain('<h1>Nachweise</h1>');
    expect(web('404.html')).toContain('Diese Seite gibt es nicht');
    expect(web('404.html')).not.toContain('Seite nicht gefunden');
    const kiosk = easyPages('kiosk')('index.html');
    expect(kiosk).toContain('Sind Sie noch da?');
    expect(kiosk).not.toContain('Noch da?<');
  });
});
