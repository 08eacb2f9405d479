import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  Id,
  Item,
  type LibrarySnapshot,
  type LocalizedText,
  type MediaAsset,
} from '../../../shared/domain';
import {
  LOCALIZED_IMPORT_FIELDS,
  MULTI_IMPORT_FIELDS,
  type ColumnMapping,
  type ImportField,
} from '../../../shared/domain/import-mapping';
import {
  looksLikeFormula,
  parseDateCell,
  parseKindCell,
  parseRightsCell,
  partnershipMatcher,
  splitValues,
} from '../../../shared/import/values';
import { createMediaResolver } from './media-paths';
import type { Reason, RowReport } from './report';
import type { Table } from './read-table';

export type UpdateMode = 'revise' | 'replace';

export interface PlanOptions {
  mapping: readonly ColumnMapping[];
  /** Header of the key column; rows whose key matches an item update it. */
  updateBy?: string;
  mode?: UpdateMode;
  /** Folder media cells are resolved in; the table's folder by default. */
  mediaDir: string;
  newId?: () => string;
}

/** Everything a row says, field by field, before it meets the library. */
interface Cells {
  localized: Partial<Record<ImportField, Map<string, string>>>;
  single: Partial<Record<ImportField, string[]>>;
  multi: Partial<Record<ImportField, string[]>>;
  /** Fields a mapped column exists for (for "replace": their empty cells clear). */
  mapped: Set<ImportField>;
}

/** One row planned: what item it makes, which files it needs, and what stops it. */
export interface RowDraft {
  report: RowReport;
  existing?: Item;
  /** The item without its media decided (media set when files are imported or known). */
  build?: (assets: MediaAsset[] | null) => Item;
  /** Resolved media files, in cell order. */
  mediaFiles: string[];
}

export interface ImportPlan {
  rows: RowDraft[];
}

const reason = (
  code: Reason['code'],
  de: string,
  en: string,
  extra: { column?: string; value?: string } = {},
): Reason => ({ code, de, en, ...extra });

const EXT_KIND: Record<string, Item['kind']> = {
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  tif: 'image',
  tiff: 'image',
  webp: 'image',
  gif: 'image',
  heic: 'image',
  avif: 'image',
  mp3: 'audio',
  wav: 'audio',
  m4a: 'audio',
  ogg: 'audio',
  flac: 'audio',
  mp4: 'video',
  webm: 'video',
  mov: 'video',
  pdf: 'document',
};

/** Undoes the export's OWASP neutralising (`'=SUM…` → `=SUM…`) so a round trip is exact. */
function unneutralise(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function readCells(
  table: Table,
  row: string[],
  mapping: readonly ColumnMapping[],
  defaultLang: string,
  warnings: Reason[],
): Cells {
  const cells: Cells = { localized: {}, single: {}, multi: {}, mapped: new Set() };
  table.headers.forEach((header, index) => {
    const m = mapping.find((c) => c.column === header);
    if (!m || m.field === 'ignore') return;
    cells.mapped.add(m.field);
    const raw = row[index] ?? '';
    if (looksLikeFormula(raw))
      warnings.push(
        reason(
          'formula',
          `„${header}“ beginnt mit ${JSON.stringify(raw[0])}; übernommen als Text, nie als Formel.`,
          `“${header}” starts with ${JSON.stringify(raw[0])}; taken as text, never as a formula.`,
          { column: header, value: raw.slice(0, 200) },
        ),
      );
    const value = unneutralise(raw).trim();
    if (LOCALIZED_IMPORT_FIELDS.includes(m.field)) {
      const map = (cells.localized[m.field] ??= new Map());
      const lang = m.lang ?? defaultLang;
      if (value !== '' || !map.has(lang)) map.set(lang, value);
    } else if (MULTI_IMPORT_FIELDS.includes(m.field)) {
      (cells.multi[m.field] ??= []).push(...splitValues(value, m.separator ?? ';'));
    } else if (value !== '') (cells.single[m.field] ??= []).push(value);
  });
  return cells;
}

function same(a: Item, b: Item): boolean {
  const strip = ({ updatedAt: _u, createdAt: _c, ...rest }: Item) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

function mergeText(
  old: LocalizedText,
  next: Map<string, string> | undefined,
  replace: boolean,
): LocalizedText {
  const out: LocalizedText = { ...old };
  if (!next) return out;
  for (const [lang, value] of next) {
    if (value !== '') out[lang] = value;
    else if (replace) delete out[lang];
  }
  return out;
}

/**
 * The dry run: decides for every row whether it creates, updates, leaves unchanged or is skipped
 * (with its reasons), without writing anything. The real run builds the same drafts, imports
 * the media files and applies all items as one batch.
 */
export async function planImport(
  table: Table,
  snapshot: Pick<LibrarySnapshot, 'manifest' | 'items' | 'partnerships'>,
  options: PlanOptions,
): Promise<ImportPlan> {
  const defaultLang = snapshot.manifest.defaultLanguage;
  const mode = options.mode ?? 'revise';
  const newId = options.newId ?? (() => `item-${randomBytes(6).toString('hex')}`);
  const resolve = createMediaResolver(options.mediaDir);
  const matchPartnership = partnershipMatcher(snapshot.partnerships);
  const byId = new Map(snapshot.items.map((i) => [i.id, i]));
  const byRef = new Map<string, Item>();
  for (const i of snapshot.items)
    if (i.archiveRef && !byRef.has(i.archiveRef)) byRef.set(i.archiveRef, i);
  const keyIndex = options.updateBy ? table.headers.indexOf(options.updateBy) : -1;
  const keyField = options.updateBy
    ? options.mapping.find((m) => m.column === options.updateBy)?.field
    : undefined;
  const idIndex = table.headers.findIndex(
    (h) => options.mapping.find((m) => m.column === h)?.field === 'id',
  );
  const seenKeys = new Map<string, number>();
  const takenIds = new Set(byId.keys());
  const drafts: RowDraft[] = [];

  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const reasons: Reason[] = [];
    const warnings: Reason[] = [];
    const report: RowReport = {
      row: r + 1,
      line: table.lines[r] ?? r + 2,
      action: 'skipped',
      reasons,
      warnings,
    };
    const draft: RowDraft = { report, mediaFiles: [] };
    drafts.push(draft);
    const cells = readCells(table, row, options.mapping, defaultLang, warnings);

    // Which item the row is about.
    const keyValue =
      (keyIndex >= 0 ? row[keyIndex] : idIndex >= 0 ? row[idIndex] : '')?.trim() ?? '';
    if (keyValue) {
      const first = seenKeys.get(keyValue);
      if (first !== undefined) {
        reasons.push(
          reason(
            'duplicate-key',
            `Der Schlüssel „${keyValue}“ steht schon in Zeile ${first}.`,
            `The key “${keyValue}” already appears in row ${first}.`,
            { value: keyValue },
          ),
        );
        continue;
      }
      seenKeys.set(keyValue, r + 1);
    }
    let existing: Item | undefined;
    if (options.updateBy && keyValue) {
      existing =
        keyField === 'archiveRef'
          ? byRef.get(keyValue)
          : keyField === 'id'
            ? byId.get(keyValue)
            : (byId.get(keyValue) ?? byRef.get(keyValue));
    }
    const idCell = cells.single.id?.[0];
    if (!existing && idCell && byId.has(idCell)) {
      reasons.push(
        reason(
          'exists',
          `Ein Objekt mit der Kennung „${idCell}“ gibt es schon. Wählen Sie „Aktualisieren nach“ diese Spalte, um es zu ändern.`,
          `An item with the id “${idCell}” exists already. Choose “update by” this column to change it.`,
          { value: idCell },
        ),
      );
      continue;
    }
    draft.existing = existing;

    // Values.
    let date: string | undefined;
    const dateText = cells.single.date?.[0];
    if (dateText) {
      const parsed = parseDateCell(dateText);
      if (parsed) date = parsed;
      else
        reasons.push(
          reason(
            'date-not-understood',
            `Das Datum „${dateText}“ wird nicht verstanden (z. B. 12.05.1969, Mai 1969, um 1970, 1970er, 1974–1980).`,
            `The date “${dateText}” is not understood (e.g. 12.05.1969, May 1969, c. 1970, 1970s, 1974–1980).`,
            { value: dateText },
          ),
        );
    }
    let statement: string | undefined;
    for (const text of cells.single.rights ?? []) {
      const parsed = parseRightsCell(text);
      if (parsed) {
        statement = parsed;
        break;
      }
    }
    if (!statement && cells.single.rights?.length)
      warnings.push(
        reason(
          'rights-not-understood',
          `Die Rechteangabe „${cells.single.rights[0]}“ ist keine bekannte Lizenz (CC) und kein rightsstatements.org-Hinweis; sie wird nicht übernommen.`,
          `The rights value “${cells.single.rights[0]}” is no known licence (CC) or rightsstatements.org statement; it is not taken over.`,
          { value: cells.single.rights[0]! },
        ),
      );
    let kind: Item['kind'] | undefined;
    for (const text of cells.single.kind ?? []) {
      const parsed = parseKindCell(text);
      if (parsed) {
        kind = parsed;
        break;
      }
    }
    if (!kind && cells.single.kind?.length)
      warnings.push(
        reason(
          'kind-not-understood',
          `Die Art „${cells.single.kind[0]}“ ist unbekannt; sie wird aus der Datei bestimmt.`,
          `The type “${cells.single.kind[0]}” is unknown; it is taken from the file.`,
          { value: cells.single.kind[0]! },
        ),
      );
    const partnershipIds: string[] = [];
    for (const name of cells.multi.partnerships ?? []) {
      const id = matchPartnership(name);
      if (id) {
        if (!partnershipIds.includes(id)) partnershipIds.push(id);
      } else
        reasons.push(
          reason(
            'unknown-partnership',
            `Die Partnerschaft „${name}“ gibt es in der Bibliothek nicht. Legen Sie sie zuerst an oder korrigieren Sie den Namen.`,
            `There is no partnership “${name}” in the library. Create it first or correct the name.`,
            { value: name },
          ),
        );
    }
    for (const value of cells.multi.media ?? []) {
      const found = await resolve(value);
      if (found.status === 'found') {
        if (!draft.mediaFiles.includes(found.file)) draft.mediaFiles.push(found.file);
      } else if (found.status === 'remote')
        warnings.push(
          reason(
            'remote-media',
            `„${value}“ ist eine Web-Adresse; Vitrine lädt nichts aus dem Netz. Legen Sie die Datei in den Medienordner.`,
            `“${value}” is a web address; Vitrine downloads nothing. Put the file in the media folder.`,
            { value },
          ),
        );
      else
        reasons.push(
          found.status === 'outside'
            ? reason(
                'file-outside',
                `„${value}“ führt aus dem Medienordner hinaus und wird nicht gelesen.`,
                `“${value}” leads outside the media folder and is not read.`,
                { value },
              )
            : reason(
                'file-not-found',
                `Die Datei „${value}“ fehlt im Medienordner.`,
                `The file “${value}” is not in the media folder.`,
                { value },
              ),
        );
    }
    if (reasons.length > 0) continue;

    const replace = mode === 'replace' && existing !== undefined;
    const id =
      existing?.id ??
      (idCell && Id.safeParse(idCell).success && !takenIds.has(idCell) ? idCell : newId());
    takenIds.add(id);
    const now = new Date().toISOString();
    const base: Item = existing ?? {
      id,
      kind: 'text',
      media: [],
      title: {},
      description: {},
      altText: {},
      transcript: {},
      tags: [],
      places: [],
      partnershipIds: [],
      createdAt: now,
      updatedAt: now,
    };
    const fileKind = draft.mediaFiles
      .map((f) => EXT_KIND[path.extname(f).slice(1).toLowerCase()])
      .find(Boolean);
    const hasMediaCell = (cells.multi.media ?? []).length > 0;
    const build = (assets: MediaAsset[] | null): Item => {
      const item: Item = {
        ...base,
        title: mergeText(base.title, cells.localized.title, replace),
        description: mergeText(base.description, cells.localized.description, replace),
        altText: mergeText(base.altText, cells.localized.altText, replace),
        transcript: mergeText(base.transcript, cells.localized.transcript, replace),
      };
      const setOrClear = <K extends 'creator' | 'source' | 'archiveRef' | 'date'>(
        key: K,
        field: ImportField,
        value: string | undefined,
      ) => {
        if (value !== undefined && value !== '') item[key] = value;
        else if (replace && cells.mapped.has(field)) delete item[key];
      };
      setOrClear('creator', 'creator', cells.single.creator?.[0]);
      setOrClear('source', 'source', cells.single.source?.[0]);
      setOrClear('archiveRef', 'archiveRef', cells.single.archiveRef?.[0]);
      setOrClear('date', 'date', date);
      const list = <K extends 'tags' | 'places' | 'partnershipIds'>(
        key: K,
        field: ImportField,
        values: string[],
      ) => {
        if (values.length > 0) item[key] = values;
        else if (replace && cells.mapped.has(field)) item[key] = [];
      };
      list('tags', 'tags', cells.multi.tags ?? []);
      list('places', 'places', cells.multi.places ?? []);
      list('partnershipIds', 'partnerships', partnershipIds);
      const holder = cells.single.rightsHolder?.[0];
      const credit = cells.localized.creditLine;
      if (statement) {
        item.rights = {
          statement,
          creditLine: mergeText(base.rights?.creditLine ?? {}, credit, replace),
          ...(holder
            ? { holder }
            : base.rights?.holder && !replace
              ? { holder: base.rights.holder }
              : {}),
        };
      } else if (base.rights) {
        if (replace && cells.mapped.has('rights')) delete item.rights;
        else
          item.rights = {
            ...base.rights,
            ...(holder ? { holder } : {}),
            creditLine: mergeText(base.rights.creditLine, credit, replace),
          };
      }
      if (assets && assets.length > 0) {
        const names = cells.multi.mediaName ?? [];
        item.media = assets.map((a, i) => (names[i] ? { ...a, originalName: names[i] } : a));
      } else if (!assets && hasMediaCell && existing) {
        // Dry run: the files are not hashed yet; a different set of names means a change.
        const names = cells.multi.mediaName?.length
          ? cells.multi.mediaName
          : draft.mediaFiles.map((f) => path.basename(f));
        const same = existing.media.map((m) => m.originalName).join('\n') === names.join('\n');
        if (!same)
          item.media = names.map((n) => ({
            sha256: '0'.repeat(64),
            originalName: n,
            mime: 'application/octet-stream',
            ext: 'bin',
            kind: 'document',
            bytes: 0,
          }));
      } else if (replace && cells.mapped.has('media')) item.media = [];
      item.kind = kind ?? item.media[0]?.kind ?? (existing ? existing.kind : (fileKind ?? 'text'));
      return item;
    };

    const preview = build(null);
    const titled = Object.values(preview.title).some((t) => t.trim() !== '');
    if (!titled) {
      reasons.push(
        reason(
          'missing-title',
          'Die Zeile hat keinen Titel.',
          'The row has no title.',
          cells.mapped.has('title') ? {} : { column: '' },
        ),
      );
      continue;
    }
    const checked = Item.safeParse(preview);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      reasons.push(
        reason(
          'invalid',
          `Ungültiger Wert bei ${issue.path.join('.')}: ${issue.message}`,
          `Invalid value at ${issue.path.join('.')}: ${issue.message}`,
        ),
      );
      continue;
    }
    report.itemId = id;
    report.title = preview.title[defaultLang] ?? Object.values(preview.title)[0];
    report.action = !existing ? 'create' : same(existing, preview) ? 'unchanged' : 'update';
    if (statement === undefined && (holder(cells) || cells.localized.creditLine) && !base.rights)
      warnings.push(
        reason(
          'rights-without-statement',
          'Rechteinhaber oder Bildnachweis ohne Lizenz/Rechtehinweis werden nicht übernommen.',
          'A rights holder or credit line without a licence/rights statement is not taken over.',
        ),
      );
    draft.build = build;
  }
  return { rows: drafts };
}

function holder(cells: Cells): string | undefined {
  return cells.single.rightsHolder?.[0];
}

export function sameItem(a: Item, b: Item): boolean {
  return same(a, b);
}
