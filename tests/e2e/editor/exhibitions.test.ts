import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSessions } from '../harness';
import { describeViolations } from '../harness/axe';
import { waitSaved } from './saved';

/** The exhibition list and settings through the real `vitrine web` host. */
const sessions = useAppSessions();
/**
 * Playwright's own probes into the preview frame (reading its text or attributes) run script in
 * a frame the sandbox forbids to script, and Chromium logs each refusal. The app itself causes
 * none: the list test, which never probes the frame, expects no console message at all.
 */
const PROBE_REFUSED = /^console: Blocked script execution in 'about:srcdoc'/;
const appProblems = (problems: string[]) => problems.filter((p) => !PROBE_REFUSED.test(p));

const SAMPLE = '50 Jahre Dortmund Leeds. Was uns verbindet';

async function openExhibitions(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
  await page
    .getByRole('navigation', { name: 'Bereiche' })
    .getByRole('button', { name: 'Ausstellungen', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Ausstellungen' }).waitFor();
}

/** See editor.test.ts: the script-free preview frame is checked by the export's own gates. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .exclude('iframe[title^="Vorschau"]')
    .analyze();
  expect(describeViolations(result.violations), `axe on ${screen}`).toBe('');
}

const rows = (page: Page) => page.getByRole('table').locator('tbody tr');

/** A row's secondary action: open its menu ("⋯"), then choose the entry. */
async function rowAction(page: Page, title: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Weitere Aktionen für „${title}“` }).click();
  await page.getByRole('menuitem', { name: `„${title}“ ${action}` }).click();
}

describe('exhibition list and settings', () => {
  it('duplicates, renames and deletes (with confirmation) exhibitions', async () => {
    const { page, problems } = await sessions.start({ withSampleLibrary: true });
    await openExhibitions(page);
    const before = await rows(page).count();
    const sample = rows(page).filter({ hasText: SAMPLE });
    await expect(sample.innerText()).resolves.toMatch(/Entwurf|Bereit/);
    // Cover thumbnail and last change are shown.
    await expect(sample.locator('img').count()).resolves.toBe(1);
    await expect(sample.locator('time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-/);

    await rowAction(page, SAMPLE, 'duplizieren');
    await expect.poll(() => rows(page).count()).toBe(before + 1);
    const copy = rows(page).filter({ hasText: '(Kopie)' });
    await expect(copy.innerText()).resolves.toContain(`${SAMPLE} (Kopie)`);

    await rowAction(page, `${SAMPLE} (Kopie)`, 'umbenennen');
    const dialog = page.getByRole('dialog', { name: 'Ausstellung umbenennen' });
    await dialog.getByLabel('Neuer Titel (Deutsch)').fill('Leeds für Schulen');
    await expectAccessible(page, 'rename dialog');
    await dialog.getByRole('button', { name: 'Umbenennen' }).click();
    await rows(page).filter({ hasText: 'Leeds für Schulen' }).waitFor();

    // The copy has the same structure with its own ids: editing it leaves the original alone.
    await page.getByRole('button', { name: '„Leeds für Schulen“ bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leeds für Schulen' }).waitFor();
    const outline = page.getByRole('navigation', { name: 'Gliederung' });
    const copyChapters = await outline.locator('.outline__chapter').count();
    expect(copyChapters).toBeGreaterThan(1);
    await outline
      .getByRole('button', { name: /^Kapitel „.*“ entfernen$/ })
      .first()
      .click();
    await expect.poll(() => outline.locator('.outline__chapter').count()).toBe(copyChapters - 1);
    await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
    await page.getByRole('button', { name: `„${SAMPLE}“ bearbeiten` }).click();
    await expect.poll(() => outline.locator('.outline__chapter').count()).toBe(copyChapters);
    await page.getByRole('button', { name: 'Zurück zur Liste' }).click();

    // Delete asks first; cancelling keeps the exhibition.
    await rowAction(page, 'Leeds für Schulen', 'löschen');
    const confirm = page.getByRole('dialog', { name: 'Ausstellung löschen?' });
    await expect(confirm.innerText()).resolves.toContain('Leeds für Schulen');
    await expectAccessible(page, 'delete confirmation');
    await confirm.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(rows(page).count()).resolves.toBe(before + 1);
    await rowAction(page, 'Leeds für Schulen', 'löschen');
    await confirm.getByRole('button', { name: 'Löschen' }).click();
    await expect.poll(() => rows(page).count()).toBe(before);
    expect(problems).toEqual([]);
  });

  it('validates the slug, refuses an accent colour without contrast and applies settings to the preview', async () => {
    const { page, problems } = await sessions.start({
      withSampleLibrary: true,
      viewport: { width: 1600, height: 1000 },
    });
    await openExhibitions(page);
    await page.getByLabel('Titel einer neuen Ausstellung').fill('Amiens');
    await page.getByRole('button', { name: 'Ausstellung anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Amiens' }).waitFor();
    await page.getByRole('tab', { name: 'Einstellungen' }).click();

    const slug = page.getByLabel('Kurzname (Ordnername im Export)');
    await expect(slug.inputValue()).resolves.toBe('amiens');
    await slug.fill('Amiens Partner');
    await expect(page.locator('#settings-slug-help').innerText()).resolves.toContain(
      'Nur Kleinbuchstaben',
    );
    await slug.fill('50-jahre-dortmund-leeds');
    await expect(page.locator('#settings-slug-help').innerText()).resolves.toContain(
      'schon eine andere',
    );
    await slug.fill('amiens-1960');
    await expect(page.locator('#settings-slug-help').innerText()).resolves.toContain(
      'Kleinbuchstaben, Ziffern',
    );

    await page.locator('#settings-subtitle-de').fill('Partnerstadt seit 1960');
    const hex = page.getByLabel('Akzentfarbe als Hex-Wert');
    await hex.fill('#ffff00');
    await expect(page.locator('#settings-accent-help').innerText()).resolves.toMatch(/zu gering/);
    await page.getByRole('radio', { name: 'Nacht (dunkel)' }).check();
    await hex.fill('#ffd700');
    await expect(page.locator('#settings-accent-help').innerText()).resolves.toMatch(/^Kontrast/);
    await page.getByLabel('Kiosk: Rückkehr zum Start nach Sekunden ohne Bedienung').fill('120');
    await expectAccessible(page, 'settings');

    const frame = page.frameLocator('iframe[title^="Vorschau"]');
    await expect
      .poll(() => frame.locator('html').getAttribute('data-theme'), { timeout: 5_000 })
      .toBe('night');
    await expect.poll(() => frame.locator('html').getAttribute('style')).toContain('#ffd700');
    await expect.poll(() => frame.locator('body').innerText()).toContain('Partnerstadt seit 1960');

    // Arabic: typed right to left beside the German, and the preview turns right to left.
    await page.getByRole('checkbox', { name: 'العربية' }).check();
    await page.getByLabel('Übersetzen in').selectOption({ label: 'العربية' });
    const arabicTitle = page.locator('#settings-title-ar');
    await expect(arabicTitle.getAttribute('dir')).resolves.toBe('rtl');
    await expect(arabicTitle.getAttribute('lang')).resolves.toBe('ar');
    await arabicTitle.fill('أميان');
    await page.getByLabel('Sprache', { exact: true }).selectOption({ label: 'العربية' });
    await expect.poll(() => frame.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => frame.locator('h1').innerText()).toBe('أميان');

    await waitSaved(page);
    await page.reload();
    await openExhibitions(page);
    await page.getByRole('button', { name: '„Amiens“ bearbeiten' }).click();
    await page.getByRole('tab', { name: 'Einstellungen' }).click();
    await expect(page.getByLabel('Kurzname (Ordnername im Export)').inputValue()).resolves.toBe(
      'amiens-1960',
    );
    await expect(page.getByLabel('Akzentfarbe als Hex-Wert').inputValue()).resolves.toBe('#ffd700');
    await expect(
      page.getByLabel('Kiosk: Rückkehr zum Start nach Sekunden ohne Bedienung').inputValue(),
    ).resolves.toBe('120');
    expect(appProblems(problems)).toEqual([]);
  });

  it('sends item problems of the check to the item in the library', async () => {
    const { page, problems } = await sessions.start({
      withSampleLibrary: true,
      viewport: { width: 1600, height: 1000 },
    });
    await openExhibitions(page);
    await page.getByRole('button', { name: `„${SAMPLE}“ bearbeiten` }).click();
    await page.getByRole('tab', { name: 'Einstellungen' }).click();
    // A new language makes the alt texts of the items the exhibition shows incomplete.
    await page.getByRole('checkbox', { name: 'Français' }).check();
    await page.getByRole('tab', { name: 'Prüfen' }).click();
    // The French ones: the language just added.
    const altProblem = page
      .locator('.problem[data-rule="alt-text-missing"]')
      .filter({ hasText: '(fr)' })
      .first();
    await altProblem.waitFor();
    const message = await altProblem.locator('.problem__message').innerText();
    expect(message).toMatch(/\(fr\)/);
    const title = /„(.+)“ \(fr\)/.exec(message)![1]!;
    await altProblem.getByRole('button', { name: /In der Bibliothek öffnen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor();
    await expect.poll(() => page.getByRole('main').innerText()).toContain(title);
    expect(appProblems(problems)).toEqual([]);
  });

  it('reorders chapters and blocks with the mouse', async () => {
    const { page, problems } = await sessions.start({
      withSampleLibrary: true,
      viewport: { width: 1600, height: 1000 },
    });
    await openExhibitions(page);
    await page.getByRole('button', { name: `„${SAMPLE}“ bearbeiten` }).click();
    const outline = page.getByRole('navigation', { name: 'Gliederung' });
    const chapterTitles = () =>
      outline
        .locator('.outline__chapter > .outline__row .outline__label')
        .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/^\d+\. /, '')));
    const before = await chapterTitles();
    const blockTypes = (chapter: number) =>
      outline
        .locator('.outline__chapter')
        .nth(chapter)
        .locator('.outline__type')
        .evaluateAll((els) => els.map((e) => e.textContent));
    const blocksBefore = await blockTypes(1);

    const drag = async (from: string, to: string) => {
      const a = (await page.locator(from).boundingBox())!;
      const b = (await page.locator(to).boundingBox())!;
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      // Past dnd-kit's activation distance, then in steps to the target.
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + 10, { steps: 3 });
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + 4, { steps: 12 });
      await page.mouse.up();
    };
    // The second block of chapter 2 onto the first.
    const chapter2 = outline.locator('.outline__chapter').nth(1);
    const handles = chapter2.locator('.outline__block .drag-handle');
    await drag(
      `[data-chapter] >> nth=1 >> .outline__block >> nth=1 >> .drag-handle`,
      `[data-chapter] >> nth=1 >> .outline__block >> nth=0 >> .drag-handle`,
    );
    await expect
      .poll(() => blockTypes(1))
      .toEqual([blocksBefore[1], blocksBefore[0], ...blocksBefore.slice(2)]);
    expect(await handles.count()).toBe(blocksBefore.length);

    // The second chapter onto the first.
    await drag(
      `[data-chapter] >> nth=1 >> .outline__row >> nth=0 >> .drag-handle`,
      `[data-chapter] >> nth=0 >> .outline__row >> nth=0 >> .drag-handle`,
    );
    await expect.poll(chapterTitles).toEqual([before[1], before[0], ...before.slice(2)]);
    expect(appProblems(problems)).toEqual([]);
  });
});
