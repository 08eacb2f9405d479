import { parseEdtf } from './date';
import { SCHEMA_VERSION } from './library';
import { RIGHTS_STATEMENTS } from './rights';

/**
 * Schema migrations, pure and platform-neutral: the store reads the files of an older library
 * into a `RawLibrary` (layout is the store's business), runs `migrate`, and only then validates.
 * Every step keeps each collection's order and length, so a validation error after migrating can
 * still name the entity's place in the file it came from.
 *
 * Version 1 (the first release) differs from version 2 in the items:
 * - `date` was free text: ISO dates or phrases such as "ca. 1975"; version 2 uses EDTF.
 * - `rights` was a plain string: a statement id such as "CC-BY-4.0", or free text.
 * - `credit` was a plain string; version 2 keeps it in `rights.creditLine[defaultLanguage]`.
 * (Version 1 also kept all items in one file; the store handles that.)
 */
export const FIRST_SCHEMA_VERSION = 1;

export interface RawLibrary {
  manifest: Record<string, unknown>;
  items: unknown[];
  partnerships: unknown[];
  awards: unknown[];
  exhibitions: unknown[];
  /** What a migration could not carry over one to one, for people to check (German, English). */
  notes?: { de: string; en: string }[];
}

type Step = (raw: RawLibrary) => RawLibrary;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const CIRCA = /^(?:ca\.?|circa|c\.|um|etwa|approx\.?|vers)\s*/i;

function pad4(year: string): string {
  return year.padStart(4, '0');
}

/**
 * Turns the free-text dates of version 1 into EDTF. Returns null when the text has no form we
 * can read with confidence; the caller keeps the text elsewhere instead of guessing.
 */
export function freeTextDateToEdtf(text: string): string | null {
  let t = text.trim();
  if (t === '') return null;
  if (parseEdtf(t)) return t;
  let circa = false;
  if (CIRCA.test(t)) {
    circa = true;
    t = t.replace(CIRCA, '').trim();
  }
  if (t.endsWith('?')) {
    circa = true;
    t = t.slice(0, -1).trim();
  }
  const mark = circa ? '~' : '';
  // An ISO timestamp: only the calendar day matters for archival material.
  const stamp = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (stamp) return parseEdtf(stamp[1]!) ? stamp[1]! + mark : null;
  // German day form "12.05.1974" and month form "05.1974".
  const deDay = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (deDay) {
    const v = `${deDay[3]}-${deDay[2]!.padStart(2, '0')}-${deDay[1]!.padStart(2, '0')}${mark}`;
    return parseEdtf(v) ? v : null;
  }
  const deMonth = /^(\d{1,2})\.(\d{4})$/.exec(t);
  if (deMonth) {
    const v = `${deMonth[2]}-${deMonth[1]!.padStart(2, '0')}${mark}`;
    return parseEdtf(v) ? v : null;
  }
  // Decades: "1970er", "1970er Jahre", "1970s".
  const decade = /^(\d{3})0(?:er(?:[- ]Jahre)?|s)$/i.exec(t);
  if (decade) return `${decade[1]}X${mark}`;
  // Ranges: "1974-1980", "1974 – 1980", "1974/1980".
  const range = /^(\d{4})\s*[-–/]\s*(\d{4})$/.exec(t);
  if (range) {
    const v = `${range[1]}${mark}/${range[2]}${mark}`;
    return parseEdtf(v) ? v : null;
  }
  if (circa && parseEdtf(t) && !t.includes('/')) return `${t}~`;
  const year = /^(\d{1,4})$/.exec(t);
  if (year) return `${pad4(year[1]!)}${mark}`;
  return null;
}

const KNOWN_STATEMENTS = new Map(
  RIGHTS_STATEMENTS.map((r) => [r.id.toLowerCase().replace(/[\s_]+/g, '-'), r.id]),
);

/** "CC-BY-4.0", "cc by 4.0", "InC" → the statement id; anything else → null. */
export function knownRightsStatement(text: string): string | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return KNOWN_STATEMENTS.get(key) ?? null;
}

function migrateItemV1(item: unknown, lang: string, notes: RawLibrary['notes'] & object): unknown {
  if (!isRecord(item)) return item;
  const out: Record<string, unknown> = { ...item };
  const id = typeof item.id === 'string' ? item.id : '?';

  if (typeof item.date === 'string') {
    const edtf = freeTextDateToEdtf(item.date);
    if (edtf) out.date = edtf;
    else if (item.date.trim() === '') delete out.date;
    else {
      // Unreadable dates are not guessed: the text moves into the description for a person to fix.
      delete out.date;
      const description = isRecord(item.description) ? { ...item.description } : {};
      const before = typeof description[lang] === 'string' ? (description[lang] as string) : '';
      description[lang] = `${before}${before ? '\n\n' : ''}Datierung (Version 1): ${item.date}`;
      out.description = description;
      notes.push({
        de: `Objekt ${id}: Datum „${item.date}“ nicht lesbar; in die Beschreibung übernommen.`,
        en: `Item ${id}: date “${item.date}” not readable; moved into the description.`,
      });
    }
  }

  const rightsText = typeof item.rights === 'string' ? item.rights.trim() : '';
  const credit = typeof item.credit === 'string' ? item.credit.trim() : '';
  if (typeof item.rights === 'string' || 'credit' in item) {
    delete out.rights;
    delete out.credit;
    if (rightsText !== '' || credit !== '') {
      const statement = rightsText === '' ? null : knownRightsStatement(rightsText);
      const rights: Record<string, unknown> = {
        statement: statement ?? 'UND',
        creditLine: credit ? { [lang]: credit } : {},
      };
      // Free text is kept as the holder: it usually names who holds the rights.
      if (!statement && rightsText !== '') rights.holder = rightsText;
      out.rights = rights;
    }
  }
  return out;
}

const v1ToV2: Step = (raw) => {
  const lang =
    typeof raw.manifest.defaultLanguage === 'string' ? raw.manifest.defaultLanguage : 'de';
  const notes = [...(raw.notes ?? [])];
  return {
    ...raw,
    manifest: { ...raw.manifest, schemaVersion: 2 },
    items: raw.items.map((item) => migrateItemV1(item, lang, notes)),
    notes,
  };
};

/** `STEPS[v]` turns version v into v + 1. */
const STEPS: Record<number, Step> = { 1: v1ToV2 };

/**
 * Runs every step from `fromVersion` up to SCHEMA_VERSION. Throws a plain Error for versions
 * outside the chain; the store checks the version first and reports it properly.
 */
export function migrate(raw: RawLibrary, fromVersion: number): RawLibrary {
  if (
    !Number.isInteger(fromVersion) ||
    fromVersion < FIRST_SCHEMA_VERSION ||
    fromVersion > SCHEMA_VERSION
  )
    throw new Error(`No migration from schema version ${fromVersion}`);
  let current = raw;
  for (let v = fromVersion; v < SCHEMA_VERSION; v++) {
    const step = STEPS[v];
    if (!step) throw new Error(`Missing migration step ${v} → ${v + 1}`);
    current = step(current);
  }
  return current;
}
