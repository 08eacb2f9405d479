import { parseEdtf } from '../domain/date';
import type { LocalizedText } from '../domain/language';
import type { Award, HistoryEvent, Item, Partnership } from '../domain';
import { rightsInfo } from '../domain/rights';
import type { OpenDataScope } from './scope';

/**
 * Open data as JSON-LD with the schema.org vocabulary (issue 15 §2). Every document names the
 * schema.org context by its usual address; the context itself ships with the data
 * (`context/schemaorg.jsonld`), so expanding needs no network.
 *
 * Modelling, since schema.org has no "twinned with" (Wikidata uses P190):
 * - a partnership is an `Event` whose `location` is the two `Place`s it joins, Dortmund and the
 *   partner city (with `sameAs` to Wikidata where the library has the id);
 * - its history entries are `Event`s with `superEvent` pointing at the partnership;
 * - an award is the `Event` of its bestowal, `organizer` the awarding body (an `Organization`);
 * - items are `VisualArtwork` (images) or `CreativeWork` (everything else).
 */
export const SCHEMA_CONTEXT = 'https://schema.org/';
/** Where the bundled copy of the schema.org context sits inside `data/`. */
export const CONTEXT_FILE = 'context/schemaorg.jsonld';

/** Dortmund, the home city every partnership joins (Wikidata Q1295). */
export const HOME_CITY = {
  name: { de: 'Dortmund', en: 'Dortmund' } as LocalizedText,
  country: 'DE',
  wikidataId: 'Q1295',
  lat: 51.5136,
  lon: 7.4653,
};

export const wikidataUri = (id: string) => `http://www.wikidata.org/entity/${id}`;

type Node = Record<string, unknown>;

/** Language-tagged values in output order; none when every language is empty. */
function tagged(text: LocalizedText | undefined, languages: string[]): Node[] | undefined {
  const out: Node[] = [];
  for (const lang of languages) {
    const value = text?.[lang]?.trim();
    if (value) out.push({ '@value': value, '@language': lang });
  }
  return out.length ? out : undefined;
}

/**
 * schema.org's `Date` is ISO 8601. EDTF's exact forms (1974, 1974-05, 1974-05-12) are ISO already;
 * uncertain or ranged ones (197X, 1974~, 1974/1980) become a start and end day.
 */
export function isoDates(edtf: string | undefined): { start?: string; end?: string } {
  if (!edtf) return {};
  const parsed = parseEdtf(edtf);
  if (!parsed) return {};
  if (!parsed.range && !parsed.circa && parsed.precision !== 'decade') return { start: edtf };
  return { start: parsed.start, end: parsed.end };
}

/** Paths inside `data/`, made into ids by the caller's `ref` (absolute or document-relative). */
export const nodePath = {
  place: (p: Partnership) => `partnerships.jsonld#place-${p.id}`,
  home: () => 'partnerships.jsonld#place-home',
  partnership: (id: string) => `partnerships.jsonld#partnership-${id}`,
  event: (id: string) => `partnerships.jsonld#event-${id}`,
  award: (id: string) => `awards.jsonld#award-${id}`,
  item: (id: string) => `items/${id}.jsonld#item`,
};

export interface JsonLdOptions {
  /** An id for a path inside `data/`, as seen from the document being written. */
  ref: (dataPath: string) => string;
  /** The item's image, as a path inside `data/` (`../media/…`), when the bundle has one. */
  imageUrl?: (item: Item) => string | undefined;
}

function compact(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined));
}

function place(
  id: string,
  name: LocalizedText,
  country: string,
  languages: string[],
  geo: { lat: number; lon: number } | undefined,
  wikidataId: string | undefined,
): Node {
  return compact({
    '@id': id,
    '@type': 'Place',
    name: tagged(name, languages),
    address: { '@type': 'PostalAddress', addressCountry: country },
    geo: geo ? { '@type': 'GeoCoordinates', latitude: geo.lat, longitude: geo.lon } : undefined,
    sameAs: wikidataId ? wikidataUri(wikidataId) : undefined,
  });
}

function partnershipNodes(scope: OpenDataScope, opts: JsonLdOptions): Node[] {
  const { languages } = scope;
  const itemIds = new Set(scope.items.map((i) => i.id));
  const nodes: Node[] = [
    place(
      opts.ref(nodePath.home()),
      HOME_CITY.name,
      HOME_CITY.country,
      languages,
      HOME_CITY,
      HOME_CITY.wikidataId,
    ),
  ];
  for (const p of scope.partnerships) {
    const since = isoDates(p.since);
    nodes.push(
      place(opts.ref(nodePath.place(p)), p.city, p.country, languages, p.coordinates, p.wikidataId),
    );
    const name: LocalizedText = {};
    for (const lang of languages) {
      const city = p.city[lang]?.trim();
      if (city) name[lang] = `Dortmund – ${city}`;
    }
    nodes.push(
      compact({
        '@id': opts.ref(nodePath.partnership(p.id)),
        '@type': 'Event',
        name: tagged(name, languages),
        description: tagged(p.summary, languages),
        additionalType: p.kind,
        startDate: since.start,
        location: [{ '@id': opts.ref(nodePath.home()) }, { '@id': opts.ref(nodePath.place(p)) }],
        subEvent: p.history.length
          ? p.history.map((e) => ({ '@id': opts.ref(nodePath.event(e.id)) }))
          : undefined,
      }),
    );
    for (const e of p.history) nodes.push(eventNode(e, p, languages, itemIds, opts));
  }
  return nodes;
}

function featured(ids: string[], itemIds: Set<string>, opts: JsonLdOptions): Node[] | undefined {
  const refs = ids
    .filter((id) => itemIds.has(id))
    .map((id) => ({ '@id': opts.ref(nodePath.item(id)) }));
  return refs.length ? refs : undefined;
}

function eventNode(
  e: HistoryEvent,
  p: Partnership,
  languages: string[],
  itemIds: Set<string>,
  opts: JsonLdOptions,
): Node {
  const dates = isoDates(e.date);
  return compact({
    '@id': opts.ref(nodePath.event(e.id)),
    '@type': 'Event',
    name: tagged(e.title, languages),
    description: tagged(e.text, languages),
    startDate: dates.start,
    endDate: dates.end,
    superEvent: { '@id': opts.ref(nodePath.partnership(p.id)) },
    keywords: e.tags.length ? e.tags.join(', ') : undefined,
    workFeatured: featured(e.itemIds, itemIds, opts),
  });
}

function awardNode(a: Award, scope: OpenDataScope, opts: JsonLdOptions): Node {
  const dates = isoDates(a.date);
  const partnerships = new Set(scope.partnerships.map((p) => p.id));
  const supers = a.partnershipIds
    .filter((id) => partnerships.has(id))
    .map((id) => ({ '@id': opts.ref(nodePath.partnership(id)) }));
  return compact({
    '@id': opts.ref(nodePath.award(a.id)),
    '@type': 'Event',
    name: tagged(a.name, scope.languages),
    description: tagged(a.text, scope.languages),
    alternateName: tagged(a.level, scope.languages),
    startDate: dates.start,
    endDate: dates.end,
    organizer: compact({
      '@type': 'Organization',
      name: tagged(a.awardingBody, scope.languages),
    }),
    superEvent: supers.length ? supers : undefined,
    workFeatured: featured(a.itemIds, new Set(scope.items.map((i) => i.id)), opts),
  });
}

export function itemNode(item: Item, scope: OpenDataScope, opts: JsonLdOptions): Node {
  const dates = isoDates(item.date);
  const rights = item.rights ? rightsInfo(item.rights.statement) : undefined;
  const partnerships = new Set(scope.partnerships.map((p) => p.id));
  const about = item.partnershipIds
    .filter((id) => partnerships.has(id))
    .map((id) => ({ '@id': opts.ref(nodePath.partnership(id)) }));
  const image = opts.imageUrl?.(item);
  return compact({
    '@id': opts.ref(nodePath.item(item.id)),
    '@type': item.kind === 'image' ? 'VisualArtwork' : 'CreativeWork',
    // The archive reference with the archive it belongs to; the Vitrine id without one.
    identifier: item.archiveRef
      ? compact({
          '@type': 'PropertyValue',
          propertyID: item.source,
          value: item.archiveRef,
        })
      : item.id,
    name: tagged(item.title, scope.languages),
    description: tagged(item.description, scope.languages),
    dateCreated: dates.start && !dates.end ? dates.start : undefined,
    temporalCoverage: dates.end ? `${dates.start}/${dates.end}` : undefined,
    // schema.org accepts text where a Person or Organization is expected; which one the
    // creator is, the library does not say.
    creator: item.creator,
    license: rights?.url,
    copyrightHolder: item.rights?.holder,
    creditText: tagged(item.rights?.creditLine, scope.languages),
    keywords: item.tags.length ? item.tags.join(', ') : undefined,
    contentLocation: item.places.length
      ? item.places.map((name) => ({ '@type': 'Place', name }))
      : undefined,
    about: about.length ? about : undefined,
    image: image ? opts.ref(image) : undefined,
  });
}

const doc = (graph: Node[]) => ({ '@context': SCHEMA_CONTEXT, '@graph': graph });

export function partnershipsDocument(scope: OpenDataScope, opts: JsonLdOptions) {
  return doc(partnershipNodes(scope, opts));
}

export function awardsDocument(scope: OpenDataScope, opts: JsonLdOptions) {
  return doc(scope.awards.map((a) => awardNode(a, scope, opts)));
}

export function itemsDocument(scope: OpenDataScope, opts: JsonLdOptions) {
  return doc(scope.items.map((i) => itemNode(i, scope, opts)));
}

export function itemDocument(item: Item, scope: OpenDataScope, opts: JsonLdOptions) {
  return { '@context': SCHEMA_CONTEXT, ...itemNode(item, scope, opts) };
}
