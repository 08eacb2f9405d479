import {
  Award,
  Exhibition,
  Item,
  Manifest,
  Partnership,
  docFromParagraphs,
  type LibrarySnapshot,
  type RichDoc,
} from '../../../../shared/domain';

const T = '2024-01-01T00:00:00.000Z';
export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(2)</script>',
  "'onmouseover='alert(3)",
  '\u202Egnp.exe\u202C & \u2067isolate\u2069',
];
export const LONG = 'Lorem ipsum '.repeat(834).slice(0, 10_000);

export const sha = (n: number) => n.toString(16).padStart(2, '0').repeat(32);

export interface FixtureOptions {
  /** Put this string into every text field of the library. */
  text?: (field: string) => string;
}

function loc(de: string, en: string, o: FixtureOptions, field: string) {
  return o.text ? { de: o.text(field), en: o.text(field) } : { de, en };
}

function rich(o: FixtureOptions, de: string, en: string): Record<string, RichDoc> {
  const link: RichDoc = {
    type: 'doc',
    content: [
      {
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: o.text ? o.text('h') : 'Partnerschaft' }],
      },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: o.text ? o.text('p') : de },
          { type: 'hardBreak' },
          {
            type: 'text',
            text: 'Leeds City Council',
            marks: [
              { type: 'link', attrs: { href: 'https://www.leeds.gov.uk/' } },
              { type: 'bold' },
            ],
          },
        ],
      },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [{ type: 'text', text: 'eins', marks: [{ type: 'italic' }] }],
              },
            ],
          },
        ],
      },
    ],
  };
  return { de: link, en: docFromParagraphs(o.text ? o.text('p') : en) };
}

export interface ImageSpec {
  sha256: string;
  width: number;
  height: number;
}

/** Images used by the fixture; the export tests create real files for them. */
export const IMAGES: ImageSpec[] = [1, 2, 3, 4].map((n) => ({
  sha256: sha(n),
  width: n === 4 ? 300 : 1200 + n * 100,
  height: 800,
}));

export function fixtureSnapshot(
  o: FixtureOptions = {},
  images: ImageSpec[] = IMAGES,
): LibrarySnapshot {
  const image = (spec: ImageSpec) => ({
    sha256: spec.sha256,
    originalName: `foto-${spec.sha256.slice(0, 4)}.jpg`,
    mime: 'image/jpeg',
    ext: 'jpg',
    kind: 'image' as const,
    bytes: 1000,
    width: spec.width,
    height: spec.height,
  });
  // Short fields keep to their schema limits; the 10,000-character text still reaches every long one.
  const s = (v: string, field: string, max = 200) => (o.text ? o.text(field).slice(0, max) : v);
  const items = images.map((spec, i) =>
    Item.parse({
      id: `item-${i + 1}`,
      kind: 'image',
      media: [image(spec)],
      title: loc(`Foto ${i + 1}`, `Photo ${i + 1}`, o, 'title'),
      description: loc(`Beschreibung ${i + 1}`, `Description ${i + 1}`, o, 'description'),
      date: ['1969', '1974-05', '197X', '1985~'][i % 4],
      creator: s('Stadtarchiv Dortmund', 'creator'),
      source: s('Bestand 500', 'source'),
      archiveRef: s('500/12', 'archiveRef'),
      rights: {
        statement: 'CC-BY-4.0',
        holder: s('Stadt Dortmund', 'holder'),
        creditLine: loc('Foto: Stadt Dortmund', 'Photo: City of Dortmund', o, 'credit'),
      },
      altText: loc(`Alternativtext ${i + 1}`, `Alt text ${i + 1}`, o, 'alt'),
      createdAt: T,
      updatedAt: T,
    }),
  );
  items.push(
    Item.parse({
      id: 'item-audio',
      kind: 'audio',
      media: [
        {
          sha256: sha(9),
          originalName: 'Interview <1>.mp3',
          mime: 'audio/mpeg',
          ext: 'mp3',
          kind: 'audio',
          bytes: 2048,
          duration: 1,
        },
      ],
      title: loc('Interview', 'Interview', o, 'title'),
      transcript: loc('Transkript des Interviews', 'Transcript of the interview', o, 'transcript'),
      rights: { statement: 'InC', holder: 'WDR' },
      createdAt: T,
      updatedAt: T,
    }),
    Item.parse({
      id: 'item-doc',
      kind: 'document',
      media: [
        {
          sha256: sha(10),
          originalName: 'Urkunde.pdf',
          mime: 'application/pdf',
          ext: 'pdf',
          kind: 'document',
          bytes: 1_234_567,
        },
      ],
      title: loc('Partnerschaftsurkunde', 'Partnership charter', o, 'title'),
      createdAt: T,
      updatedAt: T,
    }),
  );
  const partnerships = [
    Partnership.parse({
      id: 'leeds',
      city: loc('Leeds', 'Leeds', o, 'city'),
      country: 'GB',
      coordinates: { lat: 53.8, lon: -1.55 },
      kind: 'twin-city',
      since: '1969',
      history: [
        {
          id: 'e1',
          date: '1969-05-12',
          title: loc('Unterzeichnung', 'Signing', o, 'event'),
          text: loc('Text', 'Text', o, 'eventText'),
        },
        { id: 'e2', date: '1994~', title: loc('25 Jahre', '25 years', o, 'event') },
      ],
      createdAt: T,
      updatedAt: T,
    }),
    Partnership.parse({
      id: 'dura',
      city: { de: s('Dura', 'city'), en: s('Dura', 'city'), ar: 'دورا' },
      country: 'PS',
      coordinates: { lat: 31.5, lon: 35.03 },
      kind: 'project',
      since: '2011',
      history: [
        { id: 'e3', date: '2011', title: loc('Projektbeginn', 'Project start', o, 'event') },
      ],
      createdAt: T,
      updatedAt: T,
    }),
  ];
  const awards = [
    Award.parse({
      id: 'ehrenfahne',
      name: loc('Ehrenfahne', 'Flag of Honour', o, 'award'),
      date: '1979',
      awardingBody: { de: 'Europarat', en: 'Council of Europe' },
      createdAt: T,
      updatedAt: T,
    }),
  ];
  const exhibition = Exhibition.parse({
    id: 'x1',
    slug: '50-jahre-dortmund-leeds',
    title: loc('50 Jahre Dortmund–Leeds', '50 years Dortmund–Leeds', o, 'xtitle'),
    subtitle: loc('Was uns verbindet', 'What connects us', o, 'subtitle'),
    languages: ['de', 'en', 'ar'],
    defaultLanguage: 'de',
    coverItemId: 'item-1',
    credits: loc('Dank an alle', 'Thanks to all', o, 'credits'),
    imprint: loc('Stadt Dortmund, Friedensplatz 1', 'City of Dortmund', o, 'imprint'),
    chapters: [
      {
        id: 'c1',
        title: loc('Die Anfänge', 'The beginnings', o, 'chapter'),
        blocks: [
          {
            id: 'b1',
            type: 'text',
            body: rich(
              o,
              'Seit 1969 sind Dortmund und Leeds verbunden.',
              'Since 1969 Dortmund and Leeds are twinned.',
            ),
          },
          {
            id: 'b2',
            type: 'item',
            itemId: 'item-1',
            caption: loc('Der Empfang', 'The reception', o, 'caption'),
          },
          {
            id: 'b3',
            type: 'gallery',
            title: loc('Bilder', 'Pictures', o, 'gallery'),
            itemIds: ['item-2', 'item-3', 'item-4'],
          },
          {
            id: 'b4',
            type: 'quote',
            text: loc('Freundschaft\n\nüber Grenzen', 'Friendship across borders', o, 'quote'),
            attribution: loc('Bürgermeister', 'Mayor', o, 'attribution'),
            itemId: 'item-audio',
          },
        ],
      },
      {
        id: 'c2',
        title: loc('Damals und heute', 'Then and now', o, 'chapter'),
        blocks: [
          {
            id: 'b5',
            type: 'comparison',
            before: { itemId: 'item-2' },
            after: { itemId: 'item-3', label: loc('2019', '2019', o, 'label') },
            caption: loc('Der Marktplatz', 'The market square', o, 'ccaption'),
          },
          {
            id: 'b6',
            type: 'timeline',
            title: loc('Chronik', 'Chronicle', o, 'timeline'),
            partnershipIds: ['leeds', 'dura'],
          },
          {
            id: 'b7',
            type: 'map',
            title: loc('Partnerstädte', 'Partner cities', o, 'map'),
            partnershipIds: ['leeds', 'dura'],
          },
          { id: 'b8', type: 'item', itemId: 'item-audio' },
          { id: 'b9', type: 'item', itemId: 'item-doc' },
        ],
      },
    ],
    createdAt: T,
    updatedAt: T,
  });
  return {
    manifest: Manifest.parse({
      format: 'vitrine-library',
      schemaVersion: 2,
      name: 'Test',
      defaultLanguage: 'de',
      languages: ['de', 'en', 'ar'],
      createdAt: T,
      // Filled, so the legal check (tests/unit/shared/render/legal.test.ts) stays out of the others.
      legal: { imprint: { de: 'Stadt Dortmund' }, privacy: { de: 'Keine Cookies.' } },
    }),
    revision: 1,
    items,
    partnerships,
    awards,
    exhibitions: [exhibition],
  };
}
