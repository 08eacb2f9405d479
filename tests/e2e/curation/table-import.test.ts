import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSyntheticJpeg } from '../../../electron/core/media';
import { encode, GERMAN_EXCEL } from '../../fixtures/tables/generate';
import { tempDir, useAppSessions } from '../harness';
import { expectNoAxeViolations } from './helpers';

const sessions = useAppSessions();

/**
 * The table-import wizard as a person uses it in the browser (web host): a German Excel CSV
 * (Windows-1252, `;`, € „ “ ä ö ü ß) and a folder with a JPEG, chosen with the page's own file
 * and folder choosers; detected encoding and delimiter, mapping, the dry run's report sorted by
 * its header, the import, and one undo. One browser page for the whole flow keeps it lean.
 */
describe('table import wizard', () => {
  it('from file choice through dry run (sorted) and import to one undo, axe-clean', async () => {
    const { page, problems } = await sessions.start({ withSampleLibrary: true });
    await page.getByTestId('item-grid').getByRole('listitem').first().waitFor();
    const count = page.getByTestId('library-count');
    const before = await count.innerText();
    const objects = (text: string) => Number(text.replace(/\D+/g, ''));

    const source = await tempDir('table-src');
    const folder = join(source, 'Fotos');
    await mkdir(folder);
    await writeFile(
      join(folder, 'foto1.jpg'),
      await createSyntheticJpeg({ width: 640, height: 480, seed: 3 }),
    );
    const csv = join(source, 'Bestand 2024.csv');
    await writeFile(csv, encode(GERMAN_EXCEL, 'win1252'));

    await page.getByRole('button', { name: 'Tabelle importieren …' }).click();
    const wizard = page.getByTestId('table-import');
    await wizard.getByRole('heading', { name: 'Tabelle importieren' }).waitFor();
    await page.getByLabel('Tabelle (CSV, TSV, Excel .xlsx, OpenDocument .ods)').setInputFiles(csv);

    // Detected and shown (overridable): Windows-1252 and the semicolon; the text is not mojibake.
    await wizard.getByTestId('table-mapping').waitFor();
    await expect(wizard.getByTestId('table-detected').innerText()).resolves.toMatch(
      /CSV · 5 Zeilen/,
    );
    await expect(wizard.getByTestId('table-encoding').inputValue()).resolves.toBe('windows-1252');
    await expect(wizard.getByTestId('table-delimiter').inputValue()).resolves.toBe(';');
    const mapping = wizard.getByTestId('table-mapping');
    await mapping.getByText('Kosten 12,5 € für Blumen').waitFor();
    await mapping.getByText('Besuch „Leeds“ – Empfang').waitFor();
    await expect(mapping.getByLabel('Feld für Spalte Titel (Englisch)').inputValue()).resolves.toBe(
      'title',
    );
    await expect(
      mapping.getByLabel('Sprache für Spalte Titel (Englisch)').inputValue(),
    ).resolves.toBe('en');
    // The mapping editor: "Wert" is not an item field; keep it out explicitly.
    await mapping.getByLabel('Feld für Spalte Wert').selectOption('ignore');

    // Without the media folder the row naming foto1.jpg is skipped; with it, it is created.
    await wizard.getByRole('button', { name: 'Probelauf' }).click();
    const counts = wizard.getByTestId('table-report-counts');
    await counts.waitFor();
    await expect(counts.innerText()).resolves.toMatch(/übersprungen/);
    const skippedBefore = Number(/(\d+) übersprungen/.exec(await counts.innerText())![1]);
    await wizard.getByLabel('Medienordner').setInputFiles(folder);
    await wizard
      .getByTestId('table-media-chosen')
      .filter({ hasText: 'Fotos (1 Dateien)' })
      .waitFor();
    await wizard.getByRole('button', { name: 'Probelauf' }).click();
    await expect
      .poll(async () => Number(/(\d+) übersprungen/.exec(await counts.innerText())?.[1] ?? -1))
      .toBe(skippedBefore - 1);
    const report = wizard.getByTestId('table-report');
    const firstRow = () => report.locator('tbody tr').first().getAttribute('data-action');
    await expect(report.locator('tbody tr').count()).resolves.toBe(5);
    await expect(firstRow()).resolves.toBe('create');

    // Sortable: the outcome column puts skipped rows first when sorted descending.
    const sortOutcome = report.getByRole('button', { name: 'Nach Ergebnis sortieren' });
    await sortOutcome.click();
    await expect(report.locator('th[aria-sort="ascending"]').innerText()).resolves.toMatch(
      /Ergebnis/,
    );
    await sortOutcome.press('Enter');
    await expect.poll(firstRow).toBe('skipped');
    await expect(report.locator('th[aria-sort="descending"]').count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'table import dry-run report');

    const expectedNew = Number(/(\d+) neu/.exec(await counts.innerText())![1]);
    await wizard.getByRole('button', { name: 'Importieren', exact: true }).click();
    const doneCounts = wizard.getByTestId('table-done-counts');
    await doneCounts.waitFor();
    await expect(doneCounts.innerText()).resolves.toMatch(new RegExp(`^${expectedNew} neu`));
    await expect
      .poll(async () => objects(await count.innerText()))
      .toBe(objects(before) + expectedNew);
    await expectNoAxeViolations(page, 'table import result');

    // One undo step takes the whole import back.
    await wizard.getByRole('button', { name: 'Import rückgängig machen' }).click();
    await wizard.getByTestId('table-undone').waitFor();
    await expect.poll(async () => count.innerText()).toBe(before);
    await wizard.getByRole('button', { name: 'Schließen' }).click();
    await expect(wizard.isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
  });
});
