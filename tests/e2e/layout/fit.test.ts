import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS_DIR, useAppSessions } from '../harness';
import { describeViolations } from '../harness/axe';

/**
 * The workspace's layout rules at the three window sizes curators use, through the real
 * `vitrine web` host in Debian's Chromium. One host, one page, resized between passes: the rules
 * are about geometry, so one library and one browser are enough (and keep the suite short).
 * `VITRINE_LAYOUT_SHOTS=DIR` also writes a screenshot of every screen at every size, for looking;
 * `VITRINE_SCREENSHOTS=1` writes the README's workspace screenshots (1440×900), as
 * tests/e2e/app/frame.test.ts does for the start screen and the library.
 */
const sessions = useAppSessions();
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
const shots = process.env.VITRINE_LAYOUT_SHOTS;
const README_SHOTS: Record<string, string> = {
  'item-editor': 'item-editor.png',
  partnerships: 'partnerships.png',
  'exhibition-editor-inspector': 'exhibition-editor.png',
};

interface Fit {
  /** Regions wider than their box (they would scroll sideways). */
  overflowing: string[];
  /** Controls cut off by an ancestor that clips, or wider than their own box. */
  clipped: string[];
}

/**
 * Geometry of the page as laid out: the main regions must not scroll sideways, and no visible
 * control may stick out of an ancestor that clips it (overflow other than visible) or out of the
 * window. Vertical scrolling is allowed (lists are long), so only clipping containers that do not
 * scroll vertically are checked in both directions.
 */
async function measureFit(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const name = (el: Element) => {
      const label =
        el.getAttribute('aria-label') ??
        (el as HTMLElement).innerText?.trim().slice(0, 40) ??
        el.getAttribute('placeholder') ??
        '';
      return `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${label}"`;
    };
    const overflowing: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) overflowing.push(`page ${root.scrollWidth}px`);
    for (const el of document.querySelectorAll(
      'header, nav, main, main > *, main section, main aside, main article, [role="dialog"]',
    )) {
      const box = el as HTMLElement;
      if (box.offsetParent === null && getComputedStyle(box).position !== 'fixed') continue;
      if (box.scrollWidth > box.clientWidth + 1) {
        overflowing.push(`${name(box)} ${box.scrollWidth}>${box.clientWidth}`);
      }
    }
    const clipped: string[] = [];
    const controls = document.querySelectorAll(
      'button, input:not([type="hidden"]), select, textarea, a[href], [role="tab"], [role="menuitem"]',
    );
    for (const el of controls) {
      const control = el as HTMLElement;
      const rect = control.getBoundingClientRect();
      // Hidden, or visually hidden for screen readers only (1×1 px).
      if (rect.width <= 2 || rect.height <= 2) continue;
      if (getComputedStyle(control).visibility === 'hidden') continue;
      if (rect.left < -1 || rect.right > window.innerWidth + 1) {
        clipped.push(`${name(control)} outside the window`);
        continue;
      }
      // Text that does not fit its button (a cut-off "Löschen").
      if (control.tagName === 'BUTTON' && control.scrollWidth > control.clientWidth + 1) {
        clipped.push(`${name(control)} text ${control.scrollWidth}>${control.clientWidth}`);
        continue;
      }
      for (let up = control.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const box = up.getBoundingClientRect();
        const sideways = rect.left < box.left - 1 || rect.right > box.right + 1;
        const scrollsY = style.overflowY === 'auto' || style.overflowY === 'scroll';
        const vertical = !scrollsY && (rect.top < box.top - 1 || rect.bottom > box.bottom + 1);
        if (sideways || vertical) {
          clipped.push(`${name(control)} clipped by ${name(up)}`);
          break;
        }
      }
    }
    return { overflowing, clipped };
  });
}

async function expectFits(page: Page, screen: string): Promise<void> {
  const size = page.viewportSize()!;
  const where = `${screen} at ${size.width}×${size.height}`;
  if (shots) {
    await mkdir(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `${screen}-${size.width}.png`) });
  }
  const readme = README_SHOTS[screen];
  if (process.env.VITRINE_SCREENSHOTS === '1' && readme && size.width === 1440) {
    await mkdir(SCREENSHOTS_DIR, { recursive: true });
    // Let lazy thumbnails settle so the picture shows what a person sees.
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    await page.screenshot({ path: join(SCREENSHOTS_DIR, readme) });
  }
  const fit = await measureFit(page);
  expect(fit.overflowing, `${where}: regions scrolling sideways`).toEqual([]);
  expect(fit.clipped, `${where}: controls cut off`).toEqual([]);
}

/** axe over the page; the preview frame runs no script, so axe cannot enter it (see editor tests). */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .exclude('iframe')
    .analyze();
  expect(describeViolations(result.violations), `axe on ${screen}`).toBe('');
}

async function openSection(page: Page, name: string, nav = 'Bereiche'): Promise<void> {
  await page
    .getByRole('navigation', { name: nav })
    .getByRole('button', { name, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Columns of the item grid: distinct left edges of the first row's cards. */
async function gridColumns(page: Page): Promise<number> {
  const grid = page.getByTestId('item-grid');
  await grid.getByRole('listitem').first().waitFor();
  return grid.evaluate((el) => {
    const cards = [...el.querySelectorAll('li')];
    const top = Math.min(...cards.map((c) => c.getBoundingClientRect().top));
    return cards.filter((c) => Math.abs(c.getBoundingClientRect().top - top) < 2).length;
  });
}

const SAMPLE = '50 Jahre Dortmund Leeds. Was uns verbindet';
/** Minimum grid columns with the item editor closed (issue 10 §1). */
const MIN_COLUMNS: Record<number, number> = { 1280: 3, 1440: 4, 1920: 4 };

/** The preview's geometry: the canvas beside the rail, and the scaled device frame inside it. */
async function previewBox(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
    };
    return {
      canvas: box('.xeditor__canvas'),
      pane: box('.preview__pane'),
      frame: box('.preview__frame'),
      window: { width: window.innerWidth, height: window.innerHeight },
    };
  });
}

async function expectPreviewFits(page: Page, where: string): Promise<void> {
  const { canvas, pane, frame, window: w } = await previewBox(page);
  // The whole device frame shows: inside the canvas's width and within the window's height.
  expect(frame.left, `${where}: frame left`).toBeGreaterThanOrEqual(pane.left - 1);
  expect(frame.right, `${where}: frame right`).toBeLessThanOrEqual(pane.right + 1);
  expect(frame.bottom, `${where}: frame bottom`).toBeLessThanOrEqual(w.height + 1);
  expect(canvas.right, `${where}: canvas right`).toBeLessThanOrEqual(w.width);
}

describe('workspace layout', () => {
  it('fits every screen at 1280×720, 1440×900 and 1920×1080, with a large library grid and preview', async () => {
    const { page, problems } = await sessions.start({ withSampleLibrary: true });
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });

    for (const size of SIZES) {
      await page.setViewportSize(size);

      // Library: with the editor closed the grid is wide; with an item selected the editor is a
      // wide panel whose text fields use its width.
      await openSection(page, 'Bibliothek');
      await expect
        .poll(() => gridColumns(page), { message: `columns at ${size.width}` })
        .toBeGreaterThanOrEqual(MIN_COLUMNS[size.width]!);
      await expectFits(page, 'library');
      if (size.width === 1440) await expectAccessible(page, 'library with the size control');
      const size180 = await gridColumns(page);
      await page.getByLabel('Vorschaubildgröße').fill('120');
      await expect.poll(() => gridColumns(page)).toBeGreaterThan(size180);
      await page.getByLabel('Vorschaubildgröße').fill('180');
      await expect.poll(() => gridColumns(page)).toBe(size180);
      const grid = page.getByTestId('item-grid');
      await grid.getByRole('listitem').first().getByRole('button').click();
      const editor = page.locator('.library__detail');
      await editor.getByRole('heading', { level: 2 }).first().waitFor();
      await expectFits(page, 'item-editor');
      const panel = await editor.evaluate((el) => el.getBoundingClientRect().width);
      expect(panel, `item editor width at ${size.width}`).toBeGreaterThanOrEqual(400);
      const title = editor.locator('textarea, input[type="text"]').first();
      const field = await title.evaluate((el) => el.getBoundingClientRect().width);
      expect(field, 'a text field uses most of the panel').toBeGreaterThan(panel * 0.6);
      // Deselect (Escape on the grid) so the next size starts with the editor closed.
      await grid
        .getByRole('listitem')
        .first()
        .getByRole('button')
        .click({ modifiers: ['Control'] });
      await expect.poll(() => editor.count()).toBe(0);

      await openSection(page, 'Partnerschaften');
      await page.getByRole('table').getByRole('button', { name: 'Leeds' }).click();
      await page.getByRole('article').getByRole('heading', { level: 2, name: 'Leeds' }).waitFor();
      await expectFits(page, 'partnerships');
      const views = page.getByRole('group', { name: 'Ansicht' });
      await views.getByRole('button', { name: 'Zeitleiste' }).click();
      await expectFits(page, 'partnership-timeline');
      await views.getByRole('button', { name: 'Auszeichnungen' }).click();
      await expectFits(page, 'awards');
      await views.getByRole('button', { name: 'Liste' }).click();

      await openSection(page, 'Ausstellungen');
      await expectFits(page, 'exhibitions');
      if (size.width === 1440) {
        // The row's menu button by keyboard: arrows move, Escape closes and returns focus.
        const more = page.getByRole('button', { name: `Weitere Aktionen für „${SAMPLE}“` });
        const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
        await more.focus();
        await page.keyboard.press('ArrowDown');
        const menu = page.getByRole('menu', { name: `Weitere Aktionen für „${SAMPLE}“` });
        await menu.waitFor();
        await expect.poll(focused).toBe('Duplizieren');
        await page.keyboard.press('ArrowDown');
        await expect.poll(focused).toBe('Umbenennen');
        await page.keyboard.press('End');
        await expect.poll(focused).toBe('Löschen');
        await page.keyboard.press('ArrowDown');
        await expect.poll(focused).toBe('Duplizieren');
        await expectFits(page, 'exhibitions-menu');
        await expectAccessible(page, 'exhibition list with its row menu open');
        await page.keyboard.press('Escape');
        await expect.poll(() => menu.count()).toBe(0);
        await expect(more.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      }

      // Exhibition editor: the title opens it; the preview is the canvas.
      await page.getByRole('button', { name: `„${SAMPLE}“ bearbeiten` }).click();
      await page.getByRole('heading', { level: 1, name: SAMPLE }).waitFor();
      await expectFits(page, 'exhibition-editor');
      await expectPreviewFits(page, `editor at ${size.width}`);
      const { canvas, window: w } = await previewBox(page);
      if (size.width === 1440) {
        expect(canvas.width / w.width, 'preview share of the window').toBeGreaterThanOrEqual(0.55);
      }
      for (const frame of ['Telefon', 'Kiosk 1080×1920', 'Kiosk 1920×1080', 'Web (Desktop)']) {
        await page.locator('#preview-frame').selectOption({ label: frame });
        await expectPreviewFits(page, `${frame} at ${size.width}`);
      }
      // The inspector opens for the selection and closes again.
      const outline = page.getByRole('navigation', { name: 'Gliederung' });
      await outline.locator('.outline__label').nth(1).click();
      const inspector = page.locator('.inspector');
      await inspector.waitFor();
      await expectFits(page, 'exhibition-editor-inspector');
      if (size.width === 1440) await expectAccessible(page, 'exhibition editor with inspector');
      await page.getByRole('button', { name: 'Eigenschaften schließen' }).click();
      await expect.poll(() => inspector.count()).toBe(0);
      await page.getByRole('tab', { name: 'Prüfen' }).click();
      await expectFits(page, 'exhibition-check');
      await page.getByRole('tab', { name: 'Inhalt' }).click();
      await page.getByRole('button', { name: 'Zurück zur Liste' }).click();

      await openSection(page, 'Export');
      await page.getByTestId('export-check').waitFor();
      await expectFits(page, 'export');
    }
    // English labels are longer in places ("Not translated into …", "Thumbnail size"): the
    // tightest size again in English.
    await page.setViewportSize(SIZES[0]);
    await page.getByLabel('Sprache der Oberfläche').selectOption('en');
    for (const [section, screen] of [
      ['Library', 'library-en'],
      ['Partnerships', 'partnerships-en'],
      ['Exhibitions', 'exhibitions-en'],
    ] as const) {
      await openSection(page, section, 'Sections');
      await expectFits(page, screen);
    }
    await page.getByRole('button', { name: `Edit “${SAMPLE}”` }).click();
    await page.getByRole('heading', { level: 1, name: SAMPLE }).waitFor();
    await expectFits(page, 'exhibition-editor-en');
    await page.getByLabel('Interface language').selectOption('de');

    expect(problems.filter((p) => !/Blocked script execution in 'about:srcdoc'/.test(p))).toEqual(
      [],
    );
    // One session walks every screen at three sizes and in two languages (about 90 s on a quiet
    // machine): far more than the suite's default per test, and cheaper than three sessions.
  }, 600_000);
});
