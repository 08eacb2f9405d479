import { describe, expect, it } from 'vitest';
import { useAppSessions } from '../harness';
import { entityOnDisk, expectNoAxeViolations, openItem, waitSaved } from './helpers';

/**
 * The item library through the real `vitrine web` host: search, facets, the item editor with
 * language tabs, autosave, undo/redo by keyboard, and the edits on disk after a reload.
 */
const sessions = useAppSessions();

describe('item library', () => {
  it('searches by an English word and narrows by a facet', async () => {
    const { page, problems } = await sessions.start({ withSampleLibrary: true });
    const grid = page.getByTestId('item-grid');
    await grid.getByRole('listitem').first().waitFor();
    const count = page.getByTestId('library-count');
    await expect(count.innerText()).resolves.toBe('33 Objekte');

    await page.getByRole('searchbox', { name: 'Bibliothek durchsuchen' }).fill('cathedral');
    await page.getByText('1 von 33 Objekten').waitFor();
    await expect(grid.innerText()).resolves.toContain('Kathedrale von Amiens');

    await page.getByRole('searchbox', { name: 'Bibliothek durchsuchen' }).fill('');
    await page.getByText('33 Objekte').waitFor();
    await page.getByTestId('facets').getByRole('checkbox', { name: /^Dura/ }).check();
    await page.getByText('2 von 33 Objekten').waitFor();
    const titles = await grid.getByRole('button').allInnerTexts();
    expect(titles.join('\n')).toMatch(/Landschaft bei Dura/);
    expect(titles.join('\n')).toMatch(/Plakat „Dura – Dortmund“/);

    // Facet and search together: only what matches both.
    await page.getByRole('searchbox', { name: 'Bibliothek durchsuchen' }).fill('landscape');
    await page.getByText('1 von 33 Objekten').waitFor();
    await expectNoAxeViolations(page, 'library with filters');
    expect(problems).toEqual([]);
  });

  it('edits an item in German and English, undoes and redoes by keyboard, and keeps the edits on disk', async () => {
    const { page, libraryDir, problems } = await sessions.start({ withSampleLibrary: true });
    await page.getByTestId('item-grid').getByRole('listitem').first().waitFor();
    await openItem(page, 'Rathaus von Leeds');
    const editor = page.getByTestId('item-editor');

    await editor.getByTestId('field-title').fill('Rathaus von Leeds, Ostfassade');
    await waitSaved(page);
    await editor.getByRole('tab', { name: /English/ }).click();
    // The default language is shown beside the one being translated.
    await expect(
      editor.getByText('Rathaus von Leeds, Ostfassade').first().isVisible(),
    ).resolves.toBe(true);
    const originalEn = await editor.getByTestId('field-description').inputValue();
    expect(originalEn).toMatch(/Town Hall/);
    await editor.getByTestId('field-description').fill('Seen from the Headrow in spring.');
    await waitSaved(page);

    let onDisk = await entityOnDisk<{
      title: Record<string, string>;
      description: Record<string, string>;
    }>(libraryDir!, 'photo-leeds-town-hall');
    expect(onDisk?.title.de).toBe('Rathaus von Leeds, Ostfassade');
    expect(onDisk?.description.en).toBe('Seen from the Headrow in spring.');

    // Undo the English description, then the German title; redo the title.
    await page.keyboard.press('Control+z');
    await expect.poll(() => editor.getByTestId('field-description').inputValue()).toBe(originalEn);
    await page.keyboard.press('Control+z');
    await editor.getByRole('tab', { name: /Deutsch/ }).click();
    await expect
      .poll(() => editor.getByTestId('field-title').inputValue())
      .toBe('Rathaus von Leeds');
    await page.keyboard.press('Control+Shift+z');
    await expect
      .poll(() => editor.getByTestId('field-title').inputValue())
      .toBe('Rathaus von Leeds, Ostfassade');
    await page.getByTestId('save-state').filter({ hasText: 'Gespeichert' }).waitFor();

    onDisk = await entityOnDisk(libraryDir!, 'photo-leeds-town-hall');
    expect(onDisk?.title.de).toBe('Rathaus von Leeds, Ostfassade');
    expect(onDisk?.description.en).toBe(originalEn);

    await page.reload();
    await page.getByTestId('item-grid').getByRole('listitem').first().waitFor();
    await openItem(page, 'Rathaus von Leeds, Ostfassade');
    await expect(page.getByTestId('field-title').inputValue()).resolves.toBe(
      'Rathaus von Leeds, Ostfassade',
    );
    await expectNoAxeViolations(page, 'item editor');
    expect(problems).toEqual([]);
  });

  it('deletes an item after a confirmation that lists where it is used, and undoes it', async () => {
    const { page, problems } = await sessions.start({ withSampleLibrary: true });
    await page.getByTestId('item-grid').getByRole('listitem').first().waitFor();
    await openItem(page, 'Rathaus von Leeds');
    const editor = page.getByTestId('item-editor');
    const usedIn = await editor.getByTestId('used-in').getByRole('listitem').allInnerTexts();
    expect(usedIn.length).toBeGreaterThan(0);
    await editor.getByRole('button', { name: 'Objekt löschen …' }).click();
    const dialog = editor.getByRole('alertdialog');
    await expect(
      dialog.getByTestId('delete-usages').getByRole('listitem').allInnerTexts(),
    ).resolves.toEqual(usedIn);
    await dialog.getByRole('button', { name: 'Trotzdem löschen' }).click();
    await page.getByRole('searchbox', { name: 'Bibliothek durchsuchen' }).fill('');
    await page.getByText('32 Objekte').waitFor();
    await page.keyboard.press('Control+z');
    await page.getByText('33 Objekte').waitFor();
    expect(problems).toEqual([]);
  });

  it('edits Arabic right to left, and moves through the grid by keyboard with Shift extending the selection', async () => {
    const { page, problems } = await sessions.start({ withSampleLibrary: true });
    const grid = page.getByTestId('item-grid');
    await grid.getByRole('listitem').first().waitFor();
    await openItem(page, 'Landschaft bei Dura');
    const editor = page.getByTestId('item-editor');
    await editor.getByRole('tab', { name: /العربية/ }).click();
    const title = editor.getByTestId('field-title');
    await expect(title.getAttribute('dir')).resolves.toBe('rtl');
    await expect(title.getAttribute('lang')).resolves.toBe('ar');
    await expect(title.inputValue()).resolves.toBe('مشهد طبيعي قرب دورا');

    await page.getByRole('searchbox', { name: 'Bibliothek durchsuchen' }).fill('');
    await page.getByText('33 Objekte').waitFor();
    const first = grid.getByRole('button').first();
    await first.click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page
      .getByTestId('batch-editor')
      .getByRole('heading', { name: '2 Objekte ausgewählt' })
      .waitFor();
    await expect(grid.locator('[aria-pressed="true"]').count()).resolves.toBe(2);
    expect(problems).toEqual([]);
  });
});
