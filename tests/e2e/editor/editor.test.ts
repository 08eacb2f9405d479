import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { useAppSessions } from '../harness';
import { describeViolations } from '../harness/axe';
import { waitSaved } from './saved';

/**
 * The exhibition editor through the real `vitrine web` host: build an exhibition, reorder by
 * keyboard, translate, watch the preview follow, work through the check, reload and find it all.
 */
const sessions = useAppSessions();
/**
 * Playwright's own probes into the preview frame (reading its text or attributes) run script in
 * a frame the sandbox forbids to script, and Chromium logs each refusal. The app itself causes
 * none: the list test, which never probes the frame, expects no console message at all.
 */
const PROBE_REFUSED = /^console: Blocked script execution in 'about:srcdoc'/;
const appProblems = (problems: string[]) => problems.filter((p) => !PROBE_REFUSED.test(p));

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

async function openExhibitions(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
  await page
    .getByRole('navigation', { name: 'Bereiche' })
    .getByRole('button', { name: 'Ausstellungen', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Ausstellungen' }).waitFor();
}

/**
 * axe over the editor screens. The preview frame is left out: it runs no script, so axe cannot
 * enter it (it would wait forever), and its pages are the exported bundle's, which the export's
 * quality gates check with axe on their own.
 */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .exclude('iframe[title^="Vorschau"]')
    .analyze();
  expect(describeViolations(result.violations), `axe on ${screen}`).toBe('');
}

const preview = (page: Page): FrameLocator => page.frameLocator('iframe[title^="Vorschau"]');
const outline = (page: Page) => page.getByRole('navigation', { name: 'Gliederung' });

async function addChapter(page: Page, title: string): Promise<void> {
  await page.getByLabel('Titel eines neuen Kapitels').fill(title);
  await page.getByRole('button', { name: 'Kapitel hinzufügen' }).click();
  await outline(page)
    .getByRole('button', { name: new RegExp(`^\\d+\\. ${title}$`) })
    .waitFor();
}

async function addBlock(page: Page, chapter: string, kind: string): Promise<void> {
  await page.getByLabel(`Art des neuen Blocks in „${chapter}“`).selectOption({ label: kind });
  await page.getByRole('button', { name: `Block zu „${chapter}“ hinzufügen` }).click();
  await page.getByRole('heading', { name: `Block: ${kind}` }).waitFor();
}

/** Block types in outline order, per chapter. */
async function outlineTypes(page: Page): Promise<string[][]> {
  return outline(page)
    .locator('.outline__chapter')
    .evaluateAll((chapters) =>
      chapters.map((c) =>
        [...c.querySelectorAll('.outline__type')].map((t) => t.textContent ?? ''),
      ),
    );
}

describe('exhibition editor', () => {
  it('builds, reorders, translates, previews, checks clean and survives a reload', async () => {
    const { page, problems } = await sessions.start({
      withSampleLibrary: true,
      viewport: { width: 1600, height: 1000 },
    });
    await openExhibitions(page);
    await expectAccessible(page, 'exhibition list');

    await page.getByLabel('Titel einer neuen Ausstellung').fill('Partnerschaft mit Leeds');
    await page.getByRole('button', { name: 'Ausstellung anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Partnerschaft mit Leeds' }).waitFor();

    await addChapter(page, 'Anfänge');
    await addChapter(page, 'Heute');

    // Text, typed into the rich-text editor.
    await addBlock(page, 'Anfänge', 'Text');
    const deText = page.locator('.rich-editor__content[lang="de"]');
    await deText.click();
    await page.keyboard.type('Im Jahr 1969 begann die Partnerschaft.');
    await expect
      .poll(() => preview(page).locator('main').innerText(), { timeout: 5_000 })
      .toContain('Im Jahr 1969 begann die Partnerschaft.');

    // An item, a gallery with a second item found through the picker, and a timeline of Leeds.
    await addBlock(page, 'Anfänge', 'Objekt');
    // Full bleed (#13): the switch puts the item across the page's width in the preview.
    const itemBlock = preview(page).locator('.block-item');
    await itemBlock.waitFor();
    expect(await itemBlock.getAttribute('data-wide')).toBeNull();
    await page.getByRole('checkbox', { name: /Volle Breite/ }).check();
    await expect.poll(() => itemBlock.getAttribute('data-wide'), { timeout: 5_000 }).toBe('');
    await addBlock(page, 'Anfänge', 'Galerie');
    await page.getByLabel('Objekt zur Galerie hinzufügen').fill('Leeds');
    await page.getByRole('list', { name: 'Gefundene Objekte' }).getByRole('button').first().click();
    await expect.poll(() => page.locator('.gallery-list li').count()).toBe(2);
    await addBlock(page, 'Heute', 'Zeitleiste');
    await page.getByRole('checkbox', { name: 'Leeds' }).check();
    await expect
      .poll(() => preview(page).locator('[data-block] ol, [data-block] li').count(), {
        timeout: 5_000,
      })
      .toBeGreaterThan(0);
    expect(await outlineTypes(page)).toEqual([['Text', 'Objekt', 'Galerie'], ['Zeitleiste']]);

    // Reorder by keyboard: lift the gallery, move it up twice, drop it.
    await outline(page).locator('.outline__label').filter({ hasText: 'Galerie' }).click();
    const galleryHandle = outline(page).getByRole('button', { name: 'Galerie 3 verschieben' });
    await waitSaved(page);
    await galleryHandle.focus();
    // Each step waits for dnd-kit's announcement, as a screen-reader user would hear it.
    const announced = () =>
      page
        .locator('[id^="DndLiveRegion"]')
        .evaluateAll((regions) => regions.map((r) => r.textContent).join(' '));
    await page.keyboard.press('Space');
    await expect.poll(announced).toMatch(/(aufgenommen,|über) Position 3 von 3/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(announced).toMatch(/über Position 2 von 3/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(announced).toMatch(/über Position 1 von 3/);
    await page.keyboard.press('Space');
    await expect
      .poll(() => outlineTypes(page))
      .toEqual([['Galerie', 'Text', 'Objekt'], ['Zeitleiste']]);
    // The announcement for screen readers said where it went.
    await expect
      .poll(() =>
        page
          .locator('[id^="DndLiveRegion"]')
          .evaluateAll((regions) => regions.map((r) => r.textContent).join(' ')),
      )
      .toMatch(/abgelegt auf Position 1 von 3/);
    // The preview follows: the gallery now comes before the text.
    await expect
      .poll(() =>
        preview(page)
          .locator('[data-block]')
          .evaluateAll((els) => els.map((e) => e.className)),
      )
      .toEqual([
        expect.stringContaining('block-gallery'),
        expect.stringContaining('block-text'),
        expect.stringContaining('block-item'),
      ]);

    // Undo and redo go through the app's history (the reorder was saved first, then reverted).
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await expect
      .poll(() => outlineTypes(page))
      .toEqual([['Text', 'Objekt', 'Galerie'], ['Zeitleiste']]);
    await page.getByRole('button', { name: 'Wiederholen' }).click();
    await expect
      .poll(() => outlineTypes(page))
      .toEqual([['Galerie', 'Text', 'Objekt'], ['Zeitleiste']]);

    // Clicking a block in the preview selects it in the outline.
    await preview(page).locator('.block-text').click();
    await page.getByRole('heading', { name: 'Block: Text' }).waitFor();
    await expect(outline(page).locator('[aria-current="true"]').innerText()).resolves.toContain(
      'Im Jahr 1969',
    );

    await expectAccessible(page, 'editor content');

    // Translate into English: the default language beside the translation, preview in English.
    await expect(page.locator('.xeditor__completeness').innerText()).resolves.toMatch(
      /English 0 %/,
    );
    await page.getByLabel('Übersetzen in').selectOption({ label: 'English' });
    const enText = page.locator('.rich-editor__content[lang="en"]');
    await enText.click();
    await page.keyboard.type('In 1969 the partnership began.');
    await page.getByLabel('Sprache', { exact: true }).selectOption({ label: 'English' });
    await expect
      .poll(() => preview(page).locator('main').innerText(), { timeout: 5_000 })
      .toContain('In 1969 the partnership began.');
    expect(await preview(page).locator('html').getAttribute('lang')).toBe('en');

    // The check: fix what it reports until it is clean (web).
    await page.getByRole('tab', { name: 'Prüfen' }).click();
    await page.getByLabel('Prüfen für').selectOption('web');
    await expectAccessible(page, 'check panel');
    const summary = page.locator('.check-panel__summary');
    await expect(summary.innerText()).resolves.toMatch(/Fehler/);
    for (let round = 0; round < 20; round += 1) {
      if ((await summary.innerText()).includes('Keine Probleme')) break;
      const first = page.locator('.problem').first();
      const rule = await first.getAttribute('data-rule');
      const text = await first.innerText();
      await first.getByRole('button', { name: /Beheben/ }).click();
      // The fix opens the field and focuses it; wait until the focus has left the button.
      const focusedKind = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          if (el instanceof HTMLElement && el.isContentEditable) return 'rich';
          return el?.tagName.toLowerCase() ?? 'none';
        });
      await expect
        .poll(focusedKind, { timeout: 10_000, message: `no field focused for ${rule}: ${text}` })
        .toMatch(/^(input|textarea|rich)$/);
      const tag = await focusedKind();
      if (rule === 'untranslated' && (tag === 'input' || tag === 'textarea' || tag === 'rich')) {
        await page.keyboard.type('English text');
      } else {
        throw new Error(`no fix known for ${rule} (focus on ${tag}): ${text}`);
      }
      await page.getByRole('tab', { name: 'Prüfen' }).click();
    }
    await expect(summary.innerText()).resolves.toBe('Keine Probleme gefunden.');
    // Every text now exists in both languages.
    await expect(page.locator('.xeditor__completeness').innerText()).resolves.toMatch(
      /Deutsch 100 %, English 100 %/,
    );

    // Hostile text in a chapter title and a caption appears as text in the preview.
    await page.getByRole('tab', { name: 'Inhalt' }).click();
    await outline(page)
      .getByRole('button', { name: /^2\. Heute$/ })
      .click();
    await page
      .locator('#' + (await page.locator('[id^="chapter-"][id$="-title-de"]').getAttribute('id')))
      .fill(HOSTILE);
    await outline(page)
      .locator('.outline__block .outline__label')
      .filter({ hasText: 'Objekt' })
      .click();
    await page.locator('[id$="-caption-de"]').fill(HOSTILE);
    await page.getByLabel('Sprache', { exact: true }).selectOption({ label: 'Deutsch' });
    await page.getByLabel('Seite', { exact: true }).selectOption({ index: 1 });
    await expect
      .poll(() => preview(page).locator('body').innerText(), { timeout: 5_000 })
      .toContain(HOSTILE);
    expect(await preview(page).locator('img[onerror], script').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();

    await waitSaved(page);
    await page.reload();
    await openExhibitions(page);
    await page.getByRole('button', { name: '„Partnerschaft mit Leeds“ bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Partnerschaft mit Leeds' }).waitFor();
    expect(await outlineTypes(page)).toEqual([['Galerie', 'Text', 'Objekt'], ['Zeitleiste']]);
    await expect(outline(page).innerText()).resolves.toContain(HOSTILE);
    // The full-bleed switch was saved with the block.
    await outline(page)
      .locator('.outline__block .outline__label')
      .filter({ hasText: 'Objekt' })
      .click();
    expect(await page.getByRole('checkbox', { name: /Volle Breite/ }).isChecked()).toBe(true);
    await outline(page).locator('.outline__label').filter({ hasText: 'Im Jahr 1969' }).click();
    await page.getByLabel('Übersetzen in').selectOption({ label: 'English' });
    await expect(page.locator('.rich-editor__content[lang="en"]').innerText()).resolves.toContain(
      'In 1969 the partnership began.',
    );
    expect(appProblems(problems)).toEqual([]);
  });
});
