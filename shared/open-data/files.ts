import type { Item } from '../domain';
import { markup, join } from '../render/html';
import {
  awardsTable,
  csvText,
  eventsTable,
  itemsTable,
  partnershipsTable,
  type CsvTable,
} from './csv';
import {
  awardsDocument,
  CONTEXT_FILE,
  itemDocument,
  itemsDocument,
  partnershipsDocument,
  type JsonLdOptions,
} from './jsonld';
import type { OpenDataScope } from './scope';
import { openDataStrings } from './strings';

export interface OpenDataOptions {
  /**
   * Absolute address of the `data/` folder when the data is published (`https://…/data/`):
   * ids are absolute then. Without it, ids are relative to each document.
   */
  base?: string;
  /** The item's image as a path inside `data/` (`../media/…`); web bundles pass it. */
  imageUrl?: (item: Item) => string | undefined;
  /** Page language of `index.html`. */
  lang: string;
  /** Bundle-relative addresses for the page's stylesheet and the way back (web bundles only). */
  stylesheet?: string;
  home?: string;
}

/** A file inside `data/`. */
export interface OpenDataFile {
  path: string;
  content: string;
}

/** `target` (a path inside `data/`, maybe with `#…` or `../`) as seen from the document `from`. */
export function relativeRef(from: string, target: string): string {
  const root = new URL('http://data.invalid/data/');
  const to = new URL(target, root);
  const fromUrl = new URL(from, root);
  const fromDir = fromUrl.pathname.split('/').slice(0, -1);
  const toParts = to.pathname.split('/');
  let i = 0;
  while (i < fromDir.length && i < toParts.length - 1 && fromDir[i] === toParts[i]) i++;
  const up = '../'.repeat(fromDir.length - i);
  return `${up}${toParts.slice(i).join('/')}${to.hash}`;
}

function refsFor(from: string, options: OpenDataOptions): JsonLdOptions['ref'] {
  const base = options.base;
  if (base) return (target) => new URL(target, base.endsWith('/') ? base : `${base}/`).href;
  return (target) => relativeRef(from, target);
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const CSV_FILES: Array<[string, (scope: OpenDataScope) => CsvTable]> = [
  ['partnerships.csv', partnershipsTable],
  ['events.csv', eventsTable],
  ['awards.csv', awardsTable],
  ['items.csv', itemsTable],
];

/**
 * Everything in `data/` except the schema.org context (which the caller copies from the
 * resources): JSON-LD documents, CSV tables and the human-readable `index.html`.
 */
export function openDataFiles(scope: OpenDataScope, options: OpenDataOptions): OpenDataFile[] {
  const files: OpenDataFile[] = [];
  const ld = (path: string, make: (opts: JsonLdOptions) => unknown) => {
    const opts: JsonLdOptions = {
      ref: refsFor(path, options),
      ...(options.imageUrl ? { imageUrl: options.imageUrl } : {}),
    };
    files.push({ path, content: json(make(opts)) });
  };
  ld('partnerships.jsonld', (o) => partnershipsDocument(scope, o));
  ld('awards.jsonld', (o) => awardsDocument(scope, o));
  ld('items.jsonld', (o) => itemsDocument(scope, o));
  for (const item of scope.items)
    ld(`items/${item.id}.jsonld`, (o) => itemDocument(item, scope, o));
  for (const [path, table] of CSV_FILES) files.push({ path, content: csvText(table(scope)) });
  files.push({ path: 'index.html', content: indexPage(scope, options) });
  return files;
}

/** `data/index.html`: what the files are, under which licence, and what each column means. */
function indexPage(scope: OpenDataScope, options: OpenDataOptions): string {
  const { strings: s, lang } = openDataStrings(options.lang);
  const rows: Array<[string, string, string]> = [
    ['partnerships.jsonld', 'JSON-LD', s.files.partnershipsLd],
    ['awards.jsonld', 'JSON-LD', s.files.awardsLd],
    ['items.jsonld', 'JSON-LD', s.files.itemsLd],
    ['partnerships.csv', 'CSV', s.files.partnershipsCsv],
    ['events.csv', 'CSV', s.files.eventsCsv],
    ['awards.csv', 'CSV', s.files.awardsCsv],
    ['items.csv', 'CSV', s.files.itemsCsv],
    [CONTEXT_FILE, 'JSON-LD', s.files.context],
  ];
  const terms = new Set<string>();
  for (const [, table] of CSV_FILES)
    for (const h of table(scope).header) terms.add(h.replace(/@.*$/, ''));
  const fieldRows = [...terms].map(
    (term) =>
      markup`<tr><th scope="row"><code>${term}</code></th><td>${s.fields[term] ?? ''}</td></tr>`,
  );
  const itemFiles = scope.items.length
    ? markup`<p>${`items/…jsonld`}: ${s.files.itemLd} (${scope.items.length}).</p>`
    : '';
  return `<!DOCTYPE html>
${markup`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${s.title}</title>${
  options.stylesheet
    ? markup`
<link rel="stylesheet" href="${options.stylesheet}">`
    : ''
}
</head>
<body class="page-data">
<main id="main">
<h1>${s.title}</h1>
<p>${s.intro}</p>
<h2>${s.licenceTitle}</h2>
<p>${s.licence} <a href="https://creativecommons.org/publicdomain/zero/1.0/" rel="license">${s.licenceName}</a>.</p>
<p>${s.mediaRights}</p>
<p>${s.contextLicence}</p>
<h2>${s.filesTitle}</h2>
<table>
<thead><tr><th scope="col">${s.file}</th><th scope="col">${s.format}</th><th scope="col">${s.content}</th></tr></thead>
<tbody>${join(rows.map(([file, format, content]) => markup`<tr><td><a href="${file}">${file}</a></td><td>${format}</td><td>${content}</td></tr>`))}</tbody>
</table>
${itemFiles}
<h2>${s.fieldsTitle}</h2>
<p>${s.perLanguage}</p>
<table>
<thead><tr><th scope="col">${s.field}</th><th scope="col">${s.meaning}</th></tr></thead>
<tbody>${join(fieldRows)}</tbody>
</table>${
  options.home
    ? markup`
<p><a href="${options.home}">${s.back}</a></p>`
    : ''
}
</main>
</body>
</html>
`}`;
}
