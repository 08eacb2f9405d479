import * as XLSX from '@e965/xlsx';
import {
  mediaPath,
  referencesOf,
  rightsInfo,
  type Item,
  type LibrarySnapshot,
  type LocalizedText,
} from '../../../shared/domain';
import { AppError } from '../../../shared/errors';

export interface TableExportOptions {
  /** Only the items of this exhibition (by slug). */
  exhibition?: string;
  /** Only items passing this filter (the app's current filter). */
  filter?: (item: Item) => boolean;
  format: 'csv' | 'xlsx';
  /** `;` for German Excel; `,` otherwise. */
  delimiter?: ';' | ',';
}

/**
 * OWASP CSV injection: a cell starting with = + - @ tab or CR is run as a formula by spreadsheet
 * programs; a leading apostrophe makes it text. The import removes that apostrophe again, so a
 * round trip is exact.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function exhibitionItemIds(snapshot: LibrarySnapshot, slug: string): Set<string> {
  const exhibition = snapshot.exhibitions.find((x) => x.slug === slug);
  if (!exhibition)
    throw new AppError('NOT_FOUND', {
      de: `Eine Ausstellung „${slug}“ gibt es in dieser Bibliothek nicht.`,
      en: `There is no exhibition “${slug}” in this library.`,
    });
  // The same reference walk the store uses for "used in", so no block kind is forgotten.
  return new Set(
    referencesOf('exhibitions', exhibition)
      .filter((r) => r.collection === 'items')
      .map((r) => r.id),
  );
}

/** Header + rows: CollectionBuilder/Dublin Core names, one column per language. */
export function tableRows(snapshot: LibrarySnapshot, options: TableExportOptions): string[][] {
  const { manifest } = snapshot;
  const langs = [
    manifest.defaultLanguage,
    ...manifest.languages.filter((l) => l !== manifest.defaultLanguage),
  ];
  let items = snapshot.items;
  if (options.exhibition) {
    const ids = exhibitionItemIds(snapshot, options.exhibition);
    items = items.filter((i) => ids.has(i.id));
  }
  if (options.filter) items = items.filter(options.filter);
  const cityName = new Map(
    snapshot.partnerships.map((p) => [
      p.id,
      p.city[manifest.defaultLanguage] ?? Object.values(p.city)[0] ?? p.id,
    ]),
  );
  const perLang = (base: string) => langs.map((l, i) => (i === 0 ? base : `${base}_${l}`));
  const header = [
    'objectid',
    ...perLang('title'),
    ...perLang('description'),
    'date',
    'creator',
    'source',
    'identifier',
    'rightsstatement',
    'rightsholder',
    ...perLang('credit'),
    'subject',
    'location',
    'partnership',
    ...perLang('alt'),
    ...perLang('transcript'),
    'type',
    'object_location',
    'original_name',
  ];
  const text = (t: LocalizedText | undefined) => langs.map((l) => t?.[l] ?? '');
  const rows = items.map((item) => {
    const byField: Record<'title' | 'description' | 'alt' | 'transcript' | 'credit', string[]> = {
      title: text(item.title),
      description: text(item.description),
      alt: text(item.altText),
      transcript: text(item.transcript),
      credit: text(item.rights?.creditLine),
    };
    return [
      item.id,
      ...byField.title,
      ...byField.description,
      item.date ?? '',
      item.creator ?? '',
      item.source ?? '',
      item.archiveRef ?? '',
      item.rights ? (rightsInfo(item.rights.statement)?.url ?? item.rights.statement) : '',
      item.rights?.holder ?? '',
      ...byField.credit,
      item.tags.join('; '),
      item.places.join('; '),
      item.partnershipIds.map((id) => cityName.get(id) ?? id).join('; '),
      ...byField.alt,
      ...byField.transcript,
      item.kind,
      // Relative to the library folder: an import with the library as media folder finds them.
      item.media.map((m) => mediaPath(m)).join('; '),
      item.media.map((m) => m.originalName).join('; '),
    ];
  });
  return [header, ...rows].map((r) => r.map(neutralise));
}

function csvCell(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || /^\s|\s$/.test(value)
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/** The table as file bytes: CSV (UTF-8 with BOM, so Excel reads umlauts) or .xlsx. */
export function exportTable(snapshot: LibrarySnapshot, options: TableExportOptions): Buffer {
  const rows = tableRows(snapshot, options);
  if (options.format === 'csv') {
    const d = options.delimiter ?? ',';
    const body = rows.map((r) => r.map((c) => csvCell(c, d)).join(d)).join('\r\n');
    return Buffer.from(`\ufeff${body}\r\n`, 'utf8');
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  // Every cell as text: numbers-as-text keep leading zeros, and nothing is ever a formula.
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const cell = sheet[key] as XLSX.CellObject;
    cell.t = 's';
    cell.v = String(cell.v ?? '');
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Vitrine');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
