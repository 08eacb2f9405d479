import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createSyntheticJpeg } from '../../../electron/core/media';
import { useAppSessions } from '../harness';
import { entityOnDisk, expectNoAxeViolations, openItem, waitSaved } from './helpers';

const sessions = useAppSessions();

describe('import and batch edit', () => {
  it('imports three files through the file chooser: one new (metadata pre-filled), one duplicate, one corrupt', async () => {
    const { page, libraryDir, problems } = await sessions.start({ withSampleLibrary: true });
    await page.getByTestId('item-grid').getByRole('listitem').first().waitFor();
    const photo = await sharp(await createSyntheticJpeg({ width: 800, height: 600, seed: 42 }))
      .withExif({ IFD0: { ImageDescription: 'Hafen Dortmund 1984', Artist: 'Erika Musterfrau' } })
      .jpeg()
      .toBuffer();
    const big = await createSyntheticJpeg({ width: 1200, height: 900, seed: 7 });
    const corrupt = big.subarray(0, Math.floor(big.length / 2));

    await page.getByTestId('import-input').setInputFiles([
      { name: 'hafen.jpg', mimeType: 'image/jpeg', buffer: photo },
      { name: 'hafen-kopie.jpg', mimeType: 'image/jpeg', buffer: photo },
      { name: 'kaputt.jpg', mimeType: 'image/jpeg', buffer: corrupt },
    ]);
    const results = page.getByTestId('import-results');
    await results.waitFor();
    await expect(page.getByTestId('import-summary').innerText()).resolves.toBe(
      '1 importiert, 1 Duplikate übersprungen, 1 abgelehnt.',
    );
    const lines = await results.getByRole('listitem').allInnerTexts();
    expect(lines[0]).toMatch(/^hafen\.jpg importiert/);
    expect(lines[1]).toMatch(/^hafen-kopie\.jpg Duplikat übersprungen/);
    expect(lines[2]).toMatch(/^kaputt\.jpg abgelehnt – .*beschädigt/);
    await expect(page.getByTestId('library-count').innerText()).resolves.toBe('34 Objekte');

    // The new item carries the embedded title and creator.
    await results.getByRole('button', { name: 'Anzeigen' }).click();
    const editor = page.getByTestId('item-editor');
    await expect(editor.getByTestId('field-title').inputValue()).resolves.toBe(
      'Hafen Dortmund 1984',
    );
    await expect(editor.getByTestId('field-creator').inputValue()).resolves.toBe(
      'Erika Musterfrau',
    );
    // An image without alt text says so until it is filled.
    await editor.getByTestId('alt-warning').waitFor();
    await editor.getByTestId('field-altText').fill('Kräne und Schiffe im Dortmunder Hafen');
    await waitSaved(page);
    await expect(editor.getByTestId('alt-warning').count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'import results');
    expect(libraryDir).not.toBeNull();
    expect(problems).toEqual([]);
  });

  it('batch-edits rights on five items as one undoable step', async () => {
    const { page, libraryDir, problems } = await sessions.start({ withSampleLibrary: true });
    const grid = page.getByTestId('item-grid');
    await grid.getByRole('listitem').first().waitFor();
    await page.getByRole('searchbox', { name: 'Bibliothek durchsuchen' }).fill('foto leeds');
    const buttons = grid.getByRole('button');
    await expect.poll(() => buttons.count()).toBeGreaterThanOrEqual(5);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await buttons.nth(i).click({ modifiers: i === 0 ? [] : ['Control'] });
      ids.push((await buttons.nth(i).getAttribute('data-item-id'))!);
    }
    const batch = page.getByTestId('batch-editor');
    await batch.getByRole('heading', { name: '5 Objekte ausgewählt' }).waitFor();
    await batch.getByLabel('Lizenz oder Rechtehinweis').selectOption('CC-BY-SA-4.0');
    await batch.getByLabel('Rechteinhaber/in').fill('Stadtarchiv Dortmund');
    await batch.getByLabel('Bildnachweis (Deutsch)').fill('Foto: Stadtarchiv Dortmund');
    await batch.getByRole('button', { name: 'Auf 5 Objekte anwenden' }).click();
    await batch.getByText('5 Objekte geändert.').waitFor();
    for (const id of ids) {
      const item = await entityOnDisk<{
        rights: { statement: string; holder: string; creditLine: Record<string, string> };
      }>(libraryDir!, id);
      expect(item?.rights.statement, id).toBe('CC-BY-SA-4.0');
      expect(item?.rights.creditLine.de).toBe('Foto: Stadtarchiv Dortmund');
    }
    // One step: a single undo restores all five.
    await page.keyboard.press('Control+z');
    await page.getByTestId('save-state').filter({ hasText: 'Gespeichert' }).waitFor();
    await expect
      .poll(async () => {
        const all = await Promise.all(
          ids.map((id) => entityOnDisk<{ rights: { statement: string } }>(libraryDir!, id)),
        );
        return all.filter((item) => item?.rights.statement === 'CC-BY-SA-4.0').length;
      })
      .toBe(0);
    await expectNoAxeViolations(page, 'batch editor');
    expect(problems).toEqual([]);
  });

  it('stores hostile text verbatim and shows it as text, never as markup', async () => {
    const { page, libraryDir, problems } = await sessions.start({ withSampleLibrary: true });
    await page.getByTestId('item-grid').getByRole('listitem').first().waitFor();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await page.evaluate(() => {
      (window as unknown as { __pwned: number }).__pwned = 0;
    });
    await openItem(page, 'Markt in Kumasi');
    const editor = page.getByTestId('item-editor');
    const html = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
    const rtl = 'Bild \u202Egpj.exe\u202C von \u2067دورا\u2069';
    const long = 'Ä'.repeat(10_000);
    await editor.getByTestId('field-title').fill(html);
    await waitSaved(page);
    await editor.getByTestId('field-creator').fill(rtl);
    await waitSaved(page);
    await editor.getByTestId('field-description').fill(long);
    await waitSaved(page);

    const item = await entityOnDisk<{
      title: Record<string, string>;
      creator: string;
      description: Record<string, string>;
    }>(libraryDir!, 'photo-kumasi-market');
    expect(item?.title.de).toBe(html);
    expect(item?.creator).toBe(rtl);
    expect(item?.description.de).toBe(long);

    // Shown as text in the grid and the editor heading; no element was created from it.
    await page.getByRole('searchbox', { name: 'Bibliothek durchsuchen' }).fill('');
    await page.getByRole('searchbox', { name: 'Bibliothek durchsuchen' }).fill('onerror');
    const card = page.getByTestId('item-grid').getByRole('button').first();
    await expect(card.innerText()).resolves.toContain('<img src=x onerror=');
    await expect(editor.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(html);
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    await expect(
      page.evaluate(() => (window as unknown as { __pwned: number }).__pwned),
    ).resolves.toBe(0);
    expect(dialogs).toBe(0);
    expect(problems).toEqual([]);
  });
});
