import { existsSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readLibrarySnapshot } from '../../../electron/core/library';
import { mediaPath } from '../../../shared/domain';
import { axeViolations, useAppSessions } from '../harness';

/**
 * The export panel through the real `vitrine web` host in Chromium, on the sample library: the
 * check before starting, progress, done with the path, replace confirmation, cancel, and a
 * blocking error. The web host has no native dialogs, so bundles go to `<app data>/exports/`.
 */
const sessions = useAppSessions();
const SLUG = '50-jahre-dortmund-leeds';

async function openExport(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
  await page.getByRole('navigation').getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Export', exact: true }).waitFor();
  await page.getByTestId('export-check').waitFor();
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
}

describe('export panel', () => {
  it('checks, exports the sample exhibition with progress, shows the path and asks before replacing', async () => {
    const { page, appDataDir, problems } = await sessions.start({ withSampleLibrary: true });
    await openExport(page);
    const exhibition = page.getByLabel('Ausstellung', { exact: true });
    await expect(exhibition.inputValue()).resolves.toBe('ex-50-jahre-leeds');

    // Kiosk: the check's warnings are there before starting, and do not block.
    await page.getByRole('radio', { name: /^Kiosk/ }).check();
    const warnings = page.getByTestId('export-warnings');
    await warnings.waitFor();
    // More than five warnings start folded: open them as a person would.
    if (!(await warnings.evaluate((el) => (el as HTMLDetailsElement).open)))
      await warnings.locator('summary').click();
    await expect(warnings.innerText()).resolves.toMatch(/QR-Code/);
    await expect(page.getByLabel('Zurück zum Start nach (Sekunden)').isVisible()).resolves.toBe(
      true,
    );
    await expectAccessible(page, 'export form (kiosk)');

    // Web, German only, keyboard: the start button is reachable and works with Enter.
    await page.getByRole('radio', { name: /^Web/ }).check();
    await page.getByLabel('Basis-URL (optional)').fill('https://example.org/ausstellung/');
    await page.getByRole('checkbox', { name: 'English' }).uncheck();
    await page.getByTestId('export-check').waitFor();
    const start = page.getByRole('button', { name: 'Exportieren …' });
    await expect(start.isEnabled()).resolves.toBe(true);
    await start.focus();
    await page.keyboard.press('Enter');

    const progress = page.getByRole('progressbar', { name: 'Fortschritt des Exports' });
    await progress.waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('export-step').innerText()).resolves.toMatch(/%/);
    // The time estimate follows once there is a basis for it (a cold export takes seconds).
    await page
      .getByTestId('export-step')
      .filter({ hasText: /noch etwa \d+ (Sekunden?|Minuten?)/ })
      .waitFor({ timeout: 90_000 });
    await expectAccessible(page, 'export progress');

    const done = page.getByTestId('export-done');
    await done.waitFor({ timeout: 90_000 });
    const shown = await page.getByTestId('export-path').innerText();
    expect(shown).toBe(join(appDataDir, 'exports', `${SLUG}-web`));
    expect(existsSync(join(shown, 'index.html'))).toBe(true);
    expect(existsSync(join(shown, 'de', 'index.html'))).toBe(true);
    expect(existsSync(join(shown, 'en'))).toBe(false);
    expect(existsSync(join(shown, 'sitemap.xml'))).toBe(true);
    await expect(done.innerText()).resolves.toMatch(/Seiten, \d+ Dateien/);
    // Focus moved to the result, so keyboard users land on it.
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).resolves.toBe('export-done');

    // "Open folder": the browser cannot, so the path is shown as text.
    await page.getByRole('button', { name: 'Ordner öffnen' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Das Paket liegt hier' }).innerText(),
    ).resolves.toContain(shown);
    await expectAccessible(page, 'export done');

    // The same destination again: it is not empty, so the panel asks first.
    await page.getByRole('button', { name: 'Neuer Export' }).click();
    await page.getByRole('button', { name: 'Exportieren …' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Vorhandenen Export ersetzen?' });
    await confirm.waitFor();
    await expectAccessible(page, 'replace confirmation');
    await confirm.getByRole('button', { name: 'Ersetzen' }).click();
    await done.waitFor({ timeout: 60_000 });
    await expect(done.innerText()).resolves.toMatch(/Bildvarianten: 0 neu/);
    expect(existsSync(join(shown, 'index.html'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('cancels a running export and leaves nothing behind', async () => {
    const { page, appDataDir, problems } = await sessions.start({ withSampleLibrary: true });
    await openExport(page);
    await page.getByRole('button', { name: 'Exportieren …' }).click();
    await page.getByRole('progressbar').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Export abgebrochen' })
      .waitFor({ timeout: 30_000 });
    expect(await readdir(join(appDataDir, 'exports'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('lists errors with their place and keeps the export blocked', async () => {
    const { page, libraryDir, problems } = await sessions.start({ withSampleLibrary: true });
    const snapshot = await readLibrarySnapshot(libraryDir!);
    const exhibition = snapshot.exhibitions.find((x) => x.slug === SLUG)!;
    const cover = snapshot.items.find((i) => i.id === exhibition.coverItemId)!;
    await unlink(join(libraryDir!, mediaPath(cover.media[0]!)));

    await openExport(page);
    const errors = page.getByTestId('export-errors');
    await errors.waitFor();
    await expect(errors.innerText()).resolves.toMatch(/1 Fehler verhindert den Export/);
    await expect(errors.innerText()).resolves.toContain(`items/${cover.id} media[0]`);
    await expect(page.getByRole('button', { name: 'Exportieren …' }).isDisabled()).resolves.toBe(
      true,
    );
    await expectAccessible(page, 'blocked export');
    expect(problems).toEqual([]);
  });
});
