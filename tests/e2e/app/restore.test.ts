import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, useAppSessions, type AppSession } from '../harness';

/**
 * Restore from backup through the real `vitrine web` host in Debian's Chromium: the workspace's
 * "Restore from backup …" (Electron's File menu opens the same dialog) and the damaged-library
 * error's offer of the newest valid backup. Both go through `backups.*` of the API contract.
 */
const sessions = useAppSessions();

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
}

async function itemCount(page: Page): Promise<number> {
  const first = page.getByTestId('item-grid').getByRole('listitem').first();
  await first.waitFor();
  return Number(await first.getAttribute('aria-setsize'));
}

async function setAsideFolders(session: AppSession): Promise<string[]> {
  const names = await readdir(join(session.libraryDir!, 'backups'));
  return names.filter((n) => n.startsWith('damaged-'));
}

describe('restore from backup', () => {
  it('lists the backups, previews the counts that change and restores after confirmation', async () => {
    const session = await sessions.start({ withSampleLibrary: true });
    const { page, host, problems } = session;
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
    const before = await itemCount(page);

    // Three items added after the backup taken when the library was opened.
    const now = new Date().toISOString();
    const commands = ['x1', 'x2', 'x3'].map((id) => ({
      type: 'putItem',
      item: { id: `zz-${id}`, kind: 'text', title: { de: id }, createdAt: now, updatedAt: now },
    }));
    const response = await fetch(`${host.origin}/api/library.apply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ command: { type: 'batch', commands } }),
    });
    expect(await response.json()).toMatchObject({ ok: true });
    await page.getByText(`${(before + 3).toLocaleString('de-DE')} Objekte`).waitFor();

    await page.getByRole('button', { name: 'Aus Sicherung wiederherstellen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aus Sicherung wiederherstellen' });
    const list = dialog.getByRole('group', { name: 'Sicherungen, die neueste zuerst' });
    await list.getByRole('radio').first().waitFor({ timeout: 60_000 });
    const newest = list.getByRole('radio').first();
    await expect(newest.isEnabled()).resolves.toBe(true);
    await expect(list.locator('label').first().innerText()).resolves.toContain(
      `gültig, ${before} Objekte`,
    );
    await expect(
      dialog.getByRole('button', { name: 'Wiederherstellen' }).isDisabled(),
    ).resolves.toBe(true);

    // Choosing asks main for the preview; the radio shows as chosen once it has arrived.
    await newest.click();
    const changes = dialog.getByTestId('restore-changes');
    await changes.waitFor({ timeout: 60_000 });
    await expect(newest.isChecked()).resolves.toBe(true);
    const row = changes.getByRole('row', { name: /Objekte/ });
    await expect(row.innerText()).resolves.toMatch(
      new RegExp(`${before + 3}\\s+${before}\\s+\\+0 neu, −3 entfernt, 0 geändert`),
    );
    await expect(dialog.innerText()).resolves.toContain('nie gelöscht');
    await expectAccessible(page, 'restore dialog with preview');

    expect(await setAsideFolders(session)).toEqual([]);
    await dialog.getByRole('button', { name: 'Wiederherstellen' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
    await page.getByText(`${before.toLocaleString('de-DE')} Objekte`).waitFor();
    // The replaced files were set aside, not deleted.
    expect(await setAsideFolders(session)).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('offers the newest valid backup when a library cannot be opened because a file is damaged', async () => {
    const session = await sessions.start({ withSampleLibrary: true });
    const { page } = session;
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
    const before = await itemCount(page);
    await page.getByRole('button', { name: 'Bibliothek schließen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Willkommen bei Vitrine' }).waitFor();

    // Another program replaces a data file with a truncated one.
    const file = join(session.libraryDir!, 'data', 'partnerships.json');
    await writeFile(`${file}.new`, '{"revision": 1, "partnerships": [');
    await rename(`${file}.new`, file);

    const recent = page.getByRole('region', { name: 'Zuletzt geöffnet' });
    await recent.getByRole('button').first().click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('partnerships.json');
    const offer = page.getByRole('button', {
      name: 'Neueste gültige Sicherung wiederherstellen …',
    });
    await expectAccessible(page, 'start screen with a damaged library');
    await offer.click();

    const dialog = page.getByRole('dialog', { name: 'Aus Sicherung wiederherstellen' });
    await dialog.getByRole('heading', { level: 3 }).waitFor({ timeout: 60_000 });
    await expect(dialog.innerText()).resolves.toContain('Die jetzige Bibliothek ist nicht lesbar');
    await expectAccessible(page, 'restore dialog for a damaged library');
    await dialog.getByRole('button', { name: 'Wiederherstellen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
    expect(await itemCount(page)).toBe(before);
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Partnerschaften', exact: true })
      .click();
    await page.getByRole('table').getByRole('button', { name: 'Leeds' }).waitFor();
    // The damaged file is kept, byte for byte, in the set-aside folder.
    const [aside] = await setAsideFolders(session);
    await expect(
      readFile(join(session.libraryDir!, 'backups', aside!, 'data', 'partnerships.json'), 'utf8'),
    ).resolves.toBe('{"revision": 1, "partnerships": [');
  });
});
