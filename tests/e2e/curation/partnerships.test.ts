import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSessions } from '../harness';
import { entityOnDisk, expectNoAxeViolations } from './helpers';

const sessions = useAppSessions();

async function openPartnerships(page: Page): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: 'Partnerschaften', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Partnerschaften' }).waitFor();
}

describe('partnership histories', () => {
  it('adds a history event to Leeds, links an item, and finds both after reopening', async () => {
    const { page, libraryDir, problems } = await sessions.start({ withSampleLibrary: true });
    await page.getByTestId('item-grid').getByRole('listitem').first().waitFor();
    await openPartnerships(page);
    await page.getByRole('table').getByRole('button', { name: 'Leeds' }).click();
    const editor = page.getByTestId('partnership-editor');
    await editor.getByRole('heading', { level: 2, name: 'Leeds' }).waitFor();
    const before = await editor.getByTestId('history-event').count();

    const add = editor.getByTestId('add-event');
    await add.getByLabel('Genauigkeit').selectOption('year');
    await add.getByLabel('Jahr', { exact: true }).fill('1995');
    await add.getByLabel('Titel').fill('Jugendorchester aus Leeds zu Gast');
    await add.getByRole('button', { name: 'Hinzufügen' }).click();
    const events = editor.getByTestId('history-event');
    await expect.poll(() => events.count()).toBe(before + 1);
    const added = events.filter({ hasText: 'Jugendorchester aus Leeds zu Gast' });
    await added.getByLabel('Objekt verknüpfen').fill('town hall');
    await added.getByRole('button', { name: /Rathaus von Leeds/ }).click();
    await added.getByText('Rathaus von Leeds').waitFor();
    await editor.getByText('Alle Änderungen gespeichert').waitFor();
    await page.getByTestId('save-state').filter({ hasText: 'Gespeichert' }).waitFor();

    const leeds = await entityOnDisk<{
      history: { date: string; title: Record<string, string>; itemIds: string[] }[];
    }>(libraryDir!, 'leeds');
    const event = leeds?.history.find((e) => e.title.de === 'Jugendorchester aus Leeds zu Gast');
    expect(event?.date).toBe('1995');
    expect(event?.itemIds).toEqual(['photo-leeds-town-hall']);

    // Reopen: a fresh page load shows the event with its linked item.
    await page.reload();
    await page.getByTestId('item-grid').or(page.getByRole('table')).first().waitFor();
    await openPartnerships(page);
    await page.getByRole('table').getByRole('button', { name: 'Leeds' }).click();
    const again = page
      .getByTestId('partnership-editor')
      .getByTestId('history-event')
      .filter({ hasText: 'Jugendorchester aus Leeds zu Gast' });
    await again.getByText('Rathaus von Leeds').waitFor();
    await expectNoAxeViolations(page, 'partnership editor');

    // Linking by dragging from the partnership's items onto an event.
    const firstEvent = page.getByTestId('partnership-editor').getByTestId('history-event').first();
    const linkedBefore = await firstEvent.locator('.tl-editor__linked li').count();
    await page.getByText(/Objekte dieser Partnerschaft/).click();
    // Headless Chromium gives Playwright's mouse no native drag session here, so the test
    // dispatches the drag events itself with one DataTransfer, as the browser would.
    const chip = page.getByTestId('library-strip').getByText('Videokonferenz Dortmund–Leeds');
    const data = await page.evaluateHandle(() => new DataTransfer());
    await chip.dispatchEvent('dragstart', { dataTransfer: data });
    await firstEvent.locator('.tl-editor__row').dispatchEvent('dragover', { dataTransfer: data });
    await firstEvent.locator('.tl-editor__row').dispatchEvent('drop', { dataTransfer: data });
    await expect
      .poll(() => firstEvent.locator('.tl-editor__linked li').count())
      .toBe(linkedBefore + 1);
    await expect(firstEvent.innerText()).resolves.toContain('Videokonferenz Dortmund–Leeds');
    await page.getByTestId('partnership-editor').getByText('Alle Änderungen gespeichert').waitFor();

    // A save the library refuses keeps the edit on screen and says why; fixing it saves again.
    const country = page.getByTestId('partnership-editor').getByLabel(/^Land/);
    await country.fill('G1');
    const alert = page.getByTestId('partnership-editor').getByRole('alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(/Nicht gespeichert/);
    await expect(country.inputValue()).resolves.toBe('G1');
    await expect(page.getByTestId('save-state').innerText()).resolves.toMatch(/Nicht gespeichert/);
    await country.fill('GB');
    await page.getByTestId('partnership-editor').getByText('Alle Änderungen gespeichert').waitFor();
    await expect(alert.count()).resolves.toBe(0);
    // The refused save is the one expected failure (HTTP 400 from library.apply).
    expect(problems.filter((p) => !/\b400\b/.test(p))).toEqual([]);
  });

  it('shows every partnership and both awards on one overview timeline, and edits awards', async () => {
    const { page, problems } = await sessions.start({
      withSampleLibrary: true,
      viewport: { width: 1920, height: 1080 },
    });
    await page.getByTestId('item-grid').getByRole('listitem').first().waitFor();
    await expectNoAxeViolations(page, 'library at 1920×1080');
    await page.getByTestId('item-grid').getByRole('button').first().click();
    await page.getByTestId('item-editor').waitFor();
    await expectNoAxeViolations(page, 'item editor at 1920×1080');
    await page
      .getByTestId('item-grid')
      .getByRole('button')
      .nth(1)
      .click({ modifiers: ['Control'] });
    await page.getByTestId('batch-editor').waitFor();
    await expectNoAxeViolations(page, 'batch editor at 1920×1080');
    await openPartnerships(page);
    await page.getByRole('button', { name: 'Zeitleiste' }).click();
    const overview = page.getByTestId('timeline-overview');
    await overview.waitFor();
    const svgText = await overview.locator('svg').textContent();
    for (const city of ['Amiens', 'Leeds', 'Buffalo', 'Novi Sad', 'Trabzon', 'Rostow am Don']) {
      expect(svgText).toContain(city);
    }
    const awards = await overview.getByTestId('overview-awards').innerText();
    expect(awards).toMatch(/1979.*Ehrenfahne/);
    expect(awards).toMatch(/2021.*Ehrenplakette/);
    expect(svgText).toMatch(/Ehrenfahne.*1979/);
    await expectNoAxeViolations(page, 'overview timeline');

    await page.getByRole('button', { name: 'Auszeichnungen' }).click();
    await page
      .getByTestId('award-list')
      .getByRole('button', { name: /Ehrenplakette/ })
      .click();
    const editor = page.getByTestId('award-editor');
    await editor.getByRole('heading', { level: 2, name: /Ehrenplakette/ }).waitFor();
    await expectNoAxeViolations(page, 'award editor');
    expect(problems).toEqual([]);
  });
});
