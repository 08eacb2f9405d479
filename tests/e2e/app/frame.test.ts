import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, SCREENSHOTS_DIR, useAppSessions } from '../harness';

/**
 * The renderer frame through the real `vitrine web` host in Debian's Chromium: start screen,
 * sample library, every section with its data, language switch, axe on every screen, and a
 * console without errors. `VITRINE_SCREENSHOTS=1` also writes the README screenshots.
 */
const sessions = useAppSessions();
const writeScreenshots = process.env.VITRINE_SCREENSHOTS === '1';

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${screen}`).toEqual([]);
}

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

async function screenshot(page: Page, file: string): Promise<void> {
  if (!writeScreenshots) return;
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  // Let lazy thumbnails settle so the picture shows what a person sees.
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SCREENSHOTS_DIR, file) });
}

describe('renderer frame', () => {
  it('goes from the start screen into the sample library and shows every section with its data', async () => {
    const { page, problems } = await sessions.start();

    await page.getByRole('heading', { level: 1, name: 'Willkommen bei Vitrine' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    // The web host has no folder dialogs: the buttons say so instead of failing later.
    await expect(
      page.getByRole('button', { name: 'Bibliothek öffnen …' }).isDisabled(),
    ).resolves.toBe(true);
    await expect(page.getByText('Noch keine Bibliothek geöffnet.').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'start screen');
    await screenshot(page, 'start-screen.png');

    await page.getByRole('button', { name: 'Beispielbibliothek öffnen' }).click();

    // Library: the virtualised grid with real titles, name and save state in the header.
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
    const header = page.getByRole('banner');
    await expect(header.getByTestId('library-name').innerText()).resolves.toMatch(/\S/);
    await expect(header.getByRole('status').innerText()).resolves.toContain('Gespeichert');
    const grid = page.getByTestId('item-grid');
    await grid.getByRole('listitem').first().waitFor();
    const gridText = await grid.innerText();
    expect(gridText).toMatch(/Leeds/);
    const count = await grid.getByRole('listitem').first().getAttribute('aria-setsize');
    expect(Number(count)).toBeGreaterThan(5);
    await expect(
      page.getByText(`${Number(count).toLocaleString('de-DE')} Objekte`).isVisible(),
    ).resolves.toBe(true);
    // Every thumbnail that is shown loaded (no broken images).
    await page.waitForLoadState('networkidle');
    const broken = await grid
      .locator('img')
      .evaluateAll(
        (imgs) =>
          (imgs as HTMLImageElement[]).filter((img) => !img.complete || img.naturalWidth === 0)
            .length,
      );
    expect(broken).toBe(0);
    await expect(grid.locator('img').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'library');
    await screenshot(page, 'library.png');

    // Partnerships: the list and the detail pane with its history.
    await openSection(page, 'Partnerschaften');
    const table = page.getByRole('table');
    for (const city of ['Leeds', 'Amiens', 'Buffalo', 'Novi Sad', 'Trabzon']) {
      await table.getByRole('button', { name: city }).waitFor();
    }
    await expect(table.innerText()).resolves.toMatch(/Vereinigtes Königreich/);
    await expect(table.innerText()).resolves.toMatch(/Städtepartnerschaft/);
    await expectAccessible(page, 'partnerships (nothing selected)');
    await table.getByRole('button', { name: 'Leeds' }).click();
    const detail = page.getByRole('article');
    await detail.getByRole('heading', { level: 2, name: 'Leeds' }).waitFor();
    await detail.getByRole('heading', { level: 3, name: 'Geschichte' }).waitFor();
    await expect(detail.locator('.timeline__event').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'partnerships (Leeds selected)');

    // Exhibitions: the sample exhibition with its languages and chapters.
    await openSection(page, 'Ausstellungen');
    const exhibitions = page.getByRole('table');
    await exhibitions.getByText('50 Jahre Dortmund Leeds. Was uns verbindet').waitFor();
    await expect(exhibitions.innerText()).resolves.toMatch(/Deutsch/);
    // Arabic is named in its own script and laid out right to left.
    const arabic = exhibitions.locator('[lang="ar"]').first();
    await expect(arabic.innerText()).resolves.toBe('العربية');
    await expect(arabic.getAttribute('dir')).resolves.toBe('rtl');
    await expectAccessible(page, 'exhibitions');

    // Export: the panel with the exhibition chosen and its check run (tests/e2e/export-ui goes on).
    await openSection(page, 'Export');
    await page.getByTestId('export-check').waitFor();
    await expect(page.getByRole('button', { name: 'Exportieren …' }).isEnabled()).resolves.toBe(
      true,
    );
    await expectAccessible(page, 'export');

    expect(problems).toEqual([]);
  });

  it('switches the interface to English and back at runtime, remembering the choice', async () => {
    const { page, problems } = await sessions.start({ withSampleLibrary: true });
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('de');

    await page.getByLabel('Sprache der Oberfläche').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.getByRole('banner').getByRole('status').innerText()).resolves.toContain(
      'Saved',
    );
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Partnerships', exact: true })
      .waitFor();
    await expectAccessible(page, 'library in English');

    await openSection(page, 'Partnerships');
    await page.getByRole('table').getByRole('button', { name: 'Leeds' }).click();
    await page.getByRole('article').getByRole('heading', { level: 3, name: 'History' }).waitFor();
    await expect(page.getByRole('table').innerText()).resolves.toMatch(/United Kingdom/);
    await expectAccessible(page, 'partnerships in English');

    // The choice survives a reload (persisted UI preference).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByLabel('Interface language').selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(problems).toEqual([]);
  });

  it('closes the library and reopens it from the recent list; keyboard users can skip to content', async () => {
    const { page, problems } = await sessions.start({ withSampleLibrary: true });
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
    const name = await page.getByTestId('library-name').innerText();

    // The skip link is the first stop and moves focus to the main landmark.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');

    await page.getByRole('button', { name: 'Bibliothek schließen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Willkommen bei Vitrine' }).waitFor();
    const recent = page.getByRole('region', { name: 'Zuletzt geöffnet' });
    await recent.getByRole('button').first().waitFor();
    await expectAccessible(page, 'start screen with recent libraries');

    await recent.getByRole('button').first().click();
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('library-name').innerText()).resolves.toContain(
      name.replace(/^.*: /, ''),
    );
    expect(problems).toEqual([]);
  });

  it('keeps the item grid virtual: 10,000 items, a few dozen in the DOM, the last one reachable', async () => {
    const { page, host, problems } = await sessions.start({ withSampleLibrary: true });
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
    const before = Number(
      await page
        .getByTestId('item-grid')
        .getByRole('listitem')
        .first()
        .getAttribute('aria-setsize'),
    );

    // Through the same API the page uses, in batches under the host's 1 MB body limit.
    const now = new Date().toISOString();
    for (let batch = 0; batch < 4; batch += 1) {
      const commands = Array.from({ length: 2_500 }, (_, i) => {
        const n = batch * 2_500 + i + 1;
        return {
          type: 'putItem',
          // Padded ids starting with z: the library lists by id, so these come last, in order.
          item: {
            id: `zz-bulk-${String(n).padStart(5, '0')}`,
            kind: 'text',
            title: { de: `Massenobjekt ${n}` },
            createdAt: now,
            updatedAt: now,
          },
        };
      });
      const response = await fetch(`${host.origin}/api/library.apply`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
        body: JSON.stringify({ command: { type: 'batch', commands } }),
      });
      expect(await response.json()).toMatchObject({ ok: true });
    }

    // The page follows the change through the event stream, without a reload.
    const total = before + 10_000;
    await page.getByText(`${total.toLocaleString('de-DE')} Objekte`).waitFor();
    const grid = page.getByTestId('item-grid');
    expect(await grid.getByRole('listitem').count()).toBeLessThan(120);

    await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await grid.getByText('Massenobjekt 10000', { exact: true }).waitFor();
    const last = grid.getByRole('listitem').filter({ hasText: 'Massenobjekt 10000' });
    await expect(last.getAttribute('aria-posinset')).resolves.toBe(String(total));
    expect(await grid.getByRole('listitem').count()).toBeLessThan(120);
    expect(problems).toEqual([]);
  });

  it('shows what failed in one section, in the UI language, and keeps the rest of the app working', async () => {
    const { page, problems } = await sessions.start({ withSampleLibrary: true });
    // A damaged answer (an exhibition without its language list) reaches the page; the
    // Exhibitions view cannot render it.
    await page.route('**/api/library.snapshot', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as {
        ok: boolean;
        value: { exhibitions: { languages: unknown }[] };
      };
      body.value.exhibitions[0]!.languages = null;
      await route.fulfill({ response, json: body });
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });

    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Ausstellungen', exact: true })
      .click();
    const alert = page.getByRole('alert');
    await alert
      .getByRole('heading', { level: 1, name: 'Dieser Bereich konnte nicht angezeigt werden' })
      .waitFor();
    await expect(alert.innerText()).resolves.toContain('„Ausstellungen“');
    await alert.getByText('Technische Angaben').click();
    await expect(alert.locator('pre').innerText()).resolves.toMatch(/TypeError/);
    // Header, save state and navigation survive; the failure was logged for the app log.
    await expect(page.getByRole('banner').getByRole('status').innerText()).resolves.toContain(
      'Gespeichert',
    );
    expect(problems.some((p) => p.includes('Ausstellungen failed to render'))).toBe(true);
    await expectAccessible(page, 'error boundary');

    // Another section renders again with its data: nothing was lost, no reload needed.
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Partnerschaften', exact: true })
      .click();
    await page.getByRole('table').getByRole('button', { name: 'Leeds' }).waitFor();
    await page.getByLabel('Sprache der Oberfläche').selectOption('en');
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Exhibitions', exact: true })
      .click();
    await page
      .getByRole('alert')
      .getByRole('heading', { name: 'This section could not be shown' })
      .waitFor();
  });
});
