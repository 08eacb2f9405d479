import { describe, expect, it } from 'vitest';
import {
  Award,
  BLOCK_TYPES,
  docLinks,
  Exhibition,
  Item,
  Partnership,
  referencesOf,
  type Block,
  type LibrarySnapshot,
  type LocalizedText,
  type RichDoc,
} from '../../../../../shared/domain';
import { loadSampleContent, SAMPLE_JSON } from '../../../../../electron/core/sample/content';
import { mediaRecipe } from '../../../../../electron/core/sample/media';

const content = loadSampleContent();
const NOW = content.library.clock;
const FAKE_ASSET = {
  sha256: 'a'.repeat(64),
  originalName: 'x.png',
  mime: 'image/png',
  ext: 'png',
  kind: 'image' as const,
  bytes: 1,
};

/** The content as full domain entities, the way the store will hold it. */
function asSnapshot(): LibrarySnapshot {
  const stamps = { createdAt: NOW, updatedAt: NOW };
  return {
    manifest: {
      format: 'vitrine-library',
      schemaVersion: 2,
      name: content.library.name,
      languages: content.library.languages,
      defaultLanguage: content.library.defaultLanguage,
      createdAt: NOW,
    } as LibrarySnapshot['manifest'],
    revision: 1,
    items: content.items.map((i) =>
      Item.parse({ ...i, media: i.media.map(() => FAKE_ASSET), ...stamps }),
    ),
    partnerships: content.partnerships.map((p) => Partnership.parse({ ...p, ...stamps })),
    awards: content.awards.map((a) => Award.parse({ ...a, ...stamps })),
    exhibitions: content.exhibitions.map((x) => Exhibition.parse({ ...x, ...stamps })),
  };
}

/** Facts taken from the city's text (the seed); everything else must carry `sample: true`. */
const SEED_EVENTS = new Set([
  'leeds-1979-ehrenfahne',
  'leeds-2020-digital',
  'leeds-2020-online-ausstellung',
  'amiens-1979-ehrenfahne',
  'cluj-2020-ausbau',
  'kumasi-2020-ausbau',
]);
const WESTPHAL =
  'Ein Ziel unseres internationalen Engagements ist es, den europäischen Gedanken gemeinsam mit unseren Bürgerinnen und Bürgern zu fördern, das Bewusstsein für Europa zu stärken und Europa zu einem Symbol für Solidarität werden zu lassen. Deswegen freue ich mich sehr über die Auszeichnung des Europarates, die uns natürlich weiter motiviert. Wir wollen Großstadt der Nachbarn sein - nach außen und innen.';

const byId = <T extends { id: string }>(list: T[], id: string): T => {
  const found = list.find((e) => e.id === id);
  if (!found) throw new Error(`missing ${id}`);
  return found;
};

function docHas(
  doc: RichDoc | undefined,
  test: (node: Record<string, unknown>) => boolean,
): boolean {
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false;
    if (test(node as Record<string, unknown>)) return true;
    const rec = node as { content?: unknown[]; marks?: unknown[] };
    return [...(rec.content ?? []), ...(rec.marks ?? [])].some(visit);
  };
  return visit(doc);
}

describe('sample content files', () => {
  it('parse against the sample schemas and, completed, against the domain schemas', () => {
    expect(() => asSnapshot()).not.toThrow();
    expect(Array.isArray(SAMPLE_JSON.items)).toBe(true);
  });

  it('describe the library: name, languages de/en/ar with German as default, a fixed clock', () => {
    expect(content.library).toMatchObject({
      name: 'Internationale Beziehungen Dortmund (Beispiel)',
      languages: ['de', 'en', 'ar', 'sr-Cyrl', 'sr-Latn'],
      defaultLanguage: 'de',
      clock: '2026-01-15T10:00:00.000Z',
    });
  });

  it('have unique ids per collection, unique history event ids and unique block ids', () => {
    for (const list of [content.items, content.partnerships, content.awards, content.exhibitions]) {
      const ids = list.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const events = content.partnerships.flatMap((p) => p.history.map((e) => e.id));
    expect(new Set(events).size).toBe(events.length);
    for (const x of content.exhibitions) {
      const blocks = x.chapters.flatMap((c) => [c.id, ...c.blocks.map((b) => b.id)]);
      expect(new Set(blocks).size).toBe(blocks.length);
    }
  });

  it('refer only to entities, events and media recipes that exist', () => {
    const snapshot = asSnapshot();
    const ids = {
      items: new Set(snapshot.items.map((i) => i.id)),
      partnerships: new Set(snapshot.partnerships.map((p) => p.id)),
    };
    const dangling: string[] = [];
    for (const collection of ['items', 'partnerships', 'awards', 'exhibitions'] as const)
      for (const entity of snapshot[collection])
        for (const ref of referencesOf(collection, entity as never))
          if (!ids[ref.collection].has(ref.id))
            dangling.push(`${collection}/${entity.id}.${ref.path} → ${ref.id}`);
    expect(dangling).toEqual([]);

    const eventIds = new Set(snapshot.partnerships.flatMap((p) => p.history.map((e) => e.id)));
    for (const x of snapshot.exhibitions)
      for (const c of x.chapters)
        for (const b of c.blocks)
          if (b.type === 'timeline') for (const e of b.eventIds) expect(eventIds).toContain(e);

    for (const item of content.items)
      for (const name of item.media)
        expect(mediaRecipe(name), `${item.id} → ${name}`).toBeDefined();
  });

  it('holds nine partnerships: six twin cities and three project partnerships, localized', () => {
    const kinds = Object.fromEntries(
      content.partnerships.map((p) => [p.id, `${p.kind} ${p.country}`]),
    );
    expect(kinds).toEqual({
      leeds: 'twin-city GB',
      amiens: 'twin-city FR',
      buffalo: 'twin-city US',
      'novi-sad': 'twin-city RS',
      trabzon: 'twin-city TR',
      'rostow-am-don': 'twin-city RU',
      'cluj-napoca': 'project RO',
      kumasi: 'project GH',
      dura: 'project PS',
    });
    for (const p of content.partnerships) {
      expect(p.city.de && p.city.en, p.id).toBeTruthy();
      expect(p.summary.de && p.summary.en, p.id).toBeTruthy();
      expect(p.coordinates, p.id).toBeDefined();
      expect(p.history.length, p.id).toBeGreaterThanOrEqual(2);
      expect(p.history.length, p.id).toBeLessThanOrEqual(5);
    }
    expect(byId(content.partnerships, 'rostow-am-don').city.de).toBe('Rostow am Don');
    expect(byId(content.partnerships, 'dura').city.ar).toBe('دورا');
  });

  it('holds the two Council of Europe awards as the city text states them', () => {
    expect(content.awards).toHaveLength(2);
    const fahne = byId(content.awards, 'ehrenfahne-1979');
    expect(fahne.date).toBe('1979');
    expect(fahne.partnershipIds.sort()).toEqual(['amiens', 'leeds']);
    // Its stage is not in the city's text, so the award is flagged.
    expect(fahne.sample).toBe(true);
    expect(fahne.level.de).toMatch(/Beispiel/);

    const plakette = byId(content.awards, 'ehrenplakette-2021');
    expect(plakette.date).toBe('2021');
    expect(plakette.level.de).toBe('Dritte von vier Stufen auf dem Weg zum Europapreis');
    expect(plakette.level.en).toBe('Third of four stages towards the Europe Prize');
    expect(plakette.text.de).toContain(WESTPHAL);
    expect(plakette.sample).toBeUndefined();
  });

  it('has about thirty items of every kind a curator meets, images complete with rights and alt text', () => {
    expect(content.items.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(content.items.map((i) => i.kind));
    for (const kind of ['image', 'audio', 'document', 'text']) expect(kinds).toContain(kind);
    for (const item of content.items) {
      expect(item.title.de && item.title.en, item.id).toBeTruthy();
      expect(item.description.de && item.description.en, item.id).toBeTruthy();
      expect(item.rights, item.id).toBeDefined();
      expect(item.rights!.creditLine.de && item.rights!.creditLine.en, item.id).toBeTruthy();
      expect(item.date, item.id).toBeDefined();
      expect(item.creator, item.id).toBeTruthy();
      expect(item.tags.length, item.id).toBeGreaterThan(0);
      expect(item.places.length, item.id).toBeGreaterThan(0);
      if (item.kind === 'text') expect(item.media, item.id).toEqual([]);
      else expect(item.media, item.id).toHaveLength(1);
      if (item.kind !== 'text') expect(mediaRecipe(item.media[0]!)!.kind, item.id).toBe(item.kind);
      if (item.kind === 'image') {
        expect(item.altText.de, item.id).toBeTruthy();
        expect(item.altText.en, item.id).toBeTruthy();
      }
      if (item.kind === 'audio')
        expect(item.transcript.de && item.transcript.en, item.id).toBeTruthy();
    }
    const statements = new Set(content.items.map((i) => i.rights!.statement));
    expect(statements).toContain('CC-BY-4.0');
    expect(statements).toContain('InC');
    const dates = content.items.map((i) => i.date!);
    expect(dates.some((d) => d.endsWith('~'))).toBe(true);
    expect(dates.some((d) => /X$/.test(d))).toBe(true);
  });

  it('uses Arabic only for Dura', () => {
    const hasAr = (value: unknown): boolean =>
      !!value &&
      typeof value === 'object' &&
      (Object.prototype.hasOwnProperty.call(value, 'ar') || Object.values(value).some(hasAr));
    for (const item of content.items)
      if (hasAr(item)) expect(item.partnershipIds, item.id).toContain('dura');
    for (const p of content.partnerships) if (hasAr(p)) expect(p.id).toBe('dura');
    for (const a of content.awards) expect(hasAr(a), a.id).toBe(false);
    for (const x of content.exhibitions) if (hasAr(x)) expect(x.languages, x.id).toContain('ar');
    expect(content.items.filter((i) => i.title.ar && i.altText.ar).length).toBeGreaterThanOrEqual(
      1,
    );
  });

  it('flags every fact that is not from the city text, and says so in the text', () => {
    const sampleNote = (text: LocalizedText) => {
      expect(text.de).toMatch(/Beispiel/);
      expect(text.en).toMatch(/[Ss]ample/);
    };
    for (const p of content.partnerships) {
      // Founding years are not in the city text.
      if (p.since) expect(p.sample, p.id).toBe(true);
      sampleNote(p.summary);
      for (const event of p.history) {
        if (SEED_EVENTS.has(event.id)) expect(event.sample, event.id).toBeUndefined();
        else {
          expect(event.sample, event.id).toBe(true);
          sampleNote(event.text);
        }
      }
    }
    for (const item of content.items) {
      if (item.sample) sampleNote(item.description);
      else {
        // The only unflagged item is the mayor's statement, word for word.
        expect(item.id).toBe('zitat-westphal-2021');
        expect(item.description.de).toBe(WESTPHAL);
      }
    }
    for (const award of content.awards) if (award.sample) sampleNote(award.text);
    for (const x of content.exhibitions) sampleNote(x.credits);
  });
});

describe('sample exhibitions', () => {
  const leeds = byId(content.exhibitions, 'ex-50-jahre-leeds');
  const blocks: Block[] = leeds.chapters.flatMap((c) => c.blocks as Block[]);

  it('presents “50 Jahre Dortmund Leeds” in German, English and Leichte Sprache with cover and kiosk settings', () => {
    expect(leeds.slug).toBe('50-jahre-dortmund-leeds');
    expect(leeds.title).toEqual({
      de: '50 Jahre Dortmund Leeds. Was uns verbindet',
      en: '50 Years Dortmund Leeds. What Connects Us',
      'de-x-ls': 'Dortmund und Leeds sind Freunde',
    });
    expect(leeds.subtitle.de && leeds.subtitle.en).toBeTruthy();
    expect(leeds.languages).toEqual(['de', 'en', 'de-x-ls']);
    // Sample text for a test reader group to check: no review recorded, and the text says so.
    expect(leeds.easyLanguage?.review).toBeUndefined();
    expect(JSON.stringify(leeds.chapters[0]!.blocks[0])).toContain('Eine Prüf-Gruppe muss');
    expect(leeds.defaultLanguage).toBe('de');
    expect(leeds.coverItemId).toBe('poster-50-jahre-leeds');
    expect(leeds.chapters.length).toBeGreaterThanOrEqual(4);
    expect(leeds.chapters.length).toBeLessThanOrEqual(5);
    expect(leeds.settings.kiosk.idleSeconds).toBe(90);
    expect(
      leeds.credits.de && leeds.imprint.de && leeds.credits.en && leeds.imprint.en,
    ).toBeTruthy();
  });

  it('uses every block kind at least once', () => {
    expect(new Set(blocks.map((b) => b.type))).toEqual(new Set(BLOCK_TYPES));
  });

  it('has rich text with headings, emphasis, lists and a link in both languages', () => {
    const texts = blocks.filter((b) => b.type === 'text');
    for (const lang of ['de', 'en']) {
      const docs = texts.map((b) => b.body[lang]);
      expect(docs.every(Boolean), lang).toBe(true);
      expect(docs.some((d) => docHas(d, (n) => n.type === 'heading'))).toBe(true);
      expect(docs.some((d) => docHas(d, (n) => n.type === 'bold'))).toBe(true);
      expect(docs.some((d) => docHas(d, (n) => n.type === 'italic'))).toBe(true);
      expect(docs.some((d) => docHas(d, (n) => n.type === 'bulletList'))).toBe(true);
      expect(docs.flatMap((d) => docLinks(d)).length).toBeGreaterThan(0);
    }
  });

  it('has a Leeds timeline with awards, the mayor’s quote, a then/now comparison and a map of all partners', () => {
    const timeline = blocks.find((b) => b.type === 'timeline');
    expect(timeline).toMatchObject({ partnershipIds: ['leeds'], includeAwards: true });
    const quote = blocks.find((b) => b.type === 'quote');
    expect(quote && quote.type === 'quote' && quote.text.de).toBe(WESTPHAL);
    const comparison = blocks.find((b) => b.type === 'comparison');
    expect(comparison).toMatchObject({
      before: { itemId: 'photo-friedensplatz-then' },
      after: { itemId: 'photo-friedensplatz-now' },
    });
    const map = blocks.find((b) => b.type === 'map');
    expect(map && map.type === 'map' && [...map.partnershipIds].sort()).toEqual(
      content.partnerships.map((p) => p.id).sort(),
    );
  });

  it.each([
    ['ex-dura', ['de', 'en', 'ar']],
    ['ex-novi-sad', ['de', 'en', 'sr-Cyrl', 'sr-Latn']],
  ])(
    'has a small %s exhibition in %j, fully translated down to captions and alt texts',
    (id, langs) => {
      const x = byId(content.exhibitions, id);
      expect(x.languages).toEqual(langs);
      expect(x.chapters).toHaveLength(2);
      const itemIds = new Set<string>([x.coverItemId!]);
      for (const lang of x.languages) {
        for (const text of [x.title, x.subtitle, x.credits, x.imprint])
          expect(text[lang], lang).toBeTruthy();
        for (const c of x.chapters) {
          expect(c.title[lang], `${c.id} ${lang}`).toBeTruthy();
          for (const b of c.blocks as Block[]) {
            if (b.type === 'text') expect(b.body[lang], `${b.id} ${lang}`).toBeDefined();
            if (b.type === 'item') {
              expect(b.caption[lang], `${b.id} ${lang}`).toBeTruthy();
              itemIds.add(b.itemId);
            }
            if (b.type === 'gallery' || b.type === 'map' || b.type === 'timeline')
              expect(b.title[lang], `${b.id} ${lang}`).toBeTruthy();
            if (b.type === 'gallery') for (const i of b.itemIds) itemIds.add(i);
          }
        }
        for (const itemId of itemIds) {
          const item = byId(content.items, itemId);
          for (const text of [item.title, item.description, item.altText, item.rights!.creditLine])
            expect(text[lang], `${itemId} ${lang}`).toBeTruthy();
        }
      }
    },
  );

  it('writes Serbian Cyrillic in Cyrillic letters and Serbian Latin in Latin letters', () => {
    const x = byId(content.exhibitions, 'ex-novi-sad');
    const letters = (s: string) => s.replace(/[^\p{L}]/gu, '');
    const strings = (lang: string) =>
      [x.title, x.subtitle, x.credits, ...x.chapters.map((c) => c.title)].map((t) => t[lang]!);
    // Proper names of the page's other languages (Vitrine, Dortmund on the poster) aside.
    for (const s of strings('sr-Cyrl'))
      expect(letters(s.replace(/Vitrine/g, '')), s).toMatch(/^\p{Script=Cyrillic}+$/u);
    for (const s of strings('sr-Latn')) expect(letters(s), s).toMatch(/^\p{Script=Latin}+$/u);
    // The kiosk of this exhibition offers the search (issue 13 §2), so the sample shows it.
    expect(x.settings.kiosk.search).toBe(true);
  });
});
