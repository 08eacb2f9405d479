import type { LocalizedText } from '../domain/language';
import { rightsInfo } from '../domain/rights';
import { isoDates, wikidataUri } from './jsonld';
import type { OpenDataScope } from './scope';

/**
 * The same data as CSV tables with Dublin Core terms as headers (`dcterms:title@de`: one column
 * per language), UTF-8 with a BOM so spreadsheet programs read umlauts. Cells that a spreadsheet
 * would run as a formula get a leading apostrophe (OWASP CSV injection), as in the table export.
 */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

const FORMULA = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvText(table: CsvTable): string {
  return `\ufeff${[table.header, ...table.rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const perLang = (term: string, languages: string[]) => languages.map((l) => `${term}@${l}`);
const texts = (t: LocalizedText | undefined, languages: string[]) =>
  languages.map((l) => t?.[l]?.trim() ?? '');
const isoDate = (edtf: string | undefined) => {
  const d = isoDates(edtf);
  return d.end ? `${d.start}/${d.end}` : (d.start ?? '');
};

export function itemsTable(scope: OpenDataScope): CsvTable {
  const L = scope.languages;
  const partnerships = new Set(scope.partnerships.map((p) => p.id));
  return {
    header: [
      'dcterms:identifier',
      'dcterms:type',
      ...perLang('dcterms:title', L),
      ...perLang('dcterms:description', L),
      'dcterms:date',
      'dcterms:creator',
      'dcterms:source',
      'dcterms:rights',
      'dcterms:rightsHolder',
      ...perLang('dcterms:bibliographicCitation', L),
      'dcterms:subject',
      'dcterms:spatial',
      'dcterms:relation',
    ],
    rows: scope.items.map((item) => [
      item.id,
      item.kind,
      ...texts(item.title, L),
      ...texts(item.description, L),
      isoDate(item.date),
      item.creator ?? '',
      [item.source, item.archiveRef].filter(Boolean).join(', '),
      item.rights ? (rightsInfo(item.rights.statement)?.url ?? item.rights.statement) : '',
      item.rights?.holder ?? '',
      ...texts(item.rights?.creditLine, L),
      item.tags.join('; '),
      item.places.join('; '),
      item.partnershipIds.filter((id) => partnerships.has(id)).join('; '),
    ]),
  };
}

export function partnershipsTable(scope: OpenDataScope): CsvTable {
  const L = scope.languages;
  return {
    header: [
      'dcterms:identifier',
      'dcterms:type',
      ...perLang('dcterms:title', L),
      ...perLang('dcterms:description', L),
      'dcterms:spatial',
      'dcterms:date',
      'dcterms:relation',
    ],
    rows: scope.partnerships.map((p) => [
      p.id,
      p.kind,
      ...texts(p.city, L),
      ...texts(p.summary, L),
      p.coordinates ? `${p.country} ${p.coordinates.lat},${p.coordinates.lon}` : p.country,
      isoDate(p.since),
      p.wikidataId ? wikidataUri(p.wikidataId) : '',
    ]),
  };
}

export function eventsTable(scope: OpenDataScope): CsvTable {
  const L = scope.languages;
  const items = new Set(scope.items.map((i) => i.id));
  return {
    header: [
      'dcterms:identifier',
      'dcterms:isPartOf',
      'dcterms:date',
      ...perLang('dcterms:title', L),
      ...perLang('dcterms:description', L),
      'dcterms:subject',
      'dcterms:relation',
    ],
    rows: scope.partnerships.flatMap((p) =>
      p.history.map((e) => [
        e.id,
        p.id,
        isoDate(e.date),
        ...texts(e.title, L),
        ...texts(e.text, L),
        e.tags.join('; '),
        e.itemIds.filter((id) => items.has(id)).join('; '),
      ]),
    ),
  };
}

export function awardsTable(scope: OpenDataScope): CsvTable {
  const L = scope.languages;
  const partnerships = new Set(scope.partnerships.map((p) => p.id));
  const items = new Set(scope.items.map((i) => i.id));
  return {
    header: [
      'dcterms:identifier',
      'dcterms:date',
      ...perLang('dcterms:title', L),
      ...perLang('dcterms:alternative', L),
      ...perLang('dcterms:publisher', L),
      ...perLang('dcterms:description', L),
      'dcterms:isPartOf',
      'dcterms:relation',
    ],
    rows: scope.awards.map((a) => [
      a.id,
      isoDate(a.date),
      ...texts(a.name, L),
      ...texts(a.level, L),
      ...texts(a.awardingBody, L),
      ...texts(a.text, L),
      a.partnershipIds.filter((id) => partnerships.has(id)).join('; '),
      a.itemIds.filter((id) => items.has(id)).join('; '),
    ]),
  };
}
