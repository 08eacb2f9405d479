import { describe, expect, it } from 'vitest';
import { runExhibitionChecks } from '../../../../shared/check';
import { LegalSettings } from '../../../../shared/domain';
import {
  buildExhibitionView,
  renderLanguagePages,
  renderLegalPages,
  type RenderMode,
} from '../../../../shared/render';
import { HOSTILE, fixtureSnapshot } from './fixture';

const SLUG = '50-jahre-dortmund-leeds';
const VERIFIED = { date: '2026-12-03', version: '9.8.7', check: { errors: 0, warnings: 4 } };

function withLegal(legal: unknown) {
  const snapshot = fixtureSnapshot();
  snapshot.manifest = { ...snapshot.manifest, legal: LegalSettings.parse(legal) };
  return snapshot;
}

const view = (snapshot: ReturnType<typeof fixtureSnapshot>, lang: string, mode: RenderMode) =>
  buildExhibitionView(snapshot, { exhibition: SLUG, lang, mode, languages: ['de', 'en', 'ar'] });

describe('legal pages of a web bundle', () => {
  it('renders imprint, privacy notice and a pre-filled accessibility statement', () => {
    const snapshot = withLegal({
      imprint: { de: 'Stadt Dortmund\nFriedensplatz 1' },
      privacy: { de: 'Keine Cookies.' },
      feedbackContact: { de: 'Büro für Internationales' },
      feedbackEmail: 'barrierefreiheit@dortmund.example',
    });
    const pages = renderLegalPages(view(snapshot, 'de', 'web'), { verification: VERIFIED });
    expect(pages.map((p) => p.path)).toEqual([
      'de/imprint.html',
      'de/privacy.html',
      'de/accessibility.html',
    ]);
    const [imprint, privacy, statement] = pages.map((p) => p.content);
    expect(imprint).toContain('<h1>Impressum</h1>');
    expect(imprint).toContain('<p>Stadt Dortmund<br>Friedensplatz 1</p>');
    expect(privacy).toContain('<h1>Datenschutzerklärung</h1>');
    expect(privacy).toContain('Keine Cookies.');
    expect(statement).toContain('<h1>Erklärung zur Barrierefreiheit</h1>');
    expect(statement).toContain('3. Dezember 2026');
    expect(statement).toContain('Vitrine 9.8.7');
    expect(statement).toContain('0 Fehler und 4 Warnungen');
    expect(statement).toContain('axe-core');
    expect(statement).toContain('Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz');
    expect(statement).toContain('href="mailto:barrierefreiheit@dortmund.example"');
    expect(statement).toContain('Büro für Internationales');
  });

  it('says what is missing, and names the library’s own conciliation body when set', () => {
    const bare = withLegal({ country: 'AT' });
    bare.exhibitions[0]!.imprint = {};
    const empty = renderLegalPages(view(bare, 'en', 'web'));
    expect(empty[0]!.content).toContain('has not entered an imprint yet');
    expect(empty[1]!.content).toContain('has not entered a privacy notice yet');
    expect(empty[2]!.content).toContain('Date and check results are filled in at export');
    expect(empty[2]!.content).not.toContain('schlichtungsstelle-bgg');
    const own = renderLegalPages(
      view(withLegal({ conciliation: { de: 'Ombudsstelle des Landes' } }), 'de', 'web'),
    );
    expect(own[2]!.content).toContain('Ombudsstelle des Landes');
    expect(own[2]!.content).not.toContain('schlichtungsstelle-bgg');
  });

  it('escapes everything the library holds', () => {
    const evil = HOSTILE.join('\n');
    const snapshot = withLegal({
      imprint: { de: evil },
      privacy: { de: evil },
      feedbackContact: { de: evil },
      conciliation: { de: evil },
    });
    for (const page of renderLegalPages(view(snapshot, 'de', 'web'), { verification: VERIFIED })) {
      expect(page.content).not.toContain('<img src=x');
      expect(page.content).not.toContain('<script>alert');
      expect(page.content).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
  });

  it('marks German legal text and English fixed text on an Arabic page, which is right to left', () => {
    const snapshot = withLegal({ imprint: { de: 'Stadt Dortmund' } });
    const [imprint, , statement] = renderLegalPages(view(snapshot, 'ar', 'web'), {
      verification: VERIFIED,
    }).map((p) => p.content);
    expect(imprint).toContain('<html lang="ar" dir="rtl"');
    expect(imprint).toContain('<h1>بيانات الناشر</h1>');
    expect(imprint).toContain('<p lang="de" dir="ltr">Stadt Dortmund</p>');
    expect(statement).toContain('<h1>بيان إمكانية الوصول</h1>');
    expect(statement).toContain('<div lang="en" dir="ltr"><p>The publishing body strives');
  });

  it('links the legal pages from every web page’s footer, not from kiosk pages', () => {
    const snapshot = withLegal({});
    for (const page of renderLanguagePages(view(snapshot, 'de', 'web'))) {
      expect(page.content, page.path).toContain('<nav class="legal" aria-label="Rechtliches">');
      expect(page.content).toContain('<a href="imprint.html">Impressum</a>');
      expect(page.content).toContain('<a href="privacy.html">Datenschutzerklärung</a>');
      expect(page.content).toContain(
        '<a href="accessibility.html">Erklärung zur Barrierefreiheit</a>',
      );
    }
    for (const page of renderLanguagePages(view(snapshot, 'de', 'kiosk')))
      expect(page.content, page.path).not.toContain('imprint.html');
  });
});

describe('legal check', () => {
  it('warns in web mode when imprint or privacy notice are missing, pointing at the settings', () => {
    const snapshot = fixtureSnapshot();
    delete snapshot.manifest.legal;
    const id = snapshot.exhibitions[0]!.id;
    const found = (s: typeof snapshot, mode: 'web' | 'kiosk' | 'both') =>
      runExhibitionChecks(s, id, mode).filter((p) => p.rule === 'legal-missing');
    expect(found(snapshot, 'web').map((p) => [p.severity, p.target.path])).toEqual([
      ['warning', 'legal.imprint'],
      ['warning', 'legal.privacy'],
    ]);
    expect(found(snapshot, 'both')).toHaveLength(2);
    expect(found(snapshot, 'kiosk')).toEqual([]);
    const half = withLegal({ imprint: { de: 'Stadt Dortmund' } });
    expect(found(half, 'web').map((p) => p.target.path)).toEqual(['legal.privacy']);
    const full = withLegal({ imprint: { de: 'x' }, privacy: { en: 'y' } });
    expect(found(full, 'web')).toEqual([]);
  });
});
