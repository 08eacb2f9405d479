import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSessions } from '../harness';
import { REPO_ROOT } from '../harness/paths';
import { entityOnDisk, openItem, waitSaved } from '../curation/helpers';
import { listFiles, referencedUrls } from '../export/helpers';

/**
 * Leichte Sprache end to end (issue 16 §4), in one browser session on the sample library: write
 * an item's alt text and a text block in `de-x-ls` beside German, see the Check panel's findings,
 * jump from them to the fields, fix them, export the web bundle through the export panel, and
 * check the fixed texts, the links and the Nu checker over the `de-x-ls/` pages (the browser
 * walk with axe over every exported page is the bundle test's).
 */
const sessions = useAppSessions();
/** As in editor.test.ts: Chromium's refusal to run script in the sandboxed preview frame. */
const PROBE_REFUSED = /^console: Blocked script execution in 'about:srcdoc'/;
const run = promisify(execFile);

const SAMPLE = '50 Jahre Dortmund Leeds. Was uns verbindet';
const FLAG = 'Ehrenfahne des Europarates (Nachbildung)';
const LONG =
  'Die Chronik zeigt viele wichtige Dinge aus der langen Geschichte von Dortmund und Leeds und vom Europa-Rat.';
const PASSIVE = 'Die Partnerschaft wurde 1969 gegründet.';
const FIXED =
  'Die Chronik zeigt Dinge von Dortmund und Leeds. Die Partnerschaft gibt es seit 1969.';
const ALT_PASSIVE = 'Die Fahne wurde 1979 gemacht.';
const ALT_FIXED = 'Eine blaue Fahne mit 12 goldenen Sternen.';

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      id: el?.id ?? '',
      lang: el?.getAttribute('lang') ?? '',
      testId: el?.getAttribute('data-testid') ?? '',
      text: (el as HTMLInputElement | null)?.value ?? el?.textContent ?? '',
    };
  });

/** Replaces the text of the focused field as a person would: select all, type. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

describe('Leichte Sprache in the editor', () => {
  // Editing, a web export with fresh image variants and the gates: minutes on a loaded machine.
  it('finds, jumps to and fixes de-x-ls texts, then exports pages that pass the quality gates', async () => {
    const { page, problems, libraryDir } = await sessions.start({
      withSampleLibrary: true,
      viewport: { width: 1600, height: 1000 },
    });

    // An item's alt text, written in the Leichte Sprache tab with the German one beside it.
    await page.getByTestId('item-grid').getByRole('listitem').first().waitFor({ timeout: 60_000 });
    await openItem(page, FLAG);
    const item = page.getByTestId('item-editor');
    await item.getByRole('tab', { name: /Leichte Sprache/ }).click();
    await expect(item.innerText()).resolves.toContain('Blaue Fahne mit einem Kreis');
    await item.getByTestId('field-altText').fill(ALT_PASSIVE);
    await waitSaved(page);

    // A text block of the exhibition, side by side with German.
    await page
      .getByRole('navigation', { name: 'Bereiche' })
      .getByRole('button', { name: 'Ausstellungen', exact: true })
      .click();
    await page.getByRole('button', { name: `„${SAMPLE}“ bearbeiten` }).click();
    await page.locator('#translate-lang').selectOption({ label: 'Leichte Sprache' });
    await page
      .getByRole('navigation', { name: 'Gliederung' })
      .locator('.outline__label')
      .filter({ hasText: 'Die Chronik verbindet' })
      .click();
    await expect(page.locator('.rich-editor__content[lang="de"]').innerText()).resolves.toContain(
      'Die Chronik verbindet',
    );
    await page.locator('.rich-editor__content[lang="de-x-ls"]').click();
    await retype(page, `${LONG} ${PASSIVE}`);

    // The Check panel names both sentences; "Beheben" focuses the Leichte Sprache field.
    await page.getByRole('tab', { name: 'Prüfen' }).click();
    const blockFinding = (rule: string, text: string) =>
      page.locator(`.problem[data-rule="${rule}"]`).filter({ hasText: text });
    await blockFinding('ls-sentence-length', LONG).waitFor();
    await blockFinding('ls-passive', PASSIVE)
      .getByRole('button', { name: /^Beheben/ })
      .click();
    await expect.poll(async () => (await focused(page)).lang).toBe('de-x-ls');
    const field = await focused(page);
    expect(field.id).toMatch(/^block-.+-body-de-x-ls$/);
    expect(field.text).toContain(PASSIVE);
    await retype(page, FIXED);
    await page.getByRole('tab', { name: 'Prüfen' }).click();
    await page.locator('.problem[data-rule="easy-language-unreviewed"]').waitFor();
    await expect.poll(() => blockFinding('ls-passive', PASSIVE).count()).toBe(0);
    await expect.poll(() => blockFinding('ls-sentence-length', LONG).count()).toBe(0);

    // The item's finding opens the item at its Leichte Sprache alt text.
    const itemFinding = blockFinding('ls-passive', ALT_PASSIVE);
    await expect(itemFinding.innerText()).resolves.toContain('Alternativtext');
    await itemFinding.getByRole('button', { name: /^In der Bibliothek öffnen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor();
    await expect
      .poll(async () => (await focused(page)).testId, { timeout: 10_000 })
      .toBe('field-altText');
    expect(await focused(page)).toMatchObject({ lang: 'de-x-ls', text: ALT_PASSIVE });
    await expect(
      item.getByRole('tab', { name: /Leichte Sprache/ }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await retype(page, ALT_FIXED);
    await waitSaved(page);
    // Both fixes are on disk before the export reads the library.
    await expect
      .poll(async () =>
        JSON.stringify(await entityOnDisk(libraryDir!, 'ex-50-jahre-leeds')).includes(
          'Die Partnerschaft gibt es seit 1969.',
        ),
      )
      .toBe(true);

    // Export the web bundle, German and Leichte Sprache, through the export panel.
    await page.getByRole('navigation').getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByTestId('export-check').waitFor();
    await page.getByRole('radio', { name: /^Web/ }).check();
    await page.getByRole('checkbox', { name: 'English' }).uncheck();
    await expect(page.getByRole('checkbox', { name: 'Leichte Sprache' }).isChecked()).resolves.toBe(
      true,
    );
    await page.getByRole('button', { name: 'Exportieren …' }).click();
    await page.getByTestId('export-done').waitFor({ timeout: 300_000 });
    const root = await page.getByTestId('export-path').innerText();
    expect(problems.filter((p) => !PROBE_REFUSED.test(p))).toEqual([]);

    const pages = (await listFiles(root)).filter(
      (f) => f.startsWith('de-x-ls/') && f.endsWith('.html'),
    );
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const all = (await Promise.all(pages.map((f) => readFile(path.join(root, f), 'utf8')))).join(
      '\n',
    );
    expect(all).toContain(FIXED);
    expect(all).toContain(ALT_FIXED);
    expect(all).not.toContain(PASSIVE);

    // The page walk (console, failed and external requests from file:// and over HTTP, axe)
    // over the de-x-ls pages is the bundle walk's (tests/e2e/export/bundle.test.ts exports the
    // same sample exhibition in de, en and de-x-ls); the edits above change words, not markup.
    // Links: every internal reference of the de-x-ls pages resolves to a file (and fragment).
    const broken: string[] = [];
    for (const rel of pages) {
      const source = await readFile(path.join(root, rel), 'utf8');
      for (const url of referencedUrls(source)) {
        if (/^(data:|https?:|mailto:)/.test(url)) continue;
        const [file, fragment] = url.split('#');
        const target = file
          ? path.resolve(path.dirname(path.join(root, rel)), file.split('?')[0]!)
          : path.join(root, rel);
        if (!target.startsWith(root) || !existsSync(target)) broken.push(`${rel}: ${url}`);
        else if (fragment && target.endsWith('.html')) {
          if (!(await readFile(target, 'utf8')).includes(`id="${fragment}"`))
            broken.push(`${rel}: ${url}`);
        }
      }
    }
    expect(broken).toEqual([]);

    // The Nu HTML checker over the same pages.
    const vnu = path.join(REPO_ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
    const nu = await run('java', [
      '-jar',
      vnu,
      '--errors-only',
      ...pages.map((f) => path.join(root, f)),
    ]).then(
      () => '',
      (err: { stderr: string }) => err.stderr || 'vnu failed',
    );
    expect(nu).toBe('');
  }, 600_000);
});
