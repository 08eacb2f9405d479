import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import sharp from 'sharp';
import { exportExhibition } from '../../../electron/core/export';
import { openLibrary } from '../../../electron/core/library';
import { createMediaImporter } from '../../../electron/core/media';
import type { Item } from '../../../shared/domain/item';
import { launchBrowser } from '../harness/browser';
import { copyLibrary } from '../harness/library';
import { SCREENSHOTS_DIR } from '../harness/paths';

/**
 * The web bundle's layout rules (issue 13 §1, §5), measured in Chromium on the sample: what the
 * first screen of the start page holds at desktop and phone size, the "then and now" slider
 * under the keyboard, and an Arabic page laid out right to left. One export without a base URL
 * (as copied to a plain static host) and one page reused across the steps, to stay lean.
 * `VITRINE_SCREENSHOTS=1` also writes the README screenshots.
 */
const writeScreenshots = process.env.VITRINE_SCREENSHOTS === '1';

let work: string;
let leeds: string;
let dura: string;
let browser: Browser;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vitrine-e2e-design-'));
  let template: string | undefined;
  try {
    template = inject('sampleTemplate');
  } catch {
    template = undefined;
  }
  let library: string;
  if (template) library = await copyLibrary(template);
  else {
    const { buildSampleLibrary } = await import('../../../electron/core/sample/index');
    library = path.join(work, 'library');
    await buildSampleLibrary(library);
  }
  await addLogo(library);
  leeds = path.join(work, 'leeds');
  dura = path.join(work, 'dura');
  await exportExhibition({
    libraryDir: library,
    exhibition: '50-jahre-dortmund-leeds',
    mode: 'web',
    outDir: leeds,
  });
  await exportExhibition({
    libraryDir: library,
    exhibition: 'projektpartnerschaft-dura',
    mode: 'web',
    outDir: dura,
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/**
 * The library's logo (issue 13 §1): a PNG drawn here, imported through the real media importer
 * as an item, and set with the same command the settings screen sends.
 */
async function addLogo(library: string): Promise<void> {
  const file = path.join(work, 'stadtlogo.png');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><circle cx="120" cy="120" r="112" fill="#0b4f8a"/><path d="M60 160 L120 60 L180 160 Z" fill="#ffd166"/></svg>`;
  await sharp(Buffer.from(svg)).png().toFile(file);
  const [entry] = await createMediaImporter({ libraryDir: library }).importFiles([file]);
  if (entry?.result.status !== 'imported') throw new Error('logo import failed');
  const at = '2026-01-15T10:00:00.000Z';
  const lib = await openLibrary(library);
  try {
    await lib.apply({
      type: 'batch',
      commands: [
        {
          type: 'putItem',
          item: {
            id: 'stadtlogo',
            kind: 'image',
            media: [entry.result.asset],
            title: { de: 'Logo', en: 'Logo' },
            description: {},
            altText: { de: 'Logo der Stadt', en: 'City logo' },
            transcript: {},
            tags: [],
            places: [],
            partnershipIds: [],
            rights: { statement: 'CC0-1.0', holder: 'Stadt Dortmund', creditLine: {} },
            createdAt: at,
            updatedAt: at,
          } as Item,
        },
        {
          type: 'updateManifest',
          logo: { itemId: 'stadtlogo', alt: { de: 'Stadt Dortmund', en: 'City of Dortmund' } },
        },
      ],
    });
  } finally {
    await lib.close();
  }
}

/** Opens a bundle page and waits until its visible images have loaded (no fixed pause). */
async function open(page: Page, root: string, rel: string): Promise<void> {
  await page.goto(pathToFileURL(path.join(root, rel)).href, { waitUntil: 'load' });
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (let frames = 0; frames < 600; frames++) {
      const pending = [...document.images].some((img) => {
        const r = img.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight && r.width > 0 && !img.complete;
      });
      if (!pending) break;
      await new Promise((r) => requestAnimationFrame(r));
    }
    // Decoded too, so a screenshot shows the pictures (decoding="async").
    // Only loaded ones: a lazy picture below the fold would never settle.
    await Promise.all(
      [...document.images]
        .filter((img) => img.complete && img.naturalWidth > 0)
        .map((img) => img.decode().catch(() => undefined)),
    );
  });
}

async function shot(page: Page, file: string): Promise<void> {
  if (!writeScreenshots) return;
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, file) });
}

/** Bounding box of the first match, in CSS pixels of the viewport. */
async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not rendered`);
  return b;
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);

describe('web bundle design', () => {
  it('start page, chapter page and an Arabic page follow the layout rules', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));

    // Desktop: title, subtitle, start button and at least three chapter cards (picture, number,
    // title, one line) all on the first screen; the cover a band, not the whole screen.
    await open(page, leeds, 'de/index.html');
    for (const sel of ['.hero h1', '.hero .subtitle', '.hero .button'])
      expect((await box(page, sel)).y + (await box(page, sel)).height, sel).toBeLessThanOrEqual(
        900,
      );
    const cover = await box(page, '.hero .cover');
    expect(cover.height).toBeLessThan(900 * 0.5);
    const cards = await page.locator('.chapter-cards .card').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        const part = (sel: string) => {
          const p = el.querySelector(sel)?.getBoundingClientRect();
          return p && p.width > 0 && p.height > 0 ? p.bottom : null;
        };
        return {
          bottom: r.bottom,
          image: part('.card-image img'),
          number: part('.number'),
          title: part('.chapter-title'),
          line: part('.card-line'),
        };
      }),
    );
    const onFirstScreen = cards.filter(
      (c) => c.bottom <= 900 && c.image && c.number && c.title && c.line,
    );
    expect(onFirstScreen.length).toBeGreaterThanOrEqual(3);
    expect(await noSidewaysScroll(page)).toBe(true);
    // The bundled typeface, from file:// too: the headings are set in it, and what the page
    // fetched of it stays within 120 KB (the files' sizes on disk; file:// reports no bytes).
    const fonts = await page.evaluate(() => ({
      loaded: [...document.fonts].some(
        (f) => f.family.includes('Vitrine Serif') && f.status === 'loaded',
      ),
      heading: getComputedStyle(document.querySelector('.hero h1')!).fontFamily,
    }));
    expect(fonts.loaded).toBe(true);
    expect(fonts.heading).toMatch(/^"?Vitrine Serif/);
    const fontFiles = [...new Set(requested.filter((u) => u.endsWith('.woff2')))];
    expect(fontFiles.length).toBeGreaterThan(0);
    let fontBytes = 0;
    for (const file of fontFiles) fontBytes += (await stat(fileURLToPath(file))).size;
    expect(fontBytes).toBeLessThanOrEqual(120 * 1024);
    // The library's logo beside the title, with its alt text, loaded and laid out.
    const logo = page.locator('.site-title .site-logo img');
    expect(await logo.getAttribute('alt')).toBe('Stadt Dortmund');
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
    const logoBox = await box(page, '.site-title .site-logo img');
    expect(logoBox.height).toBeGreaterThan(30);
    expect(logoBox.x + logoBox.width).toBeLessThan((await box(page, '.site-title a')).x + 200);
    await shot(page, 'bundle-start.png');

    // Phone: title and start button on the first screen, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, leeds, 'de/index.html');
    for (const sel of ['.hero h1', '.hero .button'])
      expect((await box(page, sel)).y + (await box(page, sel)).height, sel).toBeLessThanOrEqual(
        844,
      );
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, 'bundle-start-phone.png');

    // Chapter page: a hero with "Chapter n of m", text at a readable measure (60–75 characters
    // of the body font), previous/next at the end.
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, leeds, 'de/02-begegnungen.html');
    expect(await page.locator('.chapter-hero .kicker').textContent()).toMatch(
      /^Kapitel 2 von \d+$/,
    );
    const measure = await page.evaluate(() => {
      const p = document.querySelector<HTMLElement>('.block-text p')!;
      const probe = document.createElement('span');
      probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
      probe.style.whiteSpace = 'nowrap';
      p.append(probe);
      const perChar = probe.getBoundingClientRect().width / 104;
      probe.remove();
      return p.getBoundingClientRect().width / perChar;
    });
    expect(measure).toBeGreaterThanOrEqual(60);
    expect(measure).toBeLessThanOrEqual(75);
    expect(await page.locator('.pager a[rel="prev"]').count()).toBe(1);
    expect(await page.locator('.pager a[rel="next"]').count()).toBe(1);
    await shot(page, 'bundle-chapter.png');

    // "Then and now" under the keyboard: the native range input moves the edge.
    const range = page.locator('.compare-range').first();
    await range.scrollIntoViewIfNeeded();
    await range.focus();
    const pos = () =>
      page
        .locator('.compare-stage')
        .first()
        .evaluate((el) => getComputedStyle(el).getPropertyValue('--pos').trim());
    expect(await pos()).toBe('50%');
    for (let i = 0; i < 5; i++) await range.press('ArrowRight');
    expect(await pos()).toBe('55%');
    await range.press('Home');
    expect(await pos()).toBe('0%');
    await range.press('End');
    expect(await pos()).toBe('100%');
    // At 100 % the later picture is clipped away entirely; at 0 % it covers the frame.
    const clip = () =>
      page
        .locator('.compare-after')
        .first()
        .evaluate((el) => getComputedStyle(el).clipPath);
    expect(await clip()).toMatch(/inset\(0(px)? 0(px)? 0(px)? 100%\)/);

    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, leeds, 'de/02-begegnungen.html');
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, 'bundle-chapter-phone.png');

    // Arabic: mirrored. The site title starts at the right edge, the chapter cards run from
    // right to left, and the page does not scroll sideways.
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, dura, 'ar/index.html');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const title = await box(page, '.site-title');
    expect(title.x + title.width).toBeGreaterThan(1440 - 80);
    const [first, second] = await page
      .locator('.chapter-cards .card')
      .evaluateAll((els) => els.slice(0, 2).map((el) => el.getBoundingClientRect().left));
    expect(first!).toBeGreaterThan(second!);
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, 'bundle-arabic.png');
    await context.close();
  });
});
