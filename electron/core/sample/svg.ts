/**
 * SVG templates for the sample library's generated pictures. Everything is drawn from
 * parameters and a seeded generator, so the same recipe always yields the same picture and no
 * third-party (copyrighted) material ends up in the sample.
 */

/** Seeded PRNG (mulberry32): deterministic shapes without Math.random. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Two decimals at most: keeps the SVG small and the output independent of float noise. */
const n = (v: number) => String(Math.round(v * 100) / 100);

const FONT = "DejaVu Sans, 'Liberation Sans', sans-serif";
const SERIF = "DejaVu Serif, 'Liberation Serif', serif";

function svgOpen(w: number, h: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`;
}

// ---------------------------------------------------------------------------------------------
// "Photographs": layered silhouettes under a gradient sky, with grain, vignette and a caption.

export interface Palette {
  skyTop: string;
  skyBottom: string;
  sun: string;
  far: string;
  mid: string;
  near: string;
  ground: string;
  window: string;
  accents: string[];
}

const PALETTES = {
  /** Old prints: brown-grey, low contrast. */
  sepia: {
    skyTop: '#b9a58a',
    skyBottom: '#e4d6bd',
    sun: '#f2e8d5',
    far: '#a08b70',
    mid: '#7c6850',
    near: '#4f4132',
    ground: '#6b5a46',
    window: '#d8c7a6',
    accents: ['#8d7458', '#a6906f', '#5e4c3a'],
  },
  /** Faded 1970s colour film. */
  faded: {
    skyTop: '#8fb3c4',
    skyBottom: '#e8d9b8',
    sun: '#fbeed0',
    far: '#9aa7a0',
    mid: '#7d7a6a',
    near: '#4d4a42',
    ground: '#8a7b5e',
    window: '#f1d48f',
    accents: ['#c0623f', '#d8a640', '#5f8a74', '#a34d5a'],
  },
  /** Present-day daylight. */
  colour: {
    skyTop: '#3f7fc1',
    skyBottom: '#bfe0f2',
    sun: '#fff6d8',
    far: '#8fa9bc',
    mid: '#5b6f80',
    near: '#2f3b46',
    ground: '#5e7a52',
    window: '#ffe29a',
    accents: ['#e4572e', '#f3a712', '#29335c', '#2a9d8f', '#c1292e'],
  },
  /** Evening light, warm. */
  dusk: {
    skyTop: '#2d3561',
    skyBottom: '#f2a65a',
    sun: '#ffd59e',
    far: '#7b5e7b',
    mid: '#4e3d5a',
    near: '#241e33',
    ground: '#3b2f40',
    window: '#ffcf70',
    accents: ['#f25f5c', '#ffe066', '#70c1b3', '#e07a5f'],
  },
  /** Mediterranean / Levantine afternoon: olive and ochre. */
  olive: {
    skyTop: '#6fa3c7',
    skyBottom: '#f1e3c4',
    sun: '#fff3d6',
    far: '#b9a983',
    mid: '#8f8a5a',
    near: '#55592f',
    ground: '#a88f5c',
    window: '#f6e7b8',
    accents: ['#6b7f3a', '#c98b4b', '#e3c77a', '#8a5a44'],
  },
  /** Tropical market light. */
  tropic: {
    skyTop: '#5aa9d6',
    skyBottom: '#f6e9c9',
    sun: '#fffbe6',
    far: '#86a98a',
    mid: '#5c7d4f',
    near: '#3a3226',
    ground: '#b0703f',
    window: '#ffe4a1',
    accents: ['#e63946', '#f4a261', '#2a9d8f', '#e9c46a', '#264653', '#8338ec'],
  },
} as const satisfies Record<string, Palette>;

export type PaletteName = keyof typeof PALETTES;

export const SCENES = [
  'skyline',
  'townhall',
  'cathedral',
  'bridge',
  'coast',
  'river',
  'hills',
  'market',
  'square',
  'group',
  'workshop',
] as const;
export type SceneName = (typeof SCENES)[number];

export interface PhotoSpec {
  scene: SceneName;
  palette: PaletteName;
  seed: number;
  caption: string;
  width?: number;
  height?: number;
}

interface SceneCtx {
  w: number;
  h: number;
  horizon: number;
  rnd: () => number;
  pal: Palette;
}

const pick = <T>(rnd: () => number, list: readonly T[]): T =>
  list[Math.floor(rnd() * list.length)]!;

function buildings(
  c: SceneCtx,
  base: number,
  minH: number,
  maxH: number,
  fill: string,
  windows: boolean,
): string {
  const out: string[] = [];
  let x = -20;
  while (x < c.w) {
    const bw = c.w * (0.04 + c.rnd() * 0.07);
    const bh = minH + c.rnd() * (maxH - minH);
    out.push(
      `<rect x="${n(x)}" y="${n(base - bh)}" width="${n(bw)}" height="${n(bh + 2)}" fill="${fill}"/>`,
    );
    if (c.rnd() < 0.3) {
      // a pitched roof every now and then
      out.push(
        `<polygon points="${n(x)},${n(base - bh)} ${n(x + bw / 2)},${n(base - bh - bw * 0.35)} ${n(x + bw)},${n(base - bh)}" fill="${fill}"/>`,
      );
    }
    if (windows) {
      const cols = Math.max(2, Math.floor(bw / 38));
      const rows = Math.floor((bh - 30) / 52);
      for (let r = 0; r < rows; r++)
        for (let k = 0; k < cols; k++)
          if (c.rnd() < 0.45)
            out.push(
              `<rect x="${n(x + 10 + k * ((bw - 20) / cols))}" y="${n(base - bh + 22 + r * 52)}" width="${n((bw - 20) / cols - 12)}" height="22" fill="${c.pal.window}" opacity="0.55"/>`,
            );
    }
    x += bw + c.rnd() * 8;
  }
  return out.join('');
}

function hillsPath(c: SceneCtx, base: number, amp: number, freq: number, fill: string): string {
  const pts: string[] = [`M0,${n(c.h)}`, `L0,${n(base)}`];
  const phase = c.rnd() * 6;
  for (let x = 0; x <= c.w; x += c.w / 48) {
    const y =
      base -
      amp * (0.5 + 0.5 * Math.sin((x / c.w) * freq * Math.PI * 2 + phase)) -
      amp * 0.3 * Math.sin((x / c.w) * freq * 5.3 + phase * 2);
    pts.push(`L${n(x)},${n(y)}`);
  }
  pts.push(`L${n(c.w)},${n(c.h)}Z`);
  return `<path d="${pts.join(' ')}" fill="${fill}"/>`;
}

function person(x: number, base: number, size: number, fill: string): string {
  const head = size * 0.13;
  return (
    `<circle cx="${n(x)}" cy="${n(base - size + head)}" r="${n(head)}" fill="${fill}"/>` +
    `<path d="M${n(x - size * 0.2)},${n(base)} L${n(x - size * 0.17)},${n(base - size * 0.6)} Q${n(x)},${n(base - size * 0.8)} ${n(x + size * 0.17)},${n(base - size * 0.6)} L${n(x + size * 0.2)},${n(base)} Z" fill="${fill}"/>`
  );
}

function crowd(
  c: SceneCtx,
  count: number,
  base: number,
  size: number,
  spread: number,
  x0: number,
): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = x0 + (i / Math.max(1, count - 1)) * spread + (c.rnd() - 0.5) * 20;
    const s = size * (0.88 + c.rnd() * 0.2);
    const fill = c.rnd() < 0.5 ? c.pal.near : pick(c.rnd, c.pal.accents);
    out.push(person(x, base + (c.rnd() - 0.5) * 10, s, fill));
  }
  return out.join('');
}

const SCENE_DRAW: Record<SceneName, (c: SceneCtx) => string> = {
  skyline: (c) =>
    buildings(c, c.horizon, c.h * 0.12, c.h * 0.3, c.pal.far, false) +
    buildings(c, c.horizon + c.h * 0.08, c.h * 0.1, c.h * 0.38, c.pal.mid, true) +
    `<rect x="0" y="${n(c.horizon + c.h * 0.08)}" width="${c.w}" height="${n(c.h)}" fill="${c.pal.ground}"/>`,
  townhall: (c) => {
    const cx = c.w / 2;
    const base = c.horizon + c.h * 0.12;
    const bw = c.w * 0.5;
    const bh = c.h * 0.22;
    const cols: string[] = [];
    for (let i = 0; i < 12; i++)
      cols.push(
        `<rect x="${n(cx - bw / 2 + 30 + i * ((bw - 60) / 12))}" y="${n(base - bh + 40)}" width="${n((bw - 60) / 24)}" height="${n(bh - 60)}" fill="${c.pal.window}" opacity="0.35"/>`,
      );
    return (
      buildings(c, c.horizon, c.h * 0.08, c.h * 0.2, c.pal.far, false) +
      `<rect x="${n(cx - bw / 2)}" y="${n(base - bh)}" width="${n(bw)}" height="${n(bh)}" fill="${c.pal.mid}"/>` +
      `<rect x="${n(cx - bw * 0.56)}" y="${n(base - bh - 24)}" width="${n(bw * 1.12)}" height="30" fill="${c.pal.near}"/>` +
      cols.join('') +
      `<rect x="${n(cx - c.w * 0.05)}" y="${n(base - bh - c.h * 0.3)}" width="${n(c.w * 0.1)}" height="${n(c.h * 0.3)}" fill="${c.pal.mid}"/>` +
      `<circle cx="${n(cx)}" cy="${n(base - bh - c.h * 0.22)}" r="${n(c.w * 0.028)}" fill="${c.pal.window}" stroke="${c.pal.near}" stroke-width="8"/>` +
      `<line x1="${n(cx)}" y1="${n(base - bh - c.h * 0.22)}" x2="${n(cx)}" y2="${n(base - bh - c.h * 0.22 - c.w * 0.02)}" stroke="${c.pal.near}" stroke-width="7"/>` +
      `<line x1="${n(cx)}" y1="${n(base - bh - c.h * 0.22)}" x2="${n(cx + c.w * 0.014)}" y2="${n(base - bh - c.h * 0.22)}" stroke="${c.pal.near}" stroke-width="7"/>` +
      `<path d="M${n(cx - c.w * 0.055)},${n(base - bh - c.h * 0.3)} Q${n(cx)},${n(base - bh - c.h * 0.42)} ${n(cx + c.w * 0.055)},${n(base - bh - c.h * 0.3)} Z" fill="${c.pal.near}"/>` +
      `<rect x="0" y="${n(base)}" width="${c.w}" height="${n(c.h)}" fill="${c.pal.ground}"/>` +
      crowd(c, 14, base + c.h * 0.16, c.h * 0.13, c.w * 0.8, c.w * 0.1)
    );
  },
  cathedral: (c) => {
    const cx = c.w * 0.5;
    const base = c.horizon + c.h * 0.1;
    const nave = `<rect x="${n(cx - c.w * 0.22)}" y="${n(base - c.h * 0.3)}" width="${n(c.w * 0.44)}" height="${n(c.h * 0.3)}" fill="${c.pal.mid}"/>`;
    const towers = [-1, 1]
      .map(
        (s) =>
          `<rect x="${n(cx + s * c.w * 0.16 - c.w * 0.05)}" y="${n(base - c.h * 0.5)}" width="${n(c.w * 0.1)}" height="${n(c.h * 0.5)}" fill="${c.pal.mid}"/>` +
          `<polygon points="${n(cx + s * c.w * 0.16 - c.w * 0.05)},${n(base - c.h * 0.5)} ${n(cx + s * c.w * 0.16)},${n(base - c.h * (s < 0 ? 0.66 : 0.6))} ${n(cx + s * c.w * 0.16 + c.w * 0.05)},${n(base - c.h * 0.5)}" fill="${c.pal.near}"/>`,
      )
      .join('');
    const spire = `<polygon points="${n(cx - 14)},${n(base - c.h * 0.3)} ${n(cx)},${n(base - c.h * 0.72)} ${n(cx + 14)},${n(base - c.h * 0.3)}" fill="${c.pal.near}"/>`;
    const rose = `<circle cx="${n(cx)}" cy="${n(base - c.h * 0.2)}" r="${n(c.h * 0.06)}" fill="${c.pal.window}" opacity="0.6" stroke="${c.pal.near}" stroke-width="6"/>`;
    const arches: string[] = [];
    for (let i = 0; i < 3; i++) {
      const x = cx + (i - 1) * c.w * 0.09;
      arches.push(
        `<path d="M${n(x - 40)},${n(base)} L${n(x - 40)},${n(base - 110)} Q${n(x)},${n(base - 190)} ${n(x + 40)},${n(base - 110)} L${n(x + 40)},${n(base)} Z" fill="${c.pal.near}"/>`,
      );
    }
    return (
      hillsPath(c, c.horizon, c.h * 0.04, 1.3, c.pal.far) +
      nave +
      towers +
      spire +
      rose +
      arches.join('') +
      `<rect x="0" y="${n(base)}" width="${c.w}" height="${n(c.h)}" fill="${c.pal.ground}"/>` +
      crowd(c, 6, base + c.h * 0.2, c.h * 0.15, c.w * 0.3, c.w * 0.62)
    );
  },
  bridge: (c) => {
    const water = c.horizon + c.h * 0.06;
    const arches: string[] = [];
    const span = c.w / 5;
    for (let i = 0; i < 5; i++) {
      const x = i * span;
      arches.push(
        `<path d="M${n(x)},${n(water)} Q${n(x + span / 2)},${n(water - c.h * 0.16)} ${n(x + span)},${n(water)}" fill="none" stroke="${c.pal.near}" stroke-width="18"/>`,
      );
      arches.push(
        `<rect x="${n(x - 14)}" y="${n(water - c.h * 0.17)}" width="28" height="${n(c.h * 0.2)}" fill="${c.pal.near}"/>`,
      );
    }
    return (
      buildings(c, c.horizon, c.h * 0.05, c.h * 0.16, c.pal.far, false) +
      `<rect x="0" y="${n(water)}" width="${c.w}" height="${n(c.h)}" fill="${c.pal.skyTop}" opacity="0.85"/>` +
      `<rect x="0" y="${n(water - c.h * 0.17 - 16)}" width="${c.w}" height="22" fill="${c.pal.near}"/>` +
      arches.join('') +
      Array.from(
        { length: 40 },
        () =>
          `<rect x="${n(c.rnd() * c.w)}" y="${n(water + 20 + c.rnd() * (c.h - water))}" width="${n(40 + c.rnd() * 160)}" height="4" fill="${c.pal.sun}" opacity="0.35"/>`,
      ).join('')
    );
  },
  coast: (c) => {
    const sea = c.horizon + c.h * 0.05;
    const houses: string[] = [];
    for (let i = 0; i < 60; i++) {
      const x = c.rnd() * c.w * 0.7;
      const y = c.horizon - c.h * 0.2 + c.rnd() * c.h * 0.22 + (x / c.w) * c.h * 0.1;
      houses.push(
        `<rect x="${n(x)}" y="${n(y)}" width="${n(30 + c.rnd() * 40)}" height="${n(24 + c.rnd() * 26)}" fill="${pick(c.rnd, [c.pal.window, ...c.pal.accents])}" opacity="0.9"/>`,
      );
    }
    return (
      hillsPath(c, c.horizon - c.h * 0.18, c.h * 0.12, 0.8, c.pal.far) +
      hillsPath(c, c.horizon - c.h * 0.04, c.h * 0.08, 1.1, c.pal.mid) +
      houses.join('') +
      `<rect x="0" y="${n(sea)}" width="${c.w}" height="${n(c.h)}" fill="${c.pal.skyTop}"/>` +
      Array.from(
        { length: 50 },
        () =>
          `<rect x="${n(c.rnd() * c.w)}" y="${n(sea + 10 + c.rnd() * (c.h - sea))}" width="${n(30 + c.rnd() * 120)}" height="3" fill="${c.pal.sun}" opacity="0.45"/>`,
      ).join('')
    );
  },
  river: (c) => {
    const water = c.horizon + c.h * 0.02;
    return (
      buildings(c, c.horizon, c.h * 0.04, c.h * 0.14, c.pal.far, false) +
      `<rect x="0" y="${n(water)}" width="${c.w}" height="${n(c.h)}" fill="${c.pal.skyTop}" opacity="0.9"/>` +
      `<path d="M0,${n(c.h)} L0,${n(c.h * 0.82)} Q${n(c.w * 0.3)},${n(c.h * 0.76)} ${n(c.w * 0.55)},${n(c.h * 0.86)} T${n(c.w)},${n(c.h * 0.84)} L${n(c.w)},${n(c.h)} Z" fill="${c.pal.ground}"/>` +
      `<path d="M${n(c.w * 0.62)},${n(water + 60)} l220,0 l-30,36 l-170,0 Z" fill="${c.pal.near}"/>` +
      Array.from(
        { length: 30 },
        () =>
          `<rect x="${n(c.rnd() * c.w)}" y="${n(water + 15 + c.rnd() * c.h * 0.2)}" width="${n(60 + c.rnd() * 200)}" height="3" fill="${c.pal.sun}" opacity="0.4"/>`,
      ).join('')
    );
  },
  hills: (c) => {
    const trees: string[] = [];
    for (let i = 0; i < 26; i++) {
      const x = c.rnd() * c.w;
      const y = c.horizon + c.h * 0.12 + c.rnd() * c.h * 0.22;
      const r = 28 + c.rnd() * 30;
      trees.push(
        `<rect x="${n(x - 5)}" y="${n(y)}" width="10" height="${n(r * 1.2)}" fill="${c.pal.near}"/><ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(r * 1.3)}" ry="${n(r)}" fill="${pick(c.rnd, [c.pal.accents[0]!, c.pal.mid])}"/>`,
      );
    }
    const town: string[] = [];
    for (let i = 0; i < 40; i++) {
      const x = c.w * 0.45 + c.rnd() * c.w * 0.4;
      const y = c.horizon - c.h * 0.1 + c.rnd() * c.h * 0.08;
      town.push(
        `<rect x="${n(x)}" y="${n(y)}" width="${n(34 + c.rnd() * 40)}" height="${n(26 + c.rnd() * 30)}" fill="${c.pal.window}" stroke="${c.pal.far}" stroke-width="2"/>`,
      );
    }
    return (
      hillsPath(c, c.horizon - c.h * 0.1, c.h * 0.1, 0.7, c.pal.far) +
      town.join('') +
      hillsPath(c, c.horizon + c.h * 0.04, c.h * 0.07, 1.2, c.pal.ground) +
      trees.join('')
    );
  },
  market: (c) => {
    const base = c.horizon + c.h * 0.2;
    const stalls: string[] = [];
    const count = 7;
    for (let i = 0; i < count; i++) {
      const x = (i / count) * c.w + 10;
      const sw = c.w / count - 20;
      const col = pick(c.rnd, c.pal.accents);
      const stripes: string[] = [];
      for (let s = 0; s < 6; s++)
        if (s % 2 === 0)
          stripes.push(
            `<rect x="${n(x + (s * sw) / 6)}" y="${n(base - c.h * 0.32)}" width="${n(sw / 6)}" height="${n(c.h * 0.08)}" fill="#ffffff" opacity="0.5"/>`,
          );
      stalls.push(
        `<rect x="${n(x)}" y="${n(base - c.h * 0.32)}" width="${n(sw)}" height="${n(c.h * 0.08)}" fill="${col}"/>` +
          stripes.join('') +
          `<rect x="${n(x + 8)}" y="${n(base - c.h * 0.24)}" width="10" height="${n(c.h * 0.24)}" fill="${c.pal.near}"/>` +
          `<rect x="${n(x + sw - 18)}" y="${n(base - c.h * 0.24)}" width="10" height="${n(c.h * 0.24)}" fill="${c.pal.near}"/>` +
          `<rect x="${n(x)}" y="${n(base - c.h * 0.1)}" width="${n(sw)}" height="${n(c.h * 0.1)}" fill="${c.pal.mid}"/>` +
          Array.from(
            { length: 8 },
            (_, k) =>
              `<circle cx="${n(x + 30 + k * ((sw - 60) / 7))}" cy="${n(base - c.h * 0.11)}" r="${n(14 + c.rnd() * 8)}" fill="${pick(c.rnd, c.pal.accents)}"/>`,
          ).join(''),
      );
    }
    return (
      hillsPath(c, c.horizon - c.h * 0.02, c.h * 0.05, 1, c.pal.far) +
      `<rect x="0" y="${n(c.horizon)}" width="${c.w}" height="${n(c.h)}" fill="${c.pal.ground}"/>` +
      stalls.join('') +
      crowd(c, 18, c.h * 0.97, c.h * 0.2, c.w * 0.9, c.w * 0.05)
    );
  },
  square: (c) => {
    const base = c.horizon + c.h * 0.08;
    const lines: string[] = [];
    for (let i = -8; i <= 8; i++)
      lines.push(
        `<line x1="${n(c.w / 2 + i * 60)}" y1="${n(base)}" x2="${n(c.w / 2 + i * 320)}" y2="${n(c.h)}" stroke="${c.pal.mid}" stroke-width="3" opacity="0.35"/>`,
      );
    return (
      buildings(c, base, c.h * 0.18, c.h * 0.34, c.pal.mid, true) +
      `<rect x="0" y="${n(base)}" width="${c.w}" height="${n(c.h)}" fill="${c.pal.ground}"/>` +
      lines.join('') +
      `<rect x="${n(c.w * 0.48)}" y="${n(base - c.h * 0.3)}" width="${n(c.w * 0.04)}" height="${n(c.h * 0.36)}" fill="${c.pal.near}"/>` +
      crowd(c, 9, c.h * 0.93, c.h * 0.16, c.w * 0.7, c.w * 0.14)
    );
  },
  group: (c) => {
    const base = c.h * 0.98;
    return (
      buildings(c, c.horizon + c.h * 0.05, c.h * 0.2, c.h * 0.34, c.pal.far, true) +
      `<rect x="0" y="${n(c.horizon + c.h * 0.05)}" width="${c.w}" height="${n(c.h)}" fill="${c.pal.ground}"/>` +
      crowd(c, 8, base - c.h * 0.05, c.h * 0.42, c.w * 0.7, c.w * 0.15) +
      crowd(c, 7, base, c.h * 0.46, c.w * 0.66, c.w * 0.17)
    );
  },
  workshop: (c) => {
    const table = c.h * 0.72;
    const papers: string[] = [];
    for (let i = 0; i < 9; i++)
      papers.push(
        `<rect x="${n(c.w * 0.2 + c.rnd() * c.w * 0.55)}" y="${n(table + 10 + c.rnd() * 50)}" width="${n(90 + c.rnd() * 60)}" height="${n(60 + c.rnd() * 30)}" fill="#fbfaf5" transform="rotate(${n((c.rnd() - 0.5) * 20)})" opacity="0.95"/>`,
      );
    return (
      `<rect x="0" y="${n(c.h * 0.18)}" width="${c.w}" height="${n(c.h)}" fill="${c.pal.far}"/>` +
      `<rect x="${n(c.w * 0.08)}" y="${n(c.h * 0.24)}" width="${n(c.w * 0.3)}" height="${n(c.h * 0.26)}" fill="${c.pal.window}" opacity="0.8"/>` +
      `<rect x="${n(c.w * 0.6)}" y="${n(c.h * 0.22)}" width="${n(c.w * 0.3)}" height="${n(c.h * 0.3)}" fill="#f7f4ea" stroke="${c.pal.near}" stroke-width="6"/>` +
      Array.from(
        { length: 5 },
        (_, i) =>
          `<rect x="${n(c.w * 0.63)}" y="${n(c.h * 0.27 + i * 40)}" width="${n(c.w * (0.12 + c.rnd() * 0.12))}" height="14" fill="${pick(c.rnd, c.pal.accents)}"/>`,
      ).join('') +
      crowd(c, 6, table + 10, c.h * 0.34, c.w * 0.7, c.w * 0.15) +
      `<rect x="${n(c.w * 0.1)}" y="${n(table)}" width="${n(c.w * 0.8)}" height="${n(c.h * 0.06)}" fill="${c.pal.near}"/>` +
      `<rect x="${n(c.w * 0.1)}" y="${n(table)}" width="${n(c.w * 0.8)}" height="${n(c.h * 0.3)}" fill="${c.pal.mid}"/>` +
      papers.join('')
    );
  },
};

export function photoSvg(spec: PhotoSpec): string {
  const w = spec.width ?? 2400;
  const h = spec.height ?? 1600;
  const pal = PALETTES[spec.palette];
  const rnd = seededRandom(spec.seed);
  const horizon = h * 0.55;
  const ctx: SceneCtx = { w, h, horizon, rnd, pal };
  const sunX = w * (0.15 + rnd() * 0.7);
  const sunY = h * (0.12 + rnd() * 0.2);
  const clouds = Array.from({ length: 6 }, () => {
    const cx = rnd() * w;
    const cy = h * (0.05 + rnd() * 0.3);
    return `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(w * (0.06 + rnd() * 0.1))}" ry="${n(h * (0.015 + rnd() * 0.02))}" fill="#ffffff" opacity="${n(0.12 + rnd() * 0.2)}"/>`;
  }).join('');
  const scene = SCENE_DRAW[spec.scene](ctx);
  const band = Math.round(h * 0.06);
  return (
    svgOpen(w, h) +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${pal.skyTop}"/><stop offset="1" stop-color="${pal.skyBottom}"/></linearGradient>` +
    `<radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.45"/></radialGradient>` +
    `<radialGradient id="sun" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="${pal.sun}" stop-opacity="1"/><stop offset="1" stop-color="${pal.sun}" stop-opacity="0"/></radialGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#sky)"/>` +
    `<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(h * 0.2)}" fill="url(#sun)"/>` +
    clouds +
    scene +
    `<rect width="${w}" height="${h}" fill="url(#vignette)"/>` +
    `<rect x="0" y="${h - band}" width="${w}" height="${band}" fill="#000" opacity="0.55"/>` +
    `<text x="${Math.round(w * 0.02)}" y="${h - Math.round(band * 0.32)}" font-family="${FONT}" font-size="${Math.round(band * 0.45)}" fill="#fff">${escapeXml(spec.caption)}</text>` +
    `</svg>`
  );
}

// ---------------------------------------------------------------------------------------------
// Posters: colour fields, interlocking rings, big type.

export interface PosterSpec {
  background: string;
  ink: string;
  accent: string;
  second: string;
  kicker: string;
  headline: string[];
  subline: string;
  footer: string;
  /** Right-to-left lines are anchored at the right edge. */
  rtlLines?: string[];
  width?: number;
  height?: number;
  motif?: 'rings' | 'stripes' | 'sun';
}

export function posterSvg(spec: PosterSpec): string {
  const w = spec.width ?? 1800;
  const h = spec.height ?? 2546;
  const m = w * 0.08;
  const longest = Math.max(...spec.headline.map((l) => l.length), 4);
  const size = Math.min(w * 0.15, ((w - 2 * m) / longest) * 1.38);
  const subSize = Math.min(w * 0.042, ((w - 2 * m) / Math.max(spec.subline.length, 1)) * 1.8);
  const motif = spec.motif ?? 'rings';
  let art: string;
  if (motif === 'rings') {
    art =
      `<circle cx="${n(w * 0.4)}" cy="${n(h * 0.24)}" r="${n(w * 0.21)}" fill="none" stroke="${spec.accent}" stroke-width="${n(w * 0.05)}"/>` +
      `<circle cx="${n(w * 0.62)}" cy="${n(h * 0.24)}" r="${n(w * 0.21)}" fill="none" stroke="${spec.second}" stroke-width="${n(w * 0.05)}" opacity="0.9"/>`;
  } else if (motif === 'stripes') {
    art = Array.from(
      { length: 9 },
      (_, i) =>
        `<rect x="${n(m + i * ((w - 2 * m) / 9))}" y="${n(h * 0.06)}" width="${n((w - 2 * m) / 18)}" height="${n(h * 0.36 - (i % 3) * h * 0.06)}" fill="${i % 2 ? spec.accent : spec.second}"/>`,
    ).join('');
  } else {
    const rays = Array.from({ length: 24 }, (_, i) => {
      const a = (i / 24) * Math.PI * 2;
      return `<line x1="${n(w / 2)}" y1="${n(h * 0.22)}" x2="${n(w / 2 + Math.cos(a) * w * 0.3)}" y2="${n(h * 0.22 + Math.sin(a) * w * 0.3)}" stroke="${i % 2 ? spec.accent : spec.second}" stroke-width="${n(w * 0.025)}"/>`;
    }).join('');
    art = `<g opacity="0.85">${rays}</g><circle cx="${n(w / 2)}" cy="${n(h * 0.22)}" r="${n(w * 0.12)}" fill="${spec.accent}"/>`;
  }
  const kickerY = h * 0.47;
  let y = kickerY + size * 1.1;
  const lines = spec.headline
    .map((line, i) => {
      const out = `<text x="${n(m)}" y="${n(y)}" font-family="${FONT}" font-weight="bold" font-size="${n(size)}" fill="${i === 0 ? spec.accent : spec.ink}">${escapeXml(line)}</text>`;
      y += size * 1.05;
      return out;
    })
    .join('');
  const rtl = (spec.rtlLines ?? [])
    .map(
      (line, i) =>
        `<text x="${n(w - m)}" y="${n(y + size * 0.2 + subSize * 1.4 + (i + 1) * w * 0.08)}" text-anchor="end" font-family="${FONT}" font-weight="bold" font-size="${n(w * 0.065)}" fill="${spec.ink}">${escapeXml(line)}</text>`,
    )
    .join('');
  return (
    svgOpen(w, h) +
    `<rect width="${w}" height="${h}" fill="${spec.background}"/>` +
    art +
    rtl +
    `<text x="${n(m)}" y="${n(kickerY)}" font-family="${FONT}" font-size="${n(w * 0.035)}" letter-spacing="6" fill="${spec.ink}">${escapeXml(spec.kicker.toUpperCase())}</text>` +
    lines +
    `<rect x="${n(m)}" y="${n(y - size * 0.5)}" width="${n(w * 0.2)}" height="${n(w * 0.012)}" fill="${spec.second}"/>` +
    `<text x="${n(m)}" y="${n(y + size * 0.2)}" font-family="${FONT}" font-size="${n(subSize)}" fill="${spec.ink}">${escapeXml(spec.subline)}</text>` +
    `<text x="${n(m)}" y="${n(h - m * 0.7)}" font-family="${FONT}" font-size="${n(w * 0.022)}" fill="${spec.ink}" opacity="0.8">${escapeXml(spec.footer)}</text>` +
    `</svg>`
  );
}

// ---------------------------------------------------------------------------------------------
// Letters: a typed page on toned paper with letterhead, body and a signature stroke.

export interface LetterSpec {
  letterhead: string;
  sender: string;
  place: string;
  subject: string;
  body: string[];
  closing: string;
  signature: string;
  stamp: string;
  seed: number;
  width?: number;
  height?: number;
  /** Typewriter look for older letters. */
  typewriter?: boolean;
}

/** Greedy wrap by character count; good enough for a monospaced or evenly set page. */
export function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    if (line && line.length + 1 + word.length > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

export function letterSvg(spec: LetterSpec): string {
  const w = spec.width ?? 1700;
  const h = spec.height ?? 2200;
  const m = w * 0.11;
  const rnd = seededRandom(spec.seed);
  const family = spec.typewriter ? "'DejaVu Sans Mono', 'Liberation Mono', monospace" : SERIF;
  const size = w * 0.021;
  const perLine = Math.floor((w - 2 * m) / (size * (spec.typewriter ? 0.61 : 0.55)));
  const texts: string[] = [];
  let y = h * 0.27;
  const line = (text: string, opts = '') => {
    texts.push(
      `<text x="${n(m)}" y="${n(y)}" font-family="${family}" font-size="${n(size)}" fill="#2a2622"${opts}>${escapeXml(text)}</text>`,
    );
    y += size * 1.6;
  };
  line(spec.place, ` text-anchor="end" transform="translate(${n(w - 2 * m)},0)"`);
  y += size;
  line(spec.subject, ' font-weight="bold"');
  y += size * 0.6;
  for (const paragraph of spec.body) {
    for (const l of wrap(paragraph, perLine)) line(l);
    y += size * 0.7;
  }
  line(spec.closing);
  const sy = y + size * 1.6;
  let d = `M${n(m)},${n(sy)}`;
  for (let i = 0; i < 9; i++)
    d += ` q${n(30 + rnd() * 30)},${n(-40 - rnd() * 40)} ${n(50 + rnd() * 30)},${n((rnd() - 0.5) * 24)}`;
  texts.push(
    `<path d="${d}" fill="none" stroke="#1d2f6f" stroke-width="5" stroke-linecap="round"/>`,
  );
  y = sy + size * 3;
  line(spec.signature);
  const fibres = Array.from(
    { length: 120 },
    () =>
      `<line x1="${n(rnd() * w)}" y1="${n(rnd() * h)}" x2="${n(rnd() * w)}" y2="${n(rnd() * h)}" stroke="#8b7b5a" stroke-width="1" opacity="0.05"/>`,
  ).join('');
  return (
    svgOpen(w, h) +
    `<defs><radialGradient id="paper" cx="0.5" cy="0.45" r="0.8"><stop offset="0" stop-color="#fbf6ea"/><stop offset="1" stop-color="${spec.typewriter ? '#e3d5b3' : '#efe8d6'}"/></radialGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#paper)"/>` +
    fibres +
    `<text x="${n(w / 2)}" y="${n(h * 0.09)}" text-anchor="middle" font-family="${SERIF}" font-size="${n(w * 0.04)}" letter-spacing="4" fill="#1d2f6f">${escapeXml(spec.letterhead)}</text>` +
    `<line x1="${n(m)}" y1="${n(h * 0.11)}" x2="${n(w - m)}" y2="${n(h * 0.11)}" stroke="#1d2f6f" stroke-width="3"/>` +
    `<text x="${n(w / 2)}" y="${n(h * 0.135)}" text-anchor="middle" font-family="${FONT}" font-size="${n(w * 0.016)}" fill="#1d2f6f">${escapeXml(spec.sender)}</text>` +
    texts.join('') +
    `<g transform="translate(${n(w - m - w * 0.1)},${n(h - m * 1.4)}) rotate(-12)"><circle r="${n(w * 0.09)}" fill="none" stroke="#b23a48" stroke-width="6" opacity="0.7"/><text text-anchor="middle" y="${n(w * 0.012)}" font-family="${FONT}" font-weight="bold" font-size="${n(w * 0.022)}" fill="#b23a48" opacity="0.75">${escapeXml(spec.stamp)}</text></g>` +
    `</svg>`
  );
}

// ---------------------------------------------------------------------------------------------
// Council of Europe emblems: a hanging flag and a bronze plaque, both reconstructions.

function starPath(cx: number, cy: number, r: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.382;
    pts.push(`${n(cx + Math.cos(a) * rr)},${n(cy + Math.sin(a) * rr)}`);
  }
  return `<polygon points="${pts.join(' ')}"/>`;
}

function starRing(cx: number, cy: number, radius: number, star: number, fill: string): string {
  const stars = Array.from({ length: 12 }, (_, i) => {
    const a = (i / 12) * Math.PI * 2;
    return starPath(cx + Math.sin(a) * radius, cy - Math.cos(a) * radius, star);
  });
  return `<g fill="${fill}">${stars.join('')}</g>`;
}

export interface EmblemSpec {
  inscription: string[];
  caption: string;
  width?: number;
  height?: number;
}

export function flagSvg(spec: EmblemSpec): string {
  const w = spec.width ?? 2400;
  const h = spec.height ?? 1600;
  const fx = w * 0.14;
  const fy = h * 0.1;
  const fw = w * 0.72;
  const fh = h * 0.62;
  const folds = Array.from(
    { length: 8 },
    (_, i) => `<stop offset="${n(i / 7)}" stop-color="#000" stop-opacity="${i % 2 ? 0.22 : 0}"/>`,
  ).join('');
  const fringe = Array.from(
    { length: 70 },
    (_, i) =>
      `<line x1="${n(fx + (i / 69) * fw)}" y1="${n(fy + fh)}" x2="${n(fx + (i / 69) * fw)}" y2="${n(fy + fh + h * 0.04)}" stroke="#d4a72c" stroke-width="7"/>`,
  ).join('');
  const lines = spec.inscription
    .map(
      (l, i) =>
        `<text x="${n(fx + fw / 2)}" y="${n(fy + fh * 0.5 + (i - (spec.inscription.length - 1) / 2) * h * 0.05 + h * 0.015)}" text-anchor="middle" font-family="${SERIF}" font-weight="bold" font-size="${n(h * 0.036)}" fill="#ffcc00">${escapeXml(l)}</text>`,
    )
    .join('');
  return (
    svgOpen(w, h) +
    `<defs><linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#e9e4da"/><stop offset="1" stop-color="#c9c1b3"/></linearGradient>` +
    `<linearGradient id="folds" x1="0" y1="0" x2="1" y2="0">${folds}</linearGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#wall)"/>` +
    `<rect x="${n(fx - w * 0.03)}" y="${n(fy - h * 0.03)}" width="${n(fw + w * 0.06)}" height="${n(h * 0.022)}" rx="10" fill="#6d5a3a"/>` +
    `<rect x="${n(fx)}" y="${n(fy)}" width="${n(fw)}" height="${n(fh)}" fill="#003399"/>` +
    starRing(fx + fw / 2, fy + fh / 2, fh * 0.33, fh * 0.045, '#ffcc00') +
    lines +
    `<rect x="${n(fx)}" y="${n(fy)}" width="${n(fw)}" height="${n(fh)}" fill="url(#folds)"/>` +
    fringe +
    `<text x="${n(w / 2)}" y="${n(h * 0.93)}" text-anchor="middle" font-family="${FONT}" font-size="${n(h * 0.028)}" fill="#3a342c">${escapeXml(spec.caption)}</text>` +
    `</svg>`
  );
}

export function plaqueSvg(spec: EmblemSpec): string {
  const w = spec.width ?? 2000;
  const h = spec.height ?? 2000;
  const cx = w / 2;
  const cy = h * 0.46;
  const r = w * 0.36;
  const lines = spec.inscription
    .map(
      (l, i) =>
        `<text x="${n(cx)}" y="${n(cy + (i - (spec.inscription.length - 1) / 2) * w * 0.055 + w * 0.015)}" text-anchor="middle" font-family="${SERIF}" font-weight="bold" font-size="${n(w * 0.04)}" fill="#4a2f12" opacity="0.9">${escapeXml(l)}</text>`,
    )
    .join('');
  return (
    svgOpen(w, h) +
    `<defs><radialGradient id="velvet" cx="0.5" cy="0.4" r="0.8"><stop offset="0" stop-color="#2b4a6f"/><stop offset="1" stop-color="#0f1e33"/></radialGradient>` +
    `<radialGradient id="bronze" cx="0.35" cy="0.3" r="0.9"><stop offset="0" stop-color="#f3d08a"/><stop offset="0.5" stop-color="#c08a3e"/><stop offset="1" stop-color="#6e4518"/></radialGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#velvet)"/>` +
    `<circle cx="${n(cx + 14)}" cy="${n(cy + 18)}" r="${n(r)}" fill="#000" opacity="0.35"/>` +
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="url(#bronze)"/>` +
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r * 0.93)}" fill="none" stroke="#6e4518" stroke-width="6" opacity="0.6"/>` +
    starRing(cx, cy, r * 0.78, r * 0.06, '#7a4f1f') +
    lines +
    `<text x="${n(cx)}" y="${n(h * 0.93)}" text-anchor="middle" font-family="${FONT}" font-size="${n(w * 0.024)}" fill="#e8eef6">${escapeXml(spec.caption)}</text>` +
    `</svg>`
  );
}

// ---------------------------------------------------------------------------------------------
// Screens: a video call and a browser window, for the digital contact of 2020.

export interface ScreenSpec {
  title: string;
  tiles: string[];
  caption: string;
  seed: number;
  mode: 'call' | 'browser';
  width?: number;
  height?: number;
}

export function screenSvg(spec: ScreenSpec): string {
  const w = spec.width ?? 2400;
  const h = spec.height ?? 1500;
  const rnd = seededRandom(spec.seed);
  const bar = h * 0.06;
  const parts: string[] = [];
  if (spec.mode === 'call') {
    const cols = 3;
    const rows = Math.ceil(spec.tiles.length / cols);
    const tw = (w - 40 * (cols + 1)) / cols;
    const th = (h - bar * 2 - 40 * (rows + 1)) / rows;
    spec.tiles.forEach((label, i) => {
      const x = 40 + (i % cols) * (tw + 40);
      const y = bar + 40 + Math.floor(i / cols) * (th + 40);
      const bg = pick(rnd, [
        '#3d5a80',
        '#98c1d9',
        '#e0fbfc',
        '#ee6c4d',
        '#293241',
        '#84a59d',
        '#f6bd60',
      ]);
      parts.push(
        `<rect x="${n(x)}" y="${n(y)}" width="${n(tw)}" height="${n(th)}" rx="18" fill="${bg}"/>` +
          `<circle cx="${n(x + tw / 2)}" cy="${n(y + th * 0.42)}" r="${n(th * 0.16)}" fill="#2b2d42" opacity="0.85"/>` +
          `<path d="M${n(x + tw / 2 - th * 0.32)},${n(y + th)} Q${n(x + tw / 2)},${n(y + th * 0.45)} ${n(x + tw / 2 + th * 0.32)},${n(y + th)} Z" fill="#2b2d42" opacity="0.85"/>` +
          `<rect x="${n(x + 16)}" y="${n(y + th - 64)}" width="${n(label.length * 24 + 40)}" height="48" rx="8" fill="#000" opacity="0.6"/>` +
          `<text x="${n(x + 36)}" y="${n(y + th - 30)}" font-family="${FONT}" font-size="30" fill="#fff">${escapeXml(label)}</text>`,
      );
    });
  } else {
    parts.push(`<rect x="0" y="${n(bar)}" width="${w}" height="${n(bar * 0.9)}" fill="#f1f3f4"/>`);
    parts.push(
      `<rect x="${n(w * 0.12)}" y="${n(bar * 1.15)}" width="${n(w * 0.6)}" height="${n(bar * 0.6)}" rx="${n(bar * 0.3)}" fill="#fff" stroke="#c8ccd0"/>`,
    );
    parts.push(
      `<text x="${n(w * 0.14)}" y="${n(bar * 1.57)}" font-family="${FONT}" font-size="${n(bar * 0.32)}" fill="#5f6368">${escapeXml(spec.tiles[0] ?? '')}</text>`,
    );
    const top = bar * 1.9;
    parts.push(`<rect x="0" y="${n(top)}" width="${w}" height="${n(h * 0.4)}" fill="#1d3557"/>`);
    parts.push(
      `<circle cx="${n(w * 0.72)}" cy="${n(top + h * 0.2)}" r="${n(h * 0.14)}" fill="none" stroke="#e63946" stroke-width="26"/><circle cx="${n(w * 0.8)}" cy="${n(top + h * 0.2)}" r="${n(h * 0.14)}" fill="none" stroke="#f1faee" stroke-width="26" opacity="0.9"/>`,
    );
    parts.push(
      `<text x="${n(w * 0.06)}" y="${n(top + h * 0.2)}" font-family="${FONT}" font-weight="bold" font-size="${n(h * 0.07)}" fill="#f1faee">${escapeXml(spec.tiles[1] ?? '')}</text>`,
    );
    parts.push(
      `<text x="${n(w * 0.06)}" y="${n(top + h * 0.3)}" font-family="${FONT}" font-size="${n(h * 0.04)}" fill="#a8dadc">${escapeXml(spec.tiles[2] ?? '')}</text>`,
    );
    for (let i = 0; i < 4; i++) {
      const x = w * 0.06 + i * w * 0.225;
      const y = top + h * 0.45;
      parts.push(
        `<rect x="${n(x)}" y="${n(y)}" width="${n(w * 0.2)}" height="${n(h * 0.22)}" fill="${pick(rnd, ['#457b9d', '#e9c46a', '#a8dadc', '#e76f51', '#2a9d8f'])}"/>`,
      );
      parts.push(
        `<rect x="${n(x)}" y="${n(y + h * 0.24)}" width="${n(w * (0.1 + rnd() * 0.09))}" height="20" fill="#3c4043"/>`,
      );
      parts.push(
        `<rect x="${n(x)}" y="${n(y + h * 0.27)}" width="${n(w * (0.08 + rnd() * 0.1))}" height="14" fill="#9aa0a6"/>`,
      );
    }
  }
  return (
    svgOpen(w, h) +
    `<rect width="${w}" height="${h}" fill="${spec.mode === 'call' ? '#1b1b1f' : '#ffffff'}"/>` +
    `<rect width="${w}" height="${n(bar)}" fill="#2f3035"/>` +
    `<circle cx="${n(bar * 0.6)}" cy="${n(bar / 2)}" r="${n(bar * 0.17)}" fill="#ff5f57"/><circle cx="${n(bar * 1.1)}" cy="${n(bar / 2)}" r="${n(bar * 0.17)}" fill="#febc2e"/><circle cx="${n(bar * 1.6)}" cy="${n(bar / 2)}" r="${n(bar * 0.17)}" fill="#28c840"/>` +
    `<text x="${n(w / 2)}" y="${n(bar * 0.66)}" text-anchor="middle" font-family="${FONT}" font-size="${n(bar * 0.4)}" fill="#e8e8ea">${escapeXml(spec.title)}</text>` +
    parts.join('') +
    `<rect x="0" y="${n(h - bar)}" width="${w}" height="${n(bar)}" fill="#000" opacity="0.7"/>` +
    `<text x="${n(w * 0.02)}" y="${n(h - bar * 0.32)}" font-family="${FONT}" font-size="${n(bar * 0.4)}" fill="#fff">${escapeXml(spec.caption)}</text>` +
    `</svg>`
  );
}
