/**
 * Our own checks of the schema.org types the open data uses, on expanded and flattened JSON-LD.
 * Which properties a type may carry and what they hold were read from the schema.org vocabulary
 * (release 30.0: `domainIncludes` through the type's superclasses, `rangeIncludes`). schema.org
 * accepts text where a Person or Organization is expected, so `creator` and `copyrightHolder`
 * may be literals. Returns a list of errors; empty means valid.
 */
type Node = Record<string, unknown>;
const S = 'http://schema.org/';

const THING = [
  'name',
  'description',
  'identifier',
  'sameAs',
  'image',
  'alternateName',
  'additionalType',
];
const WORK = [
  ...THING,
  'dateCreated',
  'temporalCoverage',
  'creator',
  'license',
  'copyrightHolder',
  'creditText',
  'keywords',
  'contentLocation',
  'about',
];

const TYPES: Record<string, { allowed: string[]; required: string[] }> = {
  Event: {
    allowed: [
      ...THING,
      'startDate',
      'endDate',
      'location',
      'subEvent',
      'superEvent',
      'organizer',
      'workFeatured',
      'keywords',
    ],
    required: ['name'],
  },
  Place: { allowed: [...THING, 'address', 'geo'], required: ['name'] },
  PostalAddress: { allowed: ['addressCountry'], required: ['addressCountry'] },
  GeoCoordinates: { allowed: ['latitude', 'longitude'], required: ['latitude', 'longitude'] },
  Organization: { allowed: THING, required: ['name'] },
  VisualArtwork: { allowed: WORK, required: ['name'] },
  CreativeWork: { allowed: WORK, required: ['name'] },
  PropertyValue: { allowed: ['propertyID', 'value'], required: ['value'] },
};

type Range = 'url' | 'date' | 'text' | 'number' | string[];
const RANGES: Record<string, Range> = {
  sameAs: 'url',
  license: 'url',
  image: 'url',
  startDate: 'date',
  endDate: 'date',
  dateCreated: 'date',
  name: 'text',
  description: 'text',
  creditText: 'text',
  alternateName: 'text',
  keywords: 'text',
  addressCountry: 'text',
  latitude: 'number',
  longitude: 'number',
  location: ['Place'],
  contentLocation: ['Place'],
  subEvent: ['Event'],
  superEvent: ['Event'],
  organizer: ['Organization', 'Person'],
  workFeatured: ['CreativeWork', 'VisualArtwork'],
  address: ['PostalAddress'],
  geo: ['GeoCoordinates'],
};

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

const list = (v: unknown): Node[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as Node[];
const typesOf = (n: Node | undefined) => list(n?.['@type']).map((t) => String(t).replace(S, ''));

/** Checks every node of a flattened graph (all documents merged, keyed by `@id`). */
export function checkSchemaOrg(nodes: Map<string, Node>): string[] {
  const errors: string[] = [];
  for (const [id, node] of nodes) {
    const types = typesOf(node);
    if (!types.length) {
      // Only references to things outside the data (Wikidata, licences, images) have no type.
      if (Object.keys(node).some((k) => k !== '@id')) errors.push(`${id}: node without @type`);
      continue;
    }
    for (const type of types) {
      const rule = TYPES[type];
      if (!rule) {
        errors.push(`${id}: unexpected type ${type}`);
        continue;
      }
      for (const key of Object.keys(node)) {
        if (key.startsWith('@')) continue;
        if (!key.startsWith(S)) {
          errors.push(`${id}: ${key} is not a schema.org property`);
          continue;
        }
        const prop = key.slice(S.length);
        if (!rule.allowed.includes(prop)) errors.push(`${id}: ${type} has no property ${prop}`);
        for (const value of list(node[key])) checkValue(id, prop, value, nodes, errors);
      }
      for (const prop of rule.required)
        if (!(S + prop in node)) errors.push(`${id}: ${type} lacks ${prop}`);
    }
  }
  return errors;
}

function checkValue(
  id: string,
  prop: string,
  value: Node,
  nodes: Map<string, Node>,
  errors: string[],
) {
  const range = RANGES[prop];
  const at = `${id} ${prop}`;
  if (typeof value['@language'] === 'string' && !LANG.test(value['@language']))
    errors.push(`${at}: bad language tag ${value['@language']}`);
  if (!range) return;
  if (range === 'url') {
    if (typeof value['@id'] !== 'string') errors.push(`${at}: must be a URL`);
  } else if (range === 'date') {
    if (value['@type'] !== `${S}Date` || !ISO_DATE.test(String(value['@value'])))
      errors.push(`${at}: must be an ISO 8601 schema:Date, is ${JSON.stringify(value)}`);
  } else if (range === 'text') {
    if (typeof value['@value'] !== 'string' || !value['@value'].trim())
      errors.push(`${at}: must be non-empty text`);
  } else if (range === 'number') {
    if (typeof value['@value'] !== 'number') errors.push(`${at}: must be a number`);
  } else {
    const target = typeof value['@id'] === 'string' ? nodes.get(value['@id']) : undefined;
    const types = typesOf(target);
    if (!types.some((t) => range.includes(t)))
      errors.push(
        `${at}: must point to a ${range.join(' or ')} in the data (${String(value['@id'])})`,
      );
  }
}
