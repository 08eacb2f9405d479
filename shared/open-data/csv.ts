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

const isoDate = (edtf: string | undefined) => {
  const d = isoDates(edtf);
  return d.end ? `${d.start}/${d.end}` : (d.start ?? '');
};

/** One column, or for a localized text one column per language (`term@de`, `term@en`, …). */
type Column<Row> =
  | { term: string; value: (row: Row) => string }
  | { term: string; text: (row: Row) => LocalizedText | undefined };

/**
 * The one writer behind every table: header and cells come from the same column list, so a
 * column cannot be added to one and forgotten in the other.
 */
function table<Row>(rows: readonly Row[], languages: string[], columns: Column<Row>[]): CsvTable {
  return {
    header: columns.flatMap((c) =>
      'text' in c ? languages.map((l) => `${c.term}@${l}`) : [c.term],
    ),
    rows: rows.map((row) =>
      columns.flatMap((c) => {
        if (!('text' in c)) return [c.value(row)];
        const t = c.text(row);
        return languages.map((l) => t?.[l]?.trim() ?? '');
      }),
    ),
  };
}

export function itemsTable(scope: OpenDataScope): CsvTable {
  const partnerships = new Set(scope.partnerships.map((p) => p.id));
  return table(scope.items, scope.languages, [
    { term: 'dcterms:identifier', value: (item) => item.id },
    { term: 'dcterms:type', value: (item) => item.kind },
    { term: 'dcterms:title', text: (item) => item.title },
    { term: 'dcterms:description', text: (item) => item.description },
    { term: 'dcterms:date', value: (item) => isoDate(item.date) },
    { term: 'dcterms:creator', value: (item) => item.creator ?? '' },
    {
      term: 'dcterms:source',
      value: (item) => [item.source, item.archiveRef].filter(Boolean).join(', '),
    },
    {
      term: 'dcterms:rights',
      value: (item) =>
        item.rights ? (rightsInfo(item.rights.statement)?.url ?? item.rights.statement) : '',
    },
    { term: 'dcterms:rightsHolder', value: (item) => item.rights?.holder ?? '' },
    { term: 'dcterms:bibliographicCitation', text: (item) => item.rights?.creditLine },
    { term: 'dcterms:subject', value: (item) => item.tags.join('; ') },
    { term: 'dcterms:spatial', value: (item) => item.places.join('; ') },
    {
      term: 'dcterms:relation',
      value: (item) => item.partnershipIds.filter((id) => partnerships.has(id)).join('; '),
    },
  ]);
}

export function partnershipsTable(scope: OpenDataScope): CsvTable {
  return table(scope.partnerships, scope.languages, [
    { term: 'dcterms:identifier', value: (p) => p.id },
    { term: 'dcterms:type', value: (p) => p.kind },
    { term: 'dcterms:title', text: (p) => p.city },
    { term: 'dcterms:description', text: (p) => p.summary },
    {
      term: 'dcterms:spatial',
      value: (p) =>
        p.coordinates ? `${p.country} ${p.coordinates.lat},${p.coordinates.lon}` : p.country,
    },
    { term: 'dcterms:date', value: (p) => isoDate(p.since) },
    { term: 'dcterms:relation', value: (p) => (p.wikidataId ? wikidataUri(p.wikidataId) : '') },
  ]);
}

export function eventsTable(scope: OpenDataScope): CsvTable {
  const items = new Set(scope.items.map((i) => i.id));
  const events = scope.partnerships.flatMap((p) => p.history.map((e) => ({ p, e })));
  return table(events, scope.languages, [
    { term: 'dcterms:identifier', value: ({ e }) => e.id },
    { term: 'dcterms:isPartOf', value: ({ p }) => p.id },
    { term: 'dcterms:date', value: ({ e }) => isoDate(e.date) },
    { term: 'dcterms:title', text: ({ e }) => e.title },
    { term: 'dcterms:description', text: ({ e }) => e.text },
    { term: 'dcterms:subject', value: ({ e }) => e.tags.join('; ') },
    {
      term: 'dcterms:relation',
      value: ({ e }) => e.itemIds.filter((id) => items.has(id)).join('; '),
    },
  ]);
}

export function awardsTable(scope: OpenDataScope): CsvTable {
  const partnerships = new Set(scope.partnerships.map((p) => p.id));
  const items = new Set(scope.items.map((i) => i.id));
  return table(scope.awards, scope.languages, [
    { term: 'dcterms:identifier', value: (a) => a.id },
    { term: 'dcterms:date', value: (a) => isoDate(a.date) },
    { term: 'dcterms:title', text: (a) => a.name },
    { term: 'dcterms:alternative', text: (a) => a.level },
    { term: 'dcterms:publisher', text: (a) => a.awardingBody },
    { term: 'dcterms:description', text: (a) => a.text },
    {
      term: 'dcterms:isPartOf',
      value: (a) => a.partnershipIds.filter((id) => partnerships.has(id)).join('; '),
    },
    { term: 'dcterms:relation', value: (a) => a.itemIds.filter((id) => items.has(id)).join('; ') },
  ]);
}
