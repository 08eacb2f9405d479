import { isEasyGerman, textDirection } from '../domain/language';
import { join, markup, userText, type Html } from './html';
import { LEGAL_PAGES } from './legal-files';
import type { ExhibitionView, LocalText } from './model';
import { renderFramedPage, type RenderedFile, type RenderOptions } from './pages';
import { uiStrings } from './strings';

/**
 * The legal pages of a web bundle: imprint (§ 5 DDG), privacy notice and the accessibility
 * statement after the model of BITV 2.0 § 7 (Anlage 2, Muster-Erklärung). The statement is
 * pre-filled with what Vitrine verified at export; the publishing body remains responsible
 * for its content and for the compliance status it declares.
 */

/** axe-core run by the export over its own pages, without a browser (jsdom). */
export interface AxeAudit {
  version: string;
  pages: number;
  /** Offending elements over all pages (0 is the goal). */
  violations: number;
  failing: Array<{ page: string; rule: string; count: number }>;
  /** Rules that need a layout and were left to other checks (colour contrast, target size). */
  skippedRules: string[];
}

/** The Nu Html Checker run by the export, when Java and vnu.jar were on this machine. */
export interface NuAudit {
  version: string;
  pages: number;
  errors: number;
}

/** What the export verified, written into the accessibility statement. */
export interface ExportVerification {
  /** Day of the export, `YYYY-MM-DD`. */
  date: string;
  /** Vitrine's version. */
  version: string;
  /**
   * Findings of the pre-publication check the export ran; `contrast` counts its theme-contrast
   * findings (text/background pairs of the theme under WCAG AA), reported on their own because
   * they stand in for axe's colour-contrast rule, which needs a browser.
   */
  check: { errors: number; warnings: number; contrast?: number };
  /** axe-core over the exported pages, when the export ran it (`verify`). */
  axe?: AxeAudit;
  /** Nu over the exported pages, when it could run; absent means it did not. */
  nu?: NuAudit;
}

export interface LegalRenderOptions extends RenderOptions {
  verification?: ExportVerification;
}

type Lang = 'de' | 'en';

/** A conciliation body per country (BITV 2.0 § 7 (1) 3; in Germany § 16 BGG). */
const CONCILIATION: Record<string, Record<Lang, { text: string; url: string; email: string }>> = {
  DE: {
    de: {
      text: 'Bei Konflikten zur Barrierefreiheit zwischen Menschen mit Behinderungen und öffentlichen Stellen können Sie sich an die Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG) beim Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen wenden. Das Schlichtungsverfahren ist kostenlos; ein Rechtsbeistand ist nicht nötig.',
      url: 'https://www.schlichtungsstelle-bgg.de',
      email: 'info@schlichtungsstelle-bgg.de',
    },
    en: {
      text: 'For disputes about accessibility between people with disabilities and public bodies, you can turn to the conciliation body under § 16 of the German Disability Equality Act (Schlichtungsstelle BGG) at the Federal Government Commissioner for Matters relating to Persons with Disabilities. The procedure is free of charge and needs no lawyer.',
      url: 'https://www.schlichtungsstelle-bgg.de',
      email: 'info@schlichtungsstelle-bgg.de',
    },
  },
};

const TEXT: Record<Lang, Record<string, string>> = {
  de: {
    missingImprint: 'Die veröffentlichende Stelle hat noch kein Impressum hinterlegt.',
    missingPrivacy: 'Die veröffentlichende Stelle hat noch keine Datenschutzerklärung hinterlegt.',
    scope:
      'Die veröffentlichende Stelle ist bemüht, diese Ausstellung im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der Richtlinie (EU) 2016/2102 barrierefrei zugänglich zu machen. Diese Erklärung gilt für die Web-Ausstellung „{title}“.',
    statusTitle: 'Stand der Vereinbarkeit mit den Anforderungen',
    status:
      'Die Seiten wurden bei der Erstellung automatisch geprüft (siehe unten). Automatische Prüfungen finden nicht jede Barriere; die abschließende Bewertung der Vereinbarkeit mit der BITV 2.0 trifft die veröffentlichende Stelle.',
    methodTitle: 'Erstellung dieser Erklärung',
    created:
      'Diese Erklärung wurde am {date} mit Vitrine {version} beim Export der Ausstellung erstellt. Grundlage ist eine Selbstbewertung.',
    checkRun:
      'Die Prüfung vor der Veröffentlichung fand {errors} Fehler und {warnings} Warnungen. Sie prüft unter anderem Alternativtexte aller Bilder, Transkripte von Ton- und Videoaufnahmen, fehlende Übersetzungen, Bildgrößen und Rechteangaben.',
    templates:
      'Die Seitenvorlagen dieser Vitrine-Version werden vor jeder Veröffentlichung von Vitrine in Chromium mit axe-core (WCAG 2.x A/AA) und dem Nu Html Checker geprüft; jede Seite ist ohne JavaScript lesbar, per Tastatur bedienbar und kennzeichnet die Sprache jedes Textes.',
    contrast:
      'Die Farben des Designs wurden auf Kontrast nach WCAG AA (4,5:1) geprüft: {count} Text-/Hintergrund-Paare liegen darunter.',
    axe: 'axe-core {version} prüfte beim Export alle {pages} Seiten nach den Regeln der WCAG 2.0 bis 2.2, Stufen A und AA, ohne Browser (so, wie die Seiten ohne JavaScript vorliegen; diese Erklärung vor dem Eintragen der Ergebnisse) und fand {count} Verstöße.',
    axeSkipped:
      'Regeln, die das berechnete Layout brauchen ({rules}), laufen ohne Browser nicht; den Farbkontrast deckt die Kontrastprüfung des Designs ab, die Größe der Bedienelemente die Prüfungen der Seitenvorlagen.',
    axeNotRun: 'axe-core lief bei diesem Export nicht über die Seiten.',
    nu: 'Der Nu Html Checker {version} prüfte beim Export alle {pages} Seiten auf gültiges HTML und fand {count} Fehler.',
    nuNotRun:
      'Die HTML-Gültigkeit wurde bei diesem Export nicht geprüft (auf dem exportierenden Rechner fehlen Java oder der Nu Html Checker); sie beruht auf den Prüfungen der Seitenvorlagen von Vitrine {version}.',
    pending: 'Datum und Prüfergebnisse werden beim Export eingetragen.',
    feedbackTitle: 'Feedback und Kontaktangaben',
    feedback:
      'Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Dann wenden Sie sich bitte an:',
    feedbackMissing: 'Die veröffentlichende Stelle hat noch keinen Kontakt hinterlegt.',
    conciliationTitle: 'Schlichtungsverfahren',
    conciliationMissing:
      'Die veröffentlichende Stelle nennt hier die für sie zuständige Durchsetzungs- oder Schlichtungsstelle.',
  },
  en: {
    missingImprint: 'The publishing body has not entered an imprint yet.',
    missingPrivacy: 'The publishing body has not entered a privacy notice yet.',
    scope:
      'The publishing body strives to make this exhibition accessible in accordance with the German Barrier-Free Information Technology Ordinance (BITV 2.0) and Directive (EU) 2016/2102. This statement applies to the web exhibition “{title}”.',
    statusTitle: 'Compliance status',
    status:
      'The pages were checked automatically when they were made (see below). Automatic checks do not find every barrier; the final assessment of compliance with BITV 2.0 is made by the publishing body.',
    methodTitle: 'Preparation of this statement',
    created:
      'This statement was prepared on {date} by Vitrine {version} when the exhibition was exported. It is based on a self-assessment.',
    checkRun:
      'The pre-publication check found {errors} errors and {warnings} warnings. Among other things it checks the text alternatives of all images, transcripts of audio and video recordings, missing translations, image sizes and rights statements.',
    templates:
      'Before every Vitrine release, the page templates of this version are tested in Chromium with axe-core (WCAG 2.x A/AA) and the Nu Html Checker; every page is readable without JavaScript, operable by keyboard and marks the language of every text.',
    contrast:
      'The theme’s colours were checked for WCAG AA contrast (4.5:1): {count} text/background pairs fall below it.',
    axe: 'axe-core {version} checked all {pages} pages at export against the WCAG 2.0 to 2.2 level A and AA rules, without a browser (the pages as they are without JavaScript; this statement before its results were entered), and found {count} violations.',
    axeSkipped:
      'Rules that need the computed layout ({rules}) cannot run without a browser; colour contrast is covered by the theme’s contrast check, the size of controls by the tests of the page templates.',
    axeNotRun: 'axe-core was not run over the pages at this export.',
    nu: 'The Nu Html Checker {version} checked all {pages} pages for valid HTML at export and found {count} errors.',
    nuNotRun:
      'HTML validity was not checked at this export (the exporting computer lacks Java or the Nu Html Checker); it rests on the tests of the page templates of Vitrine {version}.',
    pending: 'Date and check results are filled in at export.',
    feedbackTitle: 'Feedback and contact information',
    feedback: 'Have you noticed a barrier to access? Please contact:',
    feedbackMissing: 'The publishing body has not entered a contact yet.',
    conciliationTitle: 'Conciliation procedure',
    conciliationMissing:
      'The publishing body names the enforcement or conciliation body responsible for it here.',
  },
};

/** The legal texts' language: German for German pages, English (marked as such) otherwise. */
function textLang(lang: string): Lang {
  return lang === 'de' || lang.startsWith('de-') || isEasyGerman(lang) ? 'de' : 'en';
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

/** Paragraphs of a text the library holds; marked with its language when it fell back. */
function userParagraphs(view: ExhibitionView, t: LocalText): Html {
  const attrs =
    t.lang === view.lang
      ? markup``
      : textDirection(t.lang) !== view.dir
        ? markup` lang="${t.lang}" dir="${textDirection(t.lang)}"`
        : markup` lang="${t.lang}"`;
  return join(
    t.text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map(
        (p) =>
          markup`<p${attrs}>${join(
            p.split('\n').map((line) => userText(line)),
            '<br>',
          )}</p>`,
      ),
  );
}

/** A block of fixed legal text; wrapped in `lang`/`dir` when it is not in the page's language. */
function fixedText(view: ExhibitionView, lang: Lang, body: Html): Html {
  if (lang === view.lang) return body;
  return markup`<div lang="${lang}"${view.dir === 'rtl' ? markup` dir="ltr"` : ''}>${body}</div>`;
}

function formatDate(date: string, lang: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}

/**
 * One line per check, saying exactly what ran at this export and what it found; a check that did
 * not run is named as not run, never implied.
 */
function verificationItems(t: Record<string, string>, v: ExportVerification): Html[] {
  const items: string[] = [
    fill(t.checkRun!, { errors: v.check.errors, warnings: v.check.warnings }),
  ];
  if (v.check.contrast !== undefined) items.push(fill(t.contrast!, { count: v.check.contrast }));
  if (v.axe) {
    items.push(
      fill(t.axe!, { version: v.axe.version, pages: v.axe.pages, count: v.axe.violations }),
    );
    if (v.axe.skippedRules.length)
      items.push(fill(t.axeSkipped!, { rules: v.axe.skippedRules.join(', ') }));
  } else items.push(t.axeNotRun!);
  items.push(
    v.nu
      ? fill(t.nu!, { version: v.nu.version, pages: v.nu.pages, count: v.nu.errors })
      : fill(t.nuNotRun!, { version: v.version }),
  );
  items.push(t.templates!);
  return items.map((text) => markup`<li>${text}</li>`);
}

function statement(view: ExhibitionView, verification: ExportVerification | undefined): Html {
  const lang = textLang(view.lang);
  const t = TEXT[lang];
  const legal = view.legal;
  const method = verification
    ? markup`<p>${fill(t.created!, { date: formatDate(verification.date, lang), version: verification.version })}</p><ul class="verification">${verificationItems(t, verification)}</ul>`
    : markup`<p>${t.pending}</p><ul class="verification"><li>${t.templates}</li></ul>`;
  const email = legal.feedbackEmail
    ? markup`<p><a href="mailto:${legal.feedbackEmail}">${legal.feedbackEmail}</a></p>`
    : markup``;
  const f = (html: Html) => fixedText(view, lang, html);
  const feedback =
    legal.feedbackContact || legal.feedbackEmail
      ? markup`${f(markup`<p>${t.feedback}</p>`)}${legal.feedbackContact ? userParagraphs(view, legal.feedbackContact) : ''}${email}`
      : f(markup`<p>${t.feedbackMissing}</p>`);
  const body = CONCILIATION[legal.country]?.[lang];
  const conciliation = legal.conciliation
    ? userParagraphs(view, legal.conciliation)
    : body
      ? f(
          markup`<p>${body.text}</p><p><a href="${body.url}">${body.url.replace(/^https:\/\//, '')}</a> · <a href="mailto:${body.email}">${body.email}</a></p>`,
        )
      : f(markup`<p>${t.conciliationMissing}</p>`);
  return markup`${f(markup`<p>${fill(t.scope!, { title: view.title.text })}</p><h2>${t.statusTitle}</h2><p>${t.status}</p><h2>${t.methodTitle}</h2>${method}<h2>${t.feedbackTitle}</h2>`)}${feedback}${f(markup`<h2>${t.conciliationTitle}</h2>`)}${conciliation}`;
}

/** Imprint, privacy notice and accessibility statement of one language (web bundles only). */
export function renderLegalPages(
  view: ExhibitionView,
  options: LegalRenderOptions = {},
): RenderedFile[] {
  const s = uiStrings(view.lang);
  const lang = textLang(view.lang);
  const missing = (key: 'missingImprint' | 'missingPrivacy') =>
    fixedText(view, lang, markup`<p class="missing">${TEXT[lang][key]}</p>`);
  const mains: Record<(typeof LEGAL_PAGES)[number]['kind'], Html> = {
    imprint:
      view.legal.imprint || view.imprint
        ? markup`${view.legal.imprint ? userParagraphs(view, view.legal.imprint) : ''}${
            view.imprint ? userParagraphs(view, view.imprint) : ''
          }`
        : missing('missingImprint'),
    privacy: view.legal.privacy
      ? userParagraphs(view, view.legal.privacy)
      : missing('missingPrivacy'),
    accessibility: statement(view, options.verification),
  };
  return LEGAL_PAGES.map((page) =>
    renderFramedPage(view, options, {
      kind: page.kind,
      file: page.file,
      title: s[page.title],
      description: `${s[page.title]} – ${view.title.text}`,
      main: markup`<article class="legal-page"><h1>${s[page.title]}</h1>${mains[page.kind]}</article>`,
    }),
  );
}
