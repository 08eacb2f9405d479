import { loadSharp } from '../media/sharp';
import type { MediaKind } from '../../../shared/domain';
import { chordWav } from './audio';
import { onePagePdf } from './pdf';
import {
  flagSvg,
  letterSvg,
  photoSvg,
  plaqueSvg,
  posterSvg,
  screenSvg,
  type LetterSpec,
  type PhotoSpec,
  type PosterSpec,
  type ScreenSpec,
} from './svg';

/**
 * Recipes for every media file of the sample library. Items in resources/sample/items.json name
 * a recipe instead of a content hash, so the JSON stays readable and the files are produced on
 * demand. Every recipe is deterministic: no randomness without a fixed seed, no timestamps, no
 * metadata — the same recipe yields the same bytes on every run (given the same fonts).
 */
export interface MediaRecipe {
  name: string;
  fileName: string;
  kind: MediaKind;
  mime: string;
  /** Pixel size for images, as the file will report it. */
  width?: number;
  height?: number;
  /** Seconds, for audio. */
  duration?: number;
  /** Pages, for documents. */
  pages?: number;
  /**
   * The file's bytes. `scale` (tests only, default 1) renders images smaller, to keep tests that
   * only need some sample library cheap; `width`/`height` above are for scale 1.
   */
  render(scale?: number): Promise<Buffer>;
}

const GENERATED = 'generiertes Beispielbild';

async function rasterize(svg: string, format: 'png' | 'jpeg', scale = 1): Promise<Buffer> {
  const sharp = await loadSharp();
  // The SVGs are sized in pixels at 72 dpi; another density scales the whole drawing.
  const image = sharp(Buffer.from(svg), { density: 72 * scale });
  return format === 'png'
    ? image.png({ compressionLevel: 9, adaptiveFiltering: false }).toBuffer()
    : image.jpeg({ quality: 84, mozjpeg: true, chromaSubsampling: '4:2:0' }).toBuffer();
}

function photo(name: string, spec: Omit<PhotoSpec, 'caption'> & { caption: string }): MediaRecipe {
  const width = spec.width ?? 2400;
  const height = spec.height ?? 1600;
  return {
    name,
    fileName: `${name}.jpg`,
    kind: 'image',
    mime: 'image/jpeg',
    width,
    height,
    render: (scale) =>
      rasterize(photoSvg({ ...spec, caption: `${spec.caption} · ${GENERATED}` }), 'jpeg', scale),
  };
}

function poster(name: string, spec: PosterSpec): MediaRecipe {
  return {
    name,
    fileName: `${name}.png`,
    kind: 'image',
    mime: 'image/png',
    width: spec.width ?? 1800,
    height: spec.height ?? 2546,
    render: (scale) => rasterize(posterSvg(spec), 'png', scale),
  };
}

function letter(name: string, spec: LetterSpec): MediaRecipe {
  return {
    name,
    fileName: `${name}.jpg`,
    kind: 'image',
    mime: 'image/jpeg',
    width: spec.width ?? 1700,
    height: spec.height ?? 2200,
    render: (scale) => rasterize(letterSvg(spec), 'jpeg', scale),
  };
}

function screen(name: string, spec: ScreenSpec): MediaRecipe {
  return {
    name,
    fileName: `${name}.png`,
    kind: 'image',
    mime: 'image/png',
    width: spec.width ?? 2400,
    height: spec.height ?? 1500,
    render: (scale) => rasterize(screenSvg(spec), 'png', scale),
  };
}

const POSTER_FOOTER = 'Stadt Dortmund · Internationale Beziehungen — generiertes Beispielplakat';
const SAMPLE_STAMP = 'BEISPIEL';

export const SAMPLE_MEDIA: readonly MediaRecipe[] = [
  // --- Leeds -----------------------------------------------------------------------------------
  poster('poster-50-jahre-leeds', {
    background: '#10284a',
    ink: '#f4f1ea',
    accent: '#ffcc00',
    second: '#e4572e',
    kicker: 'Online-Ausstellung 2020',
    headline: ['50 Jahre', 'Dortmund', 'Leeds'],
    subline: 'Was uns verbindet',
    footer: POSTER_FOOTER,
  }),
  photo('photo-leeds-town-hall', {
    scene: 'townhall',
    palette: 'faded',
    seed: 11,
    caption: 'Leeds, Rathaus – um 1975',
  }),
  photo('photo-leeds-delegation', {
    scene: 'group',
    palette: 'sepia',
    seed: 12,
    caption: 'Delegation aus Leeds in Dortmund – um 1969',
  }),
  photo('photo-friedensplatz-then', {
    scene: 'square',
    palette: 'sepia',
    seed: 21,
    caption: 'Dortmund, Friedensplatz – 1970er-Jahre',
  }),
  photo('photo-friedensplatz-now', {
    scene: 'square',
    palette: 'colour',
    seed: 21,
    caption: 'Dortmund, Friedensplatz – 2019',
  }),
  photo('photo-leeds-exchange', {
    scene: 'workshop',
    palette: 'faded',
    seed: 13,
    caption: 'Schüleraustausch Leeds–Dortmund – 1980er-Jahre',
  }),
  letter('letter-leeds-1969', {
    letterhead: 'CITY OF LEEDS',
    sender: 'Office of the Lord Mayor · Civic Hall · Leeds',
    place: 'Leeds, autumn 1969',
    subject: 'Re: The twinning of Leeds and Dortmund',
    body: [
      'Dear friends in Dortmund,',
      'It is with great pleasure that we write to you on behalf of the citizens of Leeds. Our two cities share a history of coal, steel and cloth, of hard work and of rebuilding after the war.',
      'We hope that the link between our cities will above all be a link between people: between schools and choirs, sports clubs and trade unions, families and friends.',
      'We look forward to welcoming a delegation from Dortmund in Leeds next year.',
    ],
    closing: 'With warm regards,',
    signature: 'Lord Mayor of Leeds (sample letter)',
    stamp: SAMPLE_STAMP,
    seed: 69,
    typewriter: true,
  }),
  screen('screen-leeds-call-2020', {
    mode: 'call',
    title: 'Dortmund ↔ Leeds · Videokonferenz',
    tiles: [
      'Dortmund',
      'Leeds',
      'Dortmund – Schule',
      'Leeds – Youth Council',
      'Dortmund – Chor',
      'Leeds – Library',
    ],
    caption: `Digitaler Austausch 2020 · ${GENERATED}`,
    seed: 2020,
  }),
  screen('screen-online-exhibition', {
    mode: 'browser',
    title: '50 Jahre Dortmund Leeds – Online-Ausstellung',
    tiles: [
      'ausstellung.example/50-jahre-dortmund-leeds',
      '50 Jahre Dortmund Leeds',
      'Was uns verbindet – Online-Ausstellung 2020',
    ],
    caption: `Ansicht der Online-Ausstellung (nachgestellt) · ${GENERATED}`,
    seed: 50,
  }),
  // --- Amiens ----------------------------------------------------------------------------------
  photo('photo-amiens-cathedral', {
    scene: 'cathedral',
    palette: 'faded',
    seed: 31,
    caption: 'Amiens, Kathedrale – 1960er-Jahre',
  }),
  poster('poster-amiens-jumelage', {
    background: '#f4efe6',
    ink: '#1b2a41',
    accent: '#0055a4',
    second: '#ef4135',
    kicker: 'Jumelage · Städtepartnerschaft',
    headline: ['Amiens', 'Dortmund'],
    subline: 'Amitié sans frontières · Freundschaft ohne Grenzen',
    footer: POSTER_FOOTER,
    motif: 'stripes',
  }),
  letter('letter-amiens', {
    letterhead: "VILLE D'AMIENS",
    sender: 'Hôtel de Ville · Amiens',
    place: 'Amiens, 1960',
    subject: 'Objet : jumelage Amiens – Dortmund',
    body: [
      'Chers amis de Dortmund,',
      "Au nom du conseil municipal, nous vous remercions de votre accueil chaleureux. Quinze ans après la fin de la guerre, nos deux villes choisissent l'amitié.",
      'Nous souhaitons que ce jumelage soit vécu par les jeunes, les associations et les familles de nos deux cités.',
    ],
    closing: "Veuillez agréer l'expression de nos sentiments les meilleurs.",
    signature: "Le maire d'Amiens (lettre d'exemple)",
    stamp: 'EXEMPLE',
    seed: 60,
    typewriter: true,
  }),
  // --- Council of Europe awards ----------------------------------------------------------------
  {
    name: 'flag-ehrenfahne-1979',
    fileName: 'flag-ehrenfahne-1979.png',
    kind: 'image',
    mime: 'image/png',
    width: 2400,
    height: 1600,
    render: (scale) =>
      rasterize(
        flagSvg({
          inscription: ['DORTMUND', '1979'],
          caption: 'Ehrenfahne des Europarates – generierte Nachbildung',
        }),
        'png',
        scale,
      ),
  },
  photo('photo-ehrenfahne-ceremony', {
    scene: 'group',
    palette: 'faded',
    seed: 79,
    caption: 'Übergabe der Ehrenfahne – 1979 (nachgestellt)',
  }),
  {
    name: 'plaque-ehrenplakette-2021',
    fileName: 'plaque-ehrenplakette-2021.png',
    kind: 'image',
    mime: 'image/png',
    width: 2000,
    height: 2000,
    render: (scale) =>
      rasterize(
        plaqueSvg({
          inscription: ['EHRENPLAKETTE', 'DES EUROPARATES', 'DORTMUND · 2021'],
          caption: 'Ehrenplakette des Europarates – generierte Nachbildung',
        }),
        'png',
        scale,
      ),
  },
  poster('poster-europa-projektwochen', {
    background: '#003399',
    ink: '#ffffff',
    accent: '#ffcc00',
    second: '#7fb800',
    kicker: 'Europe Direct Dortmund',
    headline: ['Europa-', 'Projektwochen'],
    subline: 'Klima- und Umweltpolitik der EU · 2020',
    footer: 'Europe Direct Dortmund · Stadt Dortmund — generiertes Beispielplakat',
    motif: 'sun',
  }),
  {
    name: 'pdf-grusswort',
    fileName: 'grusswort-50-jahre-dortmund-leeds.pdf',
    kind: 'document',
    mime: 'application/pdf',
    pages: 1,
    render: async () => grusswortPdf(),
  },
  {
    name: 'audio-klanggruss',
    fileName: 'klanggruss.wav',
    kind: 'audio',
    mime: 'audio/wav',
    duration: 4,
    render: async () => klanggrussWav(),
  },
  // --- Buffalo ---------------------------------------------------------------------------------
  photo('photo-buffalo-skyline', {
    scene: 'skyline',
    palette: 'dusk',
    seed: 41,
    caption: 'Buffalo, Skyline – um 1978',
  }),
  poster('poster-buffalo', {
    background: '#0a3161',
    ink: '#ffffff',
    accent: '#ffffff',
    second: '#b31942',
    kicker: 'Sister Cities · Partnerstädte',
    headline: ['Buffalo', 'Dortmund'],
    subline: 'Städtepartnerschaft · Sister City Partnership',
    footer: POSTER_FOOTER,
    motif: 'sun',
  }),
  // --- Novi Sad --------------------------------------------------------------------------------
  photo('photo-novi-sad-bridge', {
    scene: 'bridge',
    palette: 'faded',
    seed: 51,
    caption: 'Novi Sad, Donaubrücke – 1980er-Jahre',
  }),
  poster('poster-novi-sad', {
    background: '#f2e9dc',
    ink: '#1f2041',
    accent: '#c6363c',
    second: '#0c4076',
    kicker: 'Partnerstädte · Gradovi partneri',
    headline: ['Novi Sad', 'Dortmund'],
    subline: 'Gemeinsam an der Donau und an der Emscher',
    footer: POSTER_FOOTER,
    motif: 'stripes',
  }),
  // --- Trabzon ---------------------------------------------------------------------------------
  photo('photo-trabzon-coast', {
    scene: 'coast',
    palette: 'colour',
    seed: 61,
    caption: 'Trabzon, Schwarzmeerküste – 2014',
  }),
  photo('photo-trabzon-visit', {
    scene: 'group',
    palette: 'colour',
    seed: 62,
    caption: 'Besuch aus Trabzon – 2015',
  }),
  // --- Rostow am Don ---------------------------------------------------------------------------
  photo('photo-rostow-don', {
    scene: 'river',
    palette: 'faded',
    seed: 71,
    caption: 'Rostow am Don, Flussufer – 1970er-Jahre',
  }),
  photo('photo-rostow-delegation', {
    scene: 'group',
    palette: 'sepia',
    seed: 72,
    caption: 'Delegation aus Rostow am Don – um 1978',
  }),
  // --- Cluj-Napoca -----------------------------------------------------------------------------
  photo('photo-cluj-workshop', {
    scene: 'workshop',
    palette: 'colour',
    seed: 81,
    caption: 'Cluj-Napoca, Projektworkshop – 2020',
  }),
  poster('poster-cluj', {
    background: '#fdf6e3',
    ink: '#202a44',
    accent: '#002b7f',
    second: '#fcd116',
    kicker: 'Projektpartnerschaft',
    headline: ['Cluj-Napoca', 'Dortmund'],
    subline: 'Gemeinsam Stadt gestalten',
    footer: POSTER_FOOTER,
  }),
  // --- Kumasi ----------------------------------------------------------------------------------
  photo('photo-kumasi-market', {
    scene: 'market',
    palette: 'tropic',
    seed: 91,
    caption: 'Kumasi, Markt – 2019',
  }),
  photo('photo-kumasi-workshop', {
    scene: 'workshop',
    palette: 'tropic',
    seed: 92,
    caption: 'Kumasi, Fachaustausch – 2020',
  }),
  // --- Dura ------------------------------------------------------------------------------------
  photo('photo-dura-hills', {
    scene: 'hills',
    palette: 'olive',
    seed: 101,
    caption: 'Dura · دورا – Landschaft',
  }),
  poster('poster-dura', {
    background: '#f5efe0',
    ink: '#2d2a26',
    accent: '#6b7f3a',
    second: '#c98b4b',
    kicker: 'Projektpartnerschaft',
    headline: ['Dura', 'Dortmund'],
    subline: 'Partnerschaft · شراكة',
    rtlLines: ['دورا – دورتموند'],
    footer: POSTER_FOOTER,
    motif: 'sun',
  }),
];

export function mediaRecipe(name: string): MediaRecipe | undefined {
  return SAMPLE_MEDIA.find((r) => r.name === name);
}

function klanggrussWav(): Buffer {
  // C major with the octave on top: calm, unmistakably "a greeting", 4 seconds.
  return chordWav({
    frequencies: [261.63, 329.63, 392.0, 523.25],
    seconds: 4,
    sampleRate: 22_050,
    gain: 0.35,
  });
}

export function grusswortPdf(): Buffer {
  return onePagePdf({
    title: 'Grußwort – 50 Jahre Dortmund Leeds (Beispiel)',
    lines: [
      { text: 'Stadt Dortmund – Internationale Beziehungen', size: 10 },
      { text: 'Grußwort', size: 22, bold: true, gap: 24 },
      {
        text: 'zur Online-Ausstellung „50 Jahre Dortmund Leeds. Was uns verbindet“',
        size: 12,
        gap: 4,
      },
      { text: 'Liebe Freundinnen und Freunde in Leeds und in Dortmund,', size: 11, gap: 22 },
      {
        text: 'seit einem halben Jahrhundert verbindet unsere beiden Städte eine lebendige',
        size: 11,
        gap: 8,
      },
      {
        text: 'Partnerschaft: Schulen, Vereine, Chöre und Familien haben einander besucht,',
        size: 11,
      },
      { text: 'voneinander gelernt und Freundschaften geschlossen.', size: 11 },
      {
        text: 'In diesem Jahr können wir uns nicht persönlich begegnen. Umso mehr freuen wir',
        size: 11,
        gap: 8,
      },
      {
        text: 'uns, dass wir den Kontakt digital halten und diese Online-Ausstellung mit Ihnen',
        size: 11,
      },
      {
        text: 'teilen können. Sie zeigt, was uns verbindet – gestern, heute und morgen.',
        size: 11,
      },
      { text: 'Mit herzlichen Grüßen aus Dortmund', size: 11, gap: 18 },
      { text: 'Stadt Dortmund, Internationale Beziehungen', size: 11, gap: 30 },
      {
        text: 'Beispielinhalt – vor Veröffentlichung prüfen. Generiertes Dokument der Vitrine-Beispielbibliothek.',
        size: 8,
        gap: 200,
      },
    ],
  });
}
