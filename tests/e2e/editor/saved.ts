import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Waits until the library has acknowledged every edit of the exhibition editor: no draft waits
 * for its autosave (the editor's `data-draft`) and no save is in flight (the header's save state).
 * Tied to what the app reports, so it holds on a fast and a loaded machine alike.
 */
export async function waitSaved(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const draft = document.querySelector('.xeditor')?.getAttribute('data-draft') ?? 'none';
          const saved = document.querySelector('[data-testid="save-state"].save-state--saved');
          return `${draft} ${saved ? 'saved' : 'not saved'}`;
        }),
      { timeout: 20_000 },
    )
    .toBe('none saved');
  await expect(page.getByRole('banner').getByRole('status').innerText()).resolves.toContain(
    'Gespeichert',
  );
}
