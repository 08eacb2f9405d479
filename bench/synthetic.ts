import { createHash } from 'node:crypto';
import type { Item } from '../shared/domain/item';
import type { Partnership } from '../shared/domain/partnership';

/**
 * Deterministic synthetic content of realistic size (~2.5 KB per item, as measured for real
 * catalogue records), so benchmarks at 1,000 / 10,000 / 50,000 items compare run to run.
 */
const CITIES = [
  ['leeds', 'Leeds', 'GB'],
  ['amiens', 'Amiens', 'FR'],
  ['buffalo', 'Buffalo', 'US'],
  ['novi-sad', 'Novi Sad', 'RS'],
  ['trabzon', 'Trabzon', 'TR'],
  ['rostow', 'Rostow am Don', 'RU'],
  ['cluj-napoca', 'Cluj-Napoca', 'RO'],
  ['kumasi', 'Kumasi', 'GH'],
  ['dura', 'Dura', 'PS'],
] as const;

const SUBJECTS_DE = [
  'Empfang im Rathaus',
  'Schüleraustausch',
  'Jugendorchester',
  'Städtepartnerschaftsfest',
  'Delegationsbesuch',
  'Ausstellungseröffnung',
  'Fußballturnier',
  'Klimapartnerschaft',
  'Bürgerreise',
  'Weihnachtsmarkt',
];
const SUBJECTS_EN = [
  'Reception at the town hall',
  'School exchange',
  'Youth orchestra',
  'Twinning festival',
  'Delegation visit',
  'Exhibition opening',
  'Football tournament',
  'Climate partnership',
  'Citizens’ journey',
  'Christmas market',
];
const KINDS = ['image', 'image', 'image', 'image', 'document', 'audio', 'video', 'text'] as const;
const RIGHTS = ['CC-BY-4.0', 'InC', 'InC-EDU', 'CC0-1.0', 'NKC'] as const;

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const at = '2026-01-15T10:00:00.000Z';
const LOREM_DE =
  'Die Aufnahme zeigt Gäste aus der Partnerstadt bei ihrem Besuch in Dortmund. Im Hintergrund ist das Rathaus am Friedensplatz zu erkennen, davor Mitglieder der Delegation und Vertreterinnen der Auslandsgesellschaft. ';
const LOREM_EN =
  'The photograph shows guests from the partner city during their visit to Dortmund. The town hall on Friedensplatz can be seen in the background, in front of it members of the delegation and representatives of the Auslandsgesellschaft. ';

export function syntheticPartnerships(): Partnership[] {
  return CITIES.map(([id, name, country], i) => ({
    id,
    city: { de: name, en: name },
    country,
    kind: i < 6 ? 'twin-city' : 'project',
    since: String(1960 + i * 6),
    status: 'active',
    summary: { de: `Partnerschaft mit ${name}.`, en: `Partnership with ${name}.` },
    history: [],
    sample: true,
    createdAt: at,
    updatedAt: at,
  }));
}

export function syntheticItem(n: number): Item {
  const r = rng(n + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const city = pick(CITIES);
  const s = Math.floor(r() * SUBJECTS_DE.length);
  const year = 1950 + Math.floor(r() * 75);
  const kind = pick(KINDS);
  const sha = createHash('sha256').update(`item-${n}`).digest('hex');
  return {
    id: `item-${n.toString(36).padStart(5, '0')}`,
    kind,
    media:
      kind === 'text'
        ? []
        : [
            {
              sha256: sha,
              originalName: `scan_${year}_${n}.${kind === 'image' ? 'jpg' : kind === 'audio' ? 'mp3' : kind === 'video' ? 'mp4' : 'pdf'}`,
              mime:
                kind === 'image'
                  ? 'image/jpeg'
                  : kind === 'audio'
                    ? 'audio/mpeg'
                    : kind === 'video'
                      ? 'video/mp4'
                      : 'application/pdf',
              ext:
                kind === 'image'
                  ? 'jpg'
                  : kind === 'audio'
                    ? 'mp3'
                    : kind === 'video'
                      ? 'mp4'
                      : 'pdf',
              kind,
              bytes: 200_000 + Math.floor(r() * 4_000_000),
              ...(kind === 'image' ? { width: 4000, height: 3000 } : {}),
            },
          ],
    title: {
      de: `${SUBJECTS_DE[s]} ${city[1]} ${year}`,
      en: `${SUBJECTS_EN[s]} ${city[1]} ${year}`,
    },
    description: { de: LOREM_DE.repeat(2 + Math.floor(r() * 2)), en: LOREM_EN.repeat(2) },
    date:
      r() < 0.2
        ? `${Math.floor(year / 10)}X`
        : r() < 0.3
          ? `${year}~`
          : `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`,
    creator: pick([
      'Stadtarchiv Dortmund',
      'Presseamt Dortmund',
      'Leeds City Council',
      'Privatbesitz',
    ]),
    source: 'Stadtarchiv Dortmund, Bestand 500',
    archiveRef: `StadtA DO 500/${n}`,
    rights: {
      statement: pick(RIGHTS),
      holder: 'Stadt Dortmund',
      creditLine: { de: 'Foto: Stadt Dortmund', en: 'Photo: City of Dortmund' },
    },
    altText:
      kind === 'image'
        ? {
            de: `${SUBJECTS_DE[s]} mit Gästen aus ${city[1]}.`,
            en: `${SUBJECTS_EN[s]} with guests from ${city[1]}.`,
          }
        : {},
    transcript:
      kind === 'audio' || kind === 'video'
        ? { de: 'Transkript folgt.', en: 'Transcript to follow.' }
        : {},
    tags: [pick(['Besuch', 'Jugend', 'Kultur', 'Sport', 'Politik']), String(year)],
    places: ['Dortmund', city[1]],
    partnershipIds: [city[0]],
    sample: true,
    createdAt: at,
    updatedAt: at,
  };
}
