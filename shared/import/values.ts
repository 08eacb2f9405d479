import { parseEdtf } from '../domain/date';
import { ITEM_KINDS, type ItemKind } from '../domain/item';
import type { Partnership } from '../domain/partnership';
import { RIGHTS_STATEMENTS, type RightsStatementId } from '../domain/rights';

/**
 * Cell values → domain values. Each parser answers `null` for text it does not understand, so
 * the import keeps the original text in its report instead of guessing.
 */

const MONTHS: Record<string, number> = {};
[
  ['januar', 'jänner', 'january', 'jan', 'janvier'],
  ['februar', 'feber', 'february', 'feb', 'février', 'fevrier'],
  ['märz', 'maerz', 'march', 'mar', 'mär', 'mars'],
  ['april', 'apr', 'avril'],
  ['mai', 'may'],
  ['juni', 'june', 'jun', 'juin'],
  ['juli', 'july', 'jul', 'juillet'],
  ['august', 'aug', 'août', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['oktober', 'october', 'okt', 'oct', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['dezember', 'december', 'dez', 'dec', 'décembre', 'decembre'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const pad = (n: number | string, w = 2) => String(n).padStart(w, '0');

function year(text: string): string | null {
  return /^\d{4}$/.test(text) ? text : null;
}

/** One point in time (no range): ISO, German, month names, decades, "um 1970". */
function parsePoint(raw: string): string | null {
  let text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let circa = false;
  const approx = /^(?:um|ca\.?|circa|c\.|etwa|vers|around|approx\.?)\s*(.+)$/.exec(text);
  if (approx) {
    circa = true;
    text = approx[1]!.trim();
  }
  if (text.endsWith('?') || text.endsWith('~')) {
    circa = true;
    text = text.slice(0, -1).trim();
  }
  const mark = (v: string | null) => (v && circa ? `${v}~` : v);
  let m: RegExpExecArray | null;
  if (/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(text)) return mark(text);
  // 12.05.1969, 1.5.1969, 12/05/1969 (day first, as in Germany and most of Europe)
  if ((m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text)))
    return mark(`${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`);
  // 05.1969, 5/1969
  if ((m = /^(\d{1,2})[./](\d{4})$/.exec(text))) return mark(`${m[2]}-${pad(m[1]!)}`);
  // 12. Mai 1969, 12 May 1969, Mai 1969, May 12, 1969
  if ((m = /^(?:(\d{1,2})\.?\s+)?([a-zäéû]+)\.?\s+(\d{4})$/.exec(text))) {
    const month = MONTHS[m[2]!];
    if (month) return mark(`${m[3]}-${pad(month)}${m[1] ? `-${pad(m[1])}` : ''}`);
  }
  if ((m = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text))) {
    const month = MONTHS[m[1]!];
    if (month) return mark(`${m[3]}-${pad(month)}-${pad(m[2]!)}`);
  }
  // 1970er, 1970er Jahre, 1970er-Jahre, 1970s, 197X
  if ((m = /^(\d{3})0(?:er(?:[ -]?jahre)?|s|'s)$/.exec(text))) return mark(`${m[1]}X`);
  if ((m = /^(\d{3})x$/.exec(text))) return mark(`${m[1]}X`);
  return year(text) ? mark(text) : null;
}

/**
 * A date cell as EDTF (shared/domain/date.ts): `12.05.1969`, `1969-05-12`, `Mai 1969`,
 * `um 1970`, `1970er`, `1974–1980`, `1974/1980`, `zwischen 1974 und 1980`. Answers null when the
 * text is not understood (the caller reports it and keeps the text).
 */
export function parseDateCell(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  const direct = parsePoint(text);
  if (direct && parseEdtf(direct)) return direct;
  const between = /^(?:zwischen|between)\s+(.+?)\s+(?:und|and)\s+(.+)$/i.exec(text);
  const parts = between
    ? [between[1]!, between[2]!]
    : text.split(/\s*(?:\/|–|—|\s-\s|\bbis\b|\bto\b)\s*|(?<=^\d{4})-(?=\d{4}$)/i);
  if (parts.length !== 2) return null;
  const a = parsePoint(parts[0]!);
  const b = parsePoint(parts[1]!);
  if (!a || !b) return null;
  const range = `${a}/${b}`;
  return parseEdtf(range) ? range : null;
}

function normalizeUrl(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/(deed|legalcode)(\.[a-z-]+)?$/, '/')
    .replace(/\/?$/, '/')
    .replace('rightsstatements.org/page/', 'rightsstatements.org/vocab/')
    .replace(/\?.*$/, '');
}

function normalizeName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^cc[- ]/, 'cc ')
    .replace(/[-_]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ (international|deutschland)$/, '');
}

const RIGHTS_BY_KEY = new Map<string, RightsStatementId>();
for (const r of RIGHTS_STATEMENTS) {
  RIGHTS_BY_KEY.set(normalizeUrl(r.url), r.id);
  RIGHTS_BY_KEY.set(normalizeName(r.id), r.id);
  RIGHTS_BY_KEY.set(normalizeName(r.label.de), r.id);
  RIGHTS_BY_KEY.set(normalizeName(r.label.en), r.id);
}
RIGHTS_BY_KEY.set('cc0', 'CC0-1.0');
RIGHTS_BY_KEY.set('public domain', 'PDM-1.0');
RIGHTS_BY_KEY.set('gemeinfrei', 'PDM-1.0');

/** A Creative Commons name or URL, or a rightsstatements.org URI, as a statement id. */
export function parseRightsCell(raw: string): RightsStatementId | null {
  const text = raw.trim();
  if (text === '') return null;
  if (/^https?:\/\//i.test(text)) return RIGHTS_BY_KEY.get(normalizeUrl(text)) ?? null;
  const name = normalizeName(text);
  const known = RIGHTS_BY_KEY.get(name);
  if (known) return known;
  // "CC BY-SA" without a version means the current one, 4.0.
  return RIGHTS_BY_KEY.get(`${name} 4.0`) ?? RIGHTS_BY_KEY.get(`${name} 1.0`) ?? null;
}

const KIND_WORDS: Record<string, ItemKind> = {
  foto: 'image',
  photo: 'image',
  photograph: 'image',
  fotografie: 'image',
  bild: 'image',
  stillimage: 'image',
  plakat: 'image',
  poster: 'image',
  postkarte: 'image',
  ton: 'audio',
  sound: 'audio',
  tonaufnahme: 'audio',
  film: 'video',
  movingimage: 'video',
  dokument: 'document',
  pdf: 'document',
  brief: 'text',
  letter: 'text',
  urkunde: 'document',
};

/** `image`, `Foto`, `StillImage`, `image/jpeg` (CollectionBuilder's format), `Brief` → a kind. */
export function parseKindCell(raw: string): ItemKind | null {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/^dctype:/, '');
  if (text === '') return null;
  if ((ITEM_KINDS as readonly string[]).includes(text)) return text as ItemKind;
  const mime = /^(image|audio|video)\//.exec(text);
  if (mime) return mime[1] as ItemKind;
  if (text === 'application/pdf') return 'document';
  for (const word of text.split(/[;,|/\s]+/)) {
    const kind =
      KIND_WORDS[word] ?? ((ITEM_KINDS as readonly string[]).includes(word) ? word : null);
    if (kind) return kind as ItemKind;
  }
  return null;
}

function fold(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[-–\s]+/g, ' ');
}

/** Looks a partner city up by its id or its name in any of its languages ("Leeds", "Ростов-на-Дону"). */
export function partnershipMatcher(partnerships: readonly Partnership[]) {
  const byKey = new Map<string, string>();
  for (const p of partnerships) {
    byKey.set(fold(p.id), p.id);
    for (const name of Object.values(p.city)) if (name.trim()) byKey.set(fold(name), p.id);
  }
  return (raw: string): string | null => byKey.get(fold(raw)) ?? null;
}

/** Splits a multi-value cell and drops blanks and repeats. */
export function splitValues(raw: string, separator = ';'): string[] {
  const seen = new Set<string>();
  for (const part of raw.split(separator)) {
    const v = part.trim();
    if (v) seen.add(v);
  }
  return [...seen];
}

/** A cell that a spreadsheet would run as a formula (OWASP CSV injection). */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value) && !/^[-+]?\d+([.,]\d+)?$/.test(value.trim());
}
