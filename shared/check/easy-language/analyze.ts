import type { Severity } from '../problem';

/**
 * The text rules for Leichte Sprache, as pure functions over plain text. Sources: the rules of the
 * Netzwerk Leichte Sprache ("Die Regeln für Leichte Sprache"), DIN SPEC 33429:2025 and BITV 2.0
 * Anlage 2 Teil 2. No German morphology package is used: the npm `hyphen` patterns split
 * syllables, not compounds, so compound heads come from a short tested word list instead.
 * Rules that can only guess (genitive, clauses, compounds) are warnings or hints; the rules that
 * are errors were measured at precision ≥ 0.9 on the labelled set in tests.
 */

export type EasyRuleId =
  | 'ls-sentence-length'
  | 'ls-clause'
  | 'ls-passive'
  | 'ls-genitive'
  | 'ls-subjunctive'
  | 'ls-negation'
  | 'ls-abbreviation'
  | 'ls-compound'
  | 'ls-number-word'
  | 'ls-percent'
  | 'ls-old-date'
  | 'ls-special-character'
  | 'ls-quotation';

export const EASY_RULE_SEVERITY: Record<EasyRuleId, Severity> = {
  'ls-sentence-length': 'error',
  'ls-passive': 'error',
  'ls-subjunctive': 'error',
  'ls-abbreviation': 'error',
  'ls-clause': 'warning',
  'ls-genitive': 'warning',
  'ls-compound': 'warning',
  'ls-number-word': 'warning',
  'ls-special-character': 'warning',
  'ls-quotation': 'warning',
  'ls-negation': 'info',
  'ls-percent': 'info',
  'ls-old-date': 'info',
};

export interface EasyFinding {
  rule: EasyRuleId;
  severity: Severity;
  /** The sentence the finding is about, as written. */
  sentence: string;
  /** The words that triggered it. */
  match: string;
  hint: { de: string; en: string };
}

export interface EasyOptions {
  /** Words a sentence may have (Netzwerk: short sentences; 15 is the usual upper limit). */
  maxWords: number;
  /** Letters from which a noun counts as a long compound. */
  compoundMinLength: number;
  compoundSeparator: 'hyphen' | 'mediopunkt';
  /** Years before this in running text get a hint ("vor langer Zeit"). */
  oldYearBefore: number;
}

export const DEFAULT_EASY_OPTIONS: EasyOptions = {
  maxWords: 15,
  compoundMinLength: 14,
  compoundSeparator: 'hyphen',
  oldYearBefore: 1900,
};

/** Abbreviations with dots; a dot after them does not end a sentence. */
const ABBREVIATIONS = [
  'z. B.',
  'z.B.',
  'd. h.',
  'd.h.',
  'u. a.',
  'u.a.',
  'usw.',
  'bzw.',
  'ca.',
  'Nr.',
  'etc.',
  'evtl.',
  'ggf.',
  'vgl.',
  'inkl.',
  'zzgl.',
  'Str.',
  'Tel.',
];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ABBREVIATION_RE = new RegExp(
  `(?<![\\p{L}])(?:${ABBREVIATIONS.map((a) => escapeRe(a).replace(/\\ /g, '\\s?')).join('|')})`,
  'gu',
);

/**
 * Splits text into sentences: at line breaks (Leichte Sprache puts one statement per line) and
 * after . ! ? : before a capital letter, but not after a known abbreviation or an ordinal ("3.").
 */
export function splitSentences(text: string): string[] {
  const DOT = '\uE000'; // a private-use character stands in for dots that end no sentence
  const out: string[] = [];
  for (const raw of text.split(/\n+/)) {
    const line = raw
      .replace(ABBREVIATION_RE, (a) => a.replace(/\./g, DOT))
      .replace(/\b(\d{1,2})\.(?=\s)/g, `$1${DOT}`); // ordinals: "am 3. März"
    let start = 0;
    const re = /[.!?:]+["“”»']?\s+(?=[\p{Lu}„"«\d])/gu;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      out.push(line.slice(start, m.index + m[0].trimEnd().length));
      start = m.index + m[0].length;
    }
    out.push(line.slice(start));
  }
  return out.map((s) => s.replaceAll(DOT, '.').trim()).filter((s) => /[\p{L}\d]/u.test(s));
}

/** Words: runs of letters/digits, with inner hyphens, Mediopunkt or apostrophes. */
export function words(sentence: string): string[] {
  return sentence.match(/[\p{L}\d]+(?:[-·'’][\p{L}\d]+)*/gu) ?? [];
}

const WERDEN = new Set([
  'werde',
  'wirst',
  'wird',
  'werden',
  'werdet',
  'wurde',
  'wurden',
  'wurdest',
  'wurdet',
  'worden',
]);
/** Words shaped like participles that are adjectives or infinitives after "werden". */
const NOT_PARTICIPLES = new Set([
  'bekannt',
  'berühmt',
  'verwandt',
  'beliebt',
  'gehen',
  'geben',
  'gehören',
  'gewinnen',
  'genießen',
  'gelten',
  'gestalten',
  'gründen',
  'bestehen',
  'verstehen',
  'erleben',
  'entstehen',
  'besuchen',
  'erinnern',
  'verbinden',
  'beginnen',
]);
const SEPARABLE = '(?:ab|an|auf|aus|bei|ein|mit|nach|vor|zu|zurück|weg|her|hin|fest|los|um|dar)';
const PARTICIPLE_RE = new RegExp(
  `^(?:${SEPARABLE}?ge\\p{Ll}{2,}(?:t|en)|${SEPARABLE}?\\p{Ll}*iert|(?:be|ver|er|ent|zer|emp|miss|über|unter)\\p{Ll}{2,}t)$`,
  'u',
);

function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  if (word !== w || NOT_PARTICIPLES.has(w)) return false;
  return PARTICIPLE_RE.test(w);
}

const SUBJUNCTIVE = new Set([
  'würde',
  'würden',
  'würdest',
  'würdet',
  'hätte',
  'hätten',
  'hättest',
  'hättet',
  'könnte',
  'könnten',
  'könntest',
  'wäre',
  'wären',
  'wärest',
  'müsste',
  'müssten',
  'dürfte',
  'dürften',
  'gäbe',
  'käme',
  'kämen',
  'wüsste',
  'ginge',
]);

const NEGATIONS = new Set([
  'nicht',
  'kein',
  'keine',
  'keinen',
  'keinem',
  'keiner',
  'keines',
  'nie',
  'niemals',
  'nichts',
  'niemand',
  'nirgends',
]);

const SUBORDINATORS = [
  'weil',
  'dass',
  'obwohl',
  'wenn',
  'damit',
  'ob',
  'nachdem',
  'bevor',
  'falls',
  'sodass',
  'wobei',
  'indem',
  'seitdem',
  'sobald',
];
const RELATIVES = ['der', 'die', 'das', 'dem', 'den', 'deren', 'dessen', 'welche', 'welcher'];

const NUMBER_WORD_RE =
  /^(?:ein|eins|zwei|drei|vier|fünf|sechs|sech|sieben|sieb|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend|und)+$/;
const SMALL_NUMBER_WORDS = new Set([
  'ein',
  'eins',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'elf',
  'zwölf',
  'und',
  'sech',
  'sieb',
]);

/** Common last parts of compounds, longest first: where a split suggestion can cut. */
const COMPOUND_HEADS = [
  'partnerschaften',
  'partnerschaft',
  'ausstellungen',
  'ausstellung',
  'geschichte',
  'verwaltung',
  'begegnung',
  'besuchern',
  'besucher',
  'freundschaft',
  'sprache',
  'meisterin',
  'meister',
  'programm',
  'partner',
  'museum',
  'schule',
  'straße',
  'städte',
  'gruppe',
  'vertrag',
  'stadt',
  'haus',
  'jahr',
  'fest',
  'amt',
  'rat',
];

export function compoundSuggestion(word: string, separator: EasyOptions['compoundSeparator']) {
  const lower = word.toLowerCase();
  const sep = separator === 'mediopunkt' ? '·' : '-';
  for (const head of COMPOUND_HEADS) {
    if (!lower.endsWith(head) || lower.length - head.length < 4) continue;
    const cut = word.length - head.length;
    const tail = word.slice(cut);
    // With a hyphen the second part starts with a capital (Netzwerk); the Mediopunkt keeps it.
    const second = sep === '-' ? tail[0]!.toUpperCase() + tail.slice(1) : tail;
    return word.slice(0, cut) + sep + second;
  }
  return undefined;
}

const SPECIAL_RE = /[&§;*#~<>=+|\\{}[\]()…%/]/gu;
const OTHER_QUOTES_RE = /["'«»‚‘’”]/gu;

/** All findings for one text. */
export function analyzeEasyText(text: string, options: Partial<EasyOptions> = {}): EasyFinding[] {
  const opts = { ...DEFAULT_EASY_OPTIONS, ...options };
  const findings: EasyFinding[] = [];
  for (const sentence of splitSentences(text)) {
    const push = (rule: EasyRuleId, match: string, hint: EasyFinding['hint']) =>
      findings.push({ rule, severity: EASY_RULE_SEVERITY[rule], sentence, match, hint });
    const ws = words(sentence);
    const lower = ws.map((w) => w.toLowerCase());

    if (ws.length > opts.maxWords)
      push('ls-sentence-length', `${ws.length}`, {
        de: `Der Satz hat ${ws.length} Wörter. Höchstens ${opts.maxWords} Wörter: Teilen Sie ihn in kurze Sätze.`,
        en: `The sentence has ${ws.length} words. At most ${opts.maxWords}: split it into short sentences.`,
      });

    const subordinator = lower.find((w, i) => {
      if (!SUBORDINATORS.includes(w)) return false;
      // "damit" and "ob" are also adverbs/particles; count them only after a comma.
      if (w === 'damit' || w === 'ob') return new RegExp(`,\\s*${w}\\b`, 'iu').test(sentence);
      return i >= 0;
    });
    const relative = RELATIVES.find((r) =>
      new RegExp(`,\\s*(?:(?:mit|von|in|an|auf|für|bei|zu)\\s+)?${r}\\s+\\p{Ll}`, 'u').test(
        sentence,
      ),
    );
    if (subordinator || relative || sentence.includes(';'))
      push('ls-clause', subordinator ?? (relative ? `, ${relative}` : ';'), {
        de: subordinator
          ? `Nebensatz mit „${subordinator}“: Schreiben Sie zwei Sätze. Nur eine Aussage pro Satz.`
          : 'Nur eine Aussage pro Satz: Schreiben Sie den Neben-Satz als eigenen Satz.',
        en: 'One statement per sentence: make the subordinate clause a sentence of its own.',
      });

    for (let i = 0; i < ws.length; i++) {
      if (!WERDEN.has(lower[i]!)) continue;
      const participle = ws.slice(i + 1).find(isParticiple) ?? ws.slice(0, i).find(isParticiple);
      if (participle) {
        push('ls-passive', `${ws[i]} … ${participle}`, {
          de: 'Passiv: Sagen Sie, wer etwas tut. Zum Beispiel: Die Stadt baut das Haus.',
          en: 'Passive voice: say who does it, in the active voice.',
        });
        break;
      }
    }

    const genitive =
      sentence.match(/\b(?:des|eines|meines|deines|seines|ihres|unseres|eures)\s+\p{L}+/iu)?.[0] ??
      sentence.match(/(?<=\S\s)\p{Lu}\p{Ll}+\s+der\s+\p{Lu}\p{Ll}+/u)?.[0];
    if (genitive)
      push('ls-genitive', genitive, {
        de: 'Genitiv: Schreiben Sie „von“. Zum Beispiel: das Rathaus von der Stadt.',
        en: 'Genitive: use “von” instead.',
      });

    const subjunctive = ws.find((w) => SUBJUNCTIVE.has(w.toLowerCase()));
    if (subjunctive)
      push('ls-subjunctive', subjunctive, {
        de: `Konjunktiv „${subjunctive}“: Schreiben Sie klar, was ist. Zum Beispiel: kann statt könnte.`,
        en: `Subjunctive “${subjunctive}”: say plainly what is.`,
      });

    const negation = ws.find((w) => NEGATIONS.has(w.toLowerCase()));
    if (negation)
      push('ls-negation', negation, {
        de: `Verneinung „${negation}“: Wenn möglich positiv sagen. Wenn nötig: nicht fett schreiben.`,
        en: `Negation “${negation}”: say it positively where you can.`,
      });

    for (const m of sentence.matchAll(ABBREVIATION_RE))
      push('ls-abbreviation', m[0], {
        de: `Abkürzung „${m[0]}“: Schreiben Sie das ganze Wort. Zum Beispiel: zum Beispiel statt z. B.`,
        en: `Abbreviation “${m[0]}”: write it out.`,
      });

    for (const w of ws) {
      if (!/^\p{Lu}\p{Ll}+$/u.test(w) || w.length < opts.compoundMinLength) continue;
      const suggestion = compoundSuggestion(w, opts.compoundSeparator);
      const how = opts.compoundSeparator === 'mediopunkt' ? 'Medio·punkt' : 'Binde-Strich';
      push('ls-compound', w, {
        de: suggestion
          ? `Langes Wort: Trennen Sie es mit ${how}: ${suggestion}.`
          : `Langes Wort: Trennen Sie es mit ${how} oder sagen Sie es einfacher.`,
        en: suggestion
          ? `Long compound: split it, e.g. ${suggestion}.`
          : 'Long word: split it or say it more simply.',
      });
    }

    for (const w of lower)
      if (NUMBER_WORD_RE.test(w) && !SMALL_NUMBER_WORDS.has(w))
        push('ls-number-word', w, {
          de: `Zahl als Wort „${w}“: Schreiben Sie Zahlen über 12 als Ziffern.`,
          en: `Number “${w}” as a word: write numbers above twelve in digits.`,
        });

    const percent = sentence.match(/\d+(?:,\d+)?\s?%|\bProzent\b/u)?.[0];
    if (percent)
      push('ls-percent', percent, {
        de: 'Prozent-Zahlen sind schwer: Schreiben Sie zum Beispiel „viele“ oder „die Hälfte“.',
        en: 'Percentages are hard: say “many” or “half” instead.',
      });

    const numericDate = sentence.match(/\b\d{1,2}\.\d{1,2}\.\d{2,4}\b/)?.[0];
    const oldYear = sentence
      .match(/\b1\d{3}\b/g)
      ?.find((y) => Number(y) < opts.oldYearBefore && Number(y) >= 1000);
    if (numericDate || oldYear)
      push('ls-old-date', numericDate ?? oldYear!, {
        de: numericDate
          ? `Datum „${numericDate}“: Schreiben Sie es so: 3. März 2026.`
          : `Jahres-Zahl ${oldYear}: Schreiben Sie zum Beispiel „vor langer Zeit“.`,
        en: numericDate ? 'Write the date with the month as a word.' : 'Say “a long time ago”.',
      });

    const plain = sentence.replace(/\b(?:https?:\/\/|www\.)\S+/g, '');
    const special = [...new Set(plain.match(SPECIAL_RE) ?? [])];
    if (special.length)
      push('ls-special-character', special.join(' '), {
        de: `Sonder-Zeichen ${special.join(' ')}: Schreiben Sie das Wort aus. Zum Beispiel: und statt &.`,
        en: `Special characters ${special.join(' ')}: write the words out.`,
      });

    const quotes = [...new Set(plain.match(OTHER_QUOTES_RE) ?? [])];
    if (quotes.length)
      push('ls-quotation', quotes.join(' '), {
        de: 'Anführungs-Zeichen: Nehmen Sie nur die deutschen Zeichen „ und “.',
        en: 'Quotation marks: use only German „ and “.',
      });
  }
  return findings;
}
