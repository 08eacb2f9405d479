import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../../../electron/core/cli';
import { exportExhibition } from '../../../../../electron/core/export';
import { listFiles } from '../../../../e2e/export/helpers';
import { cliContext } from '../cli/commands/harness';
import { makeLibrary, makeStoreLibrary } from './library-fixture';
import { checkSchemaOrg } from './schema-org-rules';

const BASE = 'https://example.org/ausstellung';
const SLUG = '50-jahre-dortmund-leeds';
type Node = Record<string, unknown>;

let lib: Awaited<ReturnType<typeof makeLibrary>>;
let store: string;
let dataDir: string;
let bundle: string;

beforeAll(async () => {
  lib = await makeLibrary();
  const leeds = lib.snapshot.partnerships.find((p) => p.id === 'leeds')!;
  leeds.wikidataId = 'Q39121';
  // Spreadsheet formulas and markup in user text must come out inert.
  lib.snapshot.items[0]!.title.de = '=HYPERLINK("http://evil.example")<b>';
  store = await makeStoreLibrary(lib, 'store');
  dataDir = `${lib.dir}-data`;
  bundle = `${lib.dir}-bundle`;
  const cli = cliContext('en');
  expect(await runCli(['export-data', store, '--out', dataDir], cli.ctx), cli.err()).toBe(0);
  expect(cli.out()).toContain('Written');
  await exportExhibition({
    libraryDir: lib.dir,
    snapshot: lib.snapshot,
    exhibition: SLUG,
    mode: 'web',
    outDir: bundle,
    baseUrl: BASE,
    iiif: true,
  });
});
afterAll(async () => {
  for (const dir of [lib.dir, store, dataDir, bundle])
    await rm(dir, { recursive: true, force: true });
});

/**
 * Expands a document with a loader that serves the bundled schema.org context and refuses
 * every other address, with fetch itself made to fail: any network use would throw.
 */
async function expandOffline(file: string, contextFile: string, requests: string[]) {
  const context = JSON.parse(await readFile(contextFile, 'utf8')) as Node;
  const documentLoader = async (url: string) => {
    requests.push(url);
    if (url === 'https://schema.org/' || url === 'http://schema.org/')
      return { contextUrl: null, documentUrl: url, document: context };
    throw new Error(`network request refused: ${url}`);
  };
  const doc = JSON.parse(await readFile(file, 'utf8')) as Node;
  const base = pathToFileURL(file).href;
  return jsonld.expand(doc, { documentLoader, base });
}

async function graphOf(root: string) {
  const files = (await listFiles(root)).filter(
    (f) => f.endsWith('.jsonld') && !f.startsWith('context/'),
  );
  const requests: string[] = [];
  const fetchSpy = vi.fn(() => Promise.reject(new Error('fetch refused')));
  const realFetch = globalThis.fetch;
  globalThis.fetch = fetchSpy as unknown as typeof fetch;
  const nodes = new Map<string, Node>();
  try {
    // Expanded one by one (each against its own address), flattened together: blank nodes of
    // different files cannot collide, and references across files meet their targets.
    const expanded: unknown[] = [];
    for (const rel of files)
      expanded.push(
        ...(await expandOffline(
          path.join(root, rel),
          path.join(root, 'context/schemaorg.jsonld'),
          requests,
        )),
      );
    const flat = (await jsonld.flatten(expanded, null, {
      documentLoader: () => Promise.reject(new Error('no loading while flattening')),
    })) as Node[];
    for (const node of flat) {
      const id = String(node['@id']);
      nodes.set(id, { ...nodes.get(id), ...node });
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  return { files, nodes, requests, fetchCalls: fetchSpy.mock.calls.length };
}

const S = 'http://schema.org/';
const values = (node: Node | undefined, prop: string) =>
  ((node?.[S + prop] as Node[] | undefined) ?? []).map((v) => v['@value'] ?? v['@id']);

describe('open data', () => {
  it('export-data writes JSON-LD that expands without a network and meets the schema.org types', async () => {
    const { files, nodes, requests, fetchCalls } = await graphOf(dataDir);
    expect(files).toEqual(
      expect.arrayContaining([
        'partnerships.jsonld',
        'awards.jsonld',
        'items.jsonld',
        'items/item-1.jsonld',
      ]),
    );
    expect(fetchCalls).toBe(0);
    expect(new Set(requests)).toEqual(new Set(['https://schema.org/']));
    expect(checkSchemaOrg(nodes)).toEqual([]);
    // A partnership is an Event joining two Places: Dortmund and the partner city, with sameAs.
    const partnership = [...nodes.values()].find((n) =>
      String(n['@id']).endsWith('partnerships.jsonld#partnership-leeds'),
    )!;
    const places = (partnership[`${S}location`] as Node[]).map((l) => nodes.get(String(l['@id']))!);
    expect(places).toHaveLength(2);
    expect(places.flatMap((p) => values(p, 'sameAs'))).toEqual([
      'http://www.wikidata.org/entity/Q1295',
      'http://www.wikidata.org/entity/Q39121',
    ]);
    expect(values(partnership, 'startDate')).toEqual(['1969']);
    expect(values(partnership, 'subEvent')).toHaveLength(2);
    // Every language of the text, tagged.
    const leeds = places[1]!;
    expect((leeds[`${S}name`] as Node[]).map((v) => v['@language'])).toEqual(['de', 'en']);
    const types = new Set([...nodes.values()].flatMap((n) => (n['@type'] as string[]) ?? []));
    for (const t of ['Event', 'Place', 'Organization', 'VisualArtwork', 'CreativeWork'])
      expect(types).toContain(S + t);
    // An uncertain date becomes a range of days rather than a wrong exact date.
    const circa = [...nodes.values()].find((n) => String(n['@id']).endsWith('#event-e2'))!;
    expect(values(circa, 'startDate')).toEqual(['1994-01-01']);
    expect(values(circa, 'endDate')).toEqual(['1994-12-31']);
  });

  it('writes CSV with Dublin Core headers, one column per language, formulas neutralised', async () => {
    const csv = await readFile(path.join(dataDir, 'items.csv'), 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n');
    expect(header!.split(',')).toEqual(
      expect.arrayContaining([
        'dcterms:identifier',
        'dcterms:title@de',
        'dcterms:title@en',
        'dcterms:title@ar',
        'dcterms:rights',
      ]),
    );
    const first = rows.find((r) => r.startsWith('item-1,'))!;
    expect(first).toContain(`"'=HYPERLINK(""http://evil.example"")<b>"`);
    const events = await readFile(path.join(dataDir, 'events.csv'), 'utf8');
    expect(events).toContain('e2,leeds,1994-01-01/1994-12-31,25 Jahre,25 years');
    const index = await readFile(path.join(dataDir, 'index.html'), 'utf8');
    expect(index).toContain('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(index).toContain('CC BY-SA 3.0');
    expect(index).toContain('<code>dcterms:bibliographicCitation</code>');
    expect(index).not.toContain('<b>');
  });

  it('puts data/ into the web bundle with absolute ids, each manifest seeing its item’s data', async () => {
    const { nodes, requests, fetchCalls } = await graphOf(path.join(bundle, 'data'));
    expect(fetchCalls).toBe(0);
    expect(new Set(requests)).toEqual(new Set(['https://schema.org/']));
    expect(checkSchemaOrg(nodes)).toEqual([]);
    const item = nodes.get(`${BASE}/data/items/item-1.jsonld#item`)!;
    expect(item['@type']).toEqual([`${S}VisualArtwork`]);
    // The image is the largest JPEG the bundle really contains.
    const image = String(values(item, 'image')[0]);
    expect(image.startsWith(`${BASE}/media/`)).toBe(true);
    expect((await listFiles(bundle)).includes(image.slice(BASE.length + 1))).toBe(true);
    const manifest = JSON.parse(
      await readFile(path.join(bundle, 'iiif/item-1/manifest.json'), 'utf8'),
    ) as { seeAlso: Array<{ id: string }> };
    expect(manifest.seeAlso[0]!.id).toBe(`${BASE}/data/items/item-1.jsonld`);
    // No picture here is large enough for deep zoom, so the viewer is not shipped either.
    expect(await listFiles(bundle)).not.toContain('assets/openseadragon.min.js');
    // The footer of every page links the open data.
    const page = await readFile(path.join(bundle, 'de/index.html'), 'utf8');
    expect(page).toContain('<a href="../data/index.html">Offene Daten</a>');
  });

  it('refuses a bad base URL and leaves an existing target as it was', async () => {
    const cli = cliContext('en');
    expect(
      await runCli(['export-data', store, '--out', dataDir, '--base-url', 'ftp://x'], cli.ctx),
    ).toBe(2);
    expect(cli.err()).toContain('base URL');
    const again = cliContext('en');
    expect(await runCli(['export-data', store, '--out', dataDir], again.ctx)).toBe(2);
    expect(again.err()).toContain('not empty');
    expect(await readFile(path.join(dataDir, 'items.csv'), 'utf8')).toContain('dcterms:identifier');
  });
});
