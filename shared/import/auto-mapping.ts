import type { ColumnMapping, ImportField } from '../domain/import-mapping';

/**
 * Maps table headers to item fields by name: Dublin Core (`dcterms:title`, `Title`,
 * `Dublin Core:Title`), the CollectionBuilder metadata template, Omeka S CSV exports
 * (`dcterms:title @en`, `o:id`, `o:media/o:source`) and German headers. A language is read from
 * `title_en`, `description:fr`, `dcterms:title @fr`, `Titel (Englisch)` or `Titel [en]`.
 * Unknown headers map to `ignore`, for the mapping editor to decide.
 */
const NAMES: Record<string, ImportField> = {};
function names(field: ImportField, ...list: string[]) {
  for (const n of list) NAMES[n] = field;
}
names('id', 'objectid', 'object id', 'o:id', 'id', 'item id');
names('title', 'title', 'titel', 'name', 'bezeichnung', 'objekttitel');
names(
  'description',
  'description',
  'beschreibung',
  'abstract',
  'inhalt',
  'caption',
  'bildunterschrift',
);
names(
  'date',
  'date',
  'datum',
  'created',
  'jahr',
  'year',
  'entstehungsdatum',
  'aufnahmedatum',
  'issued',
);
names(
  'creator',
  'creator',
  'urheber',
  'urheberin',
  'fotograf',
  'fotografin',
  'autor',
  'autorin',
  'author',
  'photographer',
  'künstler',
  'kuenstler',
  'contributor',
);
names('source', 'source', 'quelle', 'herkunft', 'provenance', 'provenienz', 'bestand');
names(
  'archiveRef',
  'identifier',
  'signatur',
  'archivsignatur',
  'archive reference',
  'archive ref',
  'call number',
  'inventarnummer',
  'inventory number',
  'aktenzeichen',
);
names(
  'rights',
  'rights',
  'rechte',
  'lizenz',
  'license',
  'licence',
  'rightsstatement',
  'rights statement',
  'rechtehinweis',
  'nutzungsrechte',
  'accessrights',
);
names('rightsHolder', 'rightsholder', 'rights holder', 'rechteinhaber', 'rechteinhaberin');
names('creditLine', 'credit', 'credit line', 'creditline', 'bildnachweis', 'nachweis');
names(
  'tags',
  'subject',
  'subjects',
  'schlagworte',
  'schlagwörter',
  'schlagwort',
  'stichworte',
  'tags',
  'keywords',
);
names('places', 'location', 'ort', 'orte', 'place', 'places', 'spatial', 'coverage', 'aufnahmeort');
names(
  'partnerships',
  'partnership',
  'partnerships',
  'partnerschaft',
  'partnerschaften',
  'partnerstadt',
  'partnerstädte',
  'partner city',
  'twin city',
  'städtepartnerschaft',
);
names(
  'altText',
  'alt',
  'alttext',
  'alt text',
  'alternativtext',
  'image_alt_text',
  'alternative text',
);
names('transcript', 'transcript', 'transkript', 'transkription', 'transcription');
names(
  'media',
  'datei',
  'dateiname',
  'file',
  'filename',
  'file name',
  'object_location',
  'media',
  'o:media/o:source',
  'o:media[o:source]',
  'o:media',
  'bild',
  'image',
  'path',
  'pfad',
  'medien',
);
names('mediaName', 'original_name', 'original name', 'originalname', 'originaldateiname');
names('kind', 'type', 'typ', 'art', 'objektart', 'format', 'display_template');

// Folder imports: sub-folder names become tags.
names('tags', 'ordner', 'folder', 'folders');

const LANGUAGE_WORDS: Record<string, string> = {
  deutsch: 'de',
  german: 'de',
  englisch: 'en',
  english: 'en',
  französisch: 'fr',
  franzoesisch: 'fr',
  french: 'fr',
  türkisch: 'tr',
  tuerkisch: 'tr',
  turkish: 'tr',
  russisch: 'ru',
  russian: 'ru',
  serbisch: 'sr',
  serbian: 'sr',
  arabisch: 'ar',
  arabic: 'ar',
  rumänisch: 'ro',
  romanian: 'ro',
  chinesisch: 'zh',
  chinese: 'zh',
  ukrainisch: 'uk',
  ukrainian: 'uk',
  polnisch: 'pl',
  polish: 'pl',
  niederländisch: 'nl',
  dutch: 'nl',
};

const LANG_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

function normalizeCode(code: string): string {
  const [primary, ...rest] = code.split('-');
  return [primary!.toLowerCase(), ...rest].join('-');
}

/** The field and language a header names, or `ignore`. */
export function guessColumn(header: string): { field: ImportField; lang?: string } {
  let h = header.trim().toLowerCase().replace(/\s+/g, ' ');
  let lang: string | undefined;
  // "Titel (Englisch)", "Titel [en]", "dcterms:title @fr"
  const bracket = /^(.*?)\s*[([]\s*([^)\]]+?)\s*[)\]]$/.exec(h);
  if (bracket) {
    const word = bracket[2]!;
    const code = LANGUAGE_WORDS[word] ?? (LANG_CODE.test(word) ? normalizeCode(word) : undefined);
    if (code) {
      lang = code;
      h = bracket[1]!;
    }
  }
  const at = /^(.*?)\s+@([a-z]{2,3}(?:-[a-z0-9]{2,8})*)$/i.exec(h);
  if (!lang && at) {
    lang = normalizeCode(at[2]!);
    h = at[1]!;
  }
  // Omeka's typed columns: "dcterms:title ^^literal".
  h = h.replace(/\s+\^\^\S+$/, '');
  const prefixed = h.replace(/^(dublin core|dcterms|dc|schema|vra|bibo)\s*:\s*/, '');
  const field = NAMES[prefixed] ?? NAMES[h];
  if (field) return lang ? { field, lang } : { field };
  // "title_en", "description:fr", "titel-en"
  const suffix = /^(.*?)[_:-]([a-z]{2}(?:-[a-z0-9]{2,8})?)$/.exec(prefixed);
  if (suffix) {
    const base = NAMES[suffix[1]!];
    if (base) return { field: base, lang: normalizeCode(suffix[2]!) };
  }
  return { field: 'ignore' };
}

/** One mapping entry per header, in table order. */
export function autoMapping(headers: readonly string[]): ColumnMapping[] {
  return headers.map((column) => {
    const { field, lang } = guessColumn(column);
    return lang ? { column, field, lang } : { column, field };
  });
}
