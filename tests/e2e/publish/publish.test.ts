import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../../servers/sshd';
import { axeViolations, RESULTS_DIR, tempDir, useAppSessions } from '../harness';

/**
 * The "Veröffentlichen" step of the export panel through the real `vitrine web` host in
 * Chromium, against a real OpenSSH server: add a target, confirm the unknown server's
 * fingerprint, dry run with its file list, publish with progress, files on the server, and a
 * wrong password with its message. One session for the whole flow keeps the suite lean.
 */
const sessions = useAppSessions();
let server: SshdServer;
let configDir: string;

beforeAll(async () => {
  [server, configDir] = await Promise.all([startSshd(), tempDir('config')]);
});
afterAll(async () => {
  await server?.stop();
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(RESULTS_DIR, 'publish');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name), fullPage: false });
}

describe('publish step', () => {
  it('adds a target, confirms the host key, dry-runs, publishes and reports a wrong password', async () => {
    const { page, libraryDir, problems } = await sessions.start({
      withSampleLibrary: true,
      viewport: { width: 1280, height: 720 },
      env: { XDG_CONFIG_HOME: configDir },
    });
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
    await page.getByRole('navigation').getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByTestId('export-check').waitFor();
    const panel = page.getByTestId('publish');
    await panel.getByText('Noch kein Ziel gespeichert.').waitFor();

    // Add a target (the form is open while there is none).
    const url = `sftp://${server.user}@127.0.0.1:${server.port}${server.siteDir}/e2e`;
    await panel.getByLabel('Name').fill('Testserver');
    await panel.getByLabel('Adresse').fill(url);
    await panel.getByLabel('Anmeldung').selectOption('password');
    await panel.getByRole('button', { name: 'Ziel speichern' }).click();
    const choice = panel.getByRole('radio', { name: /Testserver/ });
    await choice.waitFor();
    await expect(choice.isChecked()).resolves.toBe(true);
    // Saved in the library's settings, without any secret.
    const saved = await readFile(join(libraryDir!, 'data', 'publish-targets.json'), 'utf8');
    expect(saved).toContain(url);
    await expectAccessible(page, 'publish panel with a target');

    // Dry run: the unknown server's fingerprint is asked first, in a modal dialog.
    const password = panel.getByLabel('Passwort', { exact: true });
    await password.fill(server.password);
    await panel.getByRole('button', { name: 'Probelauf' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unbekannter Server' });
    await dialog.waitFor({ timeout: 60_000 });
    await expect(dialog.getByTestId('publish-fingerprint').innerText()).resolves.toMatch(
      /^SHA256:[A-Za-z0-9+/]{43}$/,
    );
    await expectAccessible(page, 'host key dialog');
    await screenshot(page, 'host-key-1280x720.png');
    await dialog.getByRole('button', { name: 'Fingerabdruck stimmt – vertrauen' }).click();

    const result = page.getByTestId('publish-result');
    await result.waitFor({ timeout: 400_000 });
    await expect(result.innerText()).resolves.toMatch(/Probelauf: das würde sich ändern/);
    const listed = await page.getByTestId('publish-upload').locator('li').allInnerTexts();
    expect(listed).toContain('index.html');
    expect(listed).toContain('de/index.html');
    expect(existsSync(join(server.siteDir, 'e2e', 'index.html'))).toBe(false);
    const dryCount = Number(/(\d+) Dateien würden hochgeladen/.exec(await result.innerText())![1]);
    expect(dryCount).toBeGreaterThan(10);
    await expectAccessible(page, 'dry run result');
    await screenshot(page, 'dry-run-1280x720.png');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'dry-run-1440x900.png');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);

    // Publish: progress shows, then the result counts every file of the dry run.
    await page.getByRole('button', { name: 'Zurück' }).click();
    // Every state of the progress bar is recorded as React commits it, so a fast upload that
    // passes between two polls is still seen.
    await page.evaluate(() => {
      const seen: Array<{ value: number; max: number; step: string }> = [];
      (window as unknown as { publishProgress: typeof seen }).publishProgress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('.publish__progress progress');
        const step = document.querySelector('[data-testid="publish-step"]')?.textContent ?? '';
        if (bar) seen.push({ value: bar.value, max: bar.max, step });
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await panel.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await result.filter({ hasText: 'Veröffentlicht' }).waitFor({ timeout: 400_000 });
    const seen = await page.evaluate(
      () =>
        (
          window as unknown as {
            publishProgress: Array<{ value: number; max: number; step: string }>;
          }
        ).publishProgress,
    );
    expect(seen.some((p) => p.step.startsWith('Paket erstellen'))).toBe(true);
    const uploads = seen.filter((p) => p.step.startsWith('Hochladen'));
    expect(uploads.length).toBeGreaterThan(0);
    expect(uploads.every((p) => p.max === dryCount)).toBe(true);
    await expect(result.innerText()).resolves.toContain(`${dryCount} Dateien hochgeladen`);
    expect(existsSync(join(server.siteDir, 'e2e', 'index.html'))).toBe(true);
    expect(existsSync(join(server.siteDir, 'e2e', 'de', 'index.html'))).toBe(true);
    expect(existsSync(join(server.siteDir, 'e2e', '.vitrine-publish.json'))).toBe(true);
    // The web host forgets the password after a publish: it is asked again.
    await expect(password.inputValue()).resolves.toBe('');

    // A wrong password: a clear message, nothing changed.
    await page.getByRole('button', { name: 'Zurück' }).click();
    await password.fill('falsch');
    await panel.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    await expect(alert.innerText()).resolves.toMatch(/Passwort oder Schlüssel stimmt nicht/);
    await expectAccessible(page, 'wrong password');
    await screenshot(page, 'wrong-password-1440x900.png');
    expect(await readFile(join(libraryDir!, 'data', 'publish-targets.json'), 'utf8')).not.toContain(
      server.password,
    );
    expect(problems).toEqual([]);
    // One flow with two exports of the sample (cold image derivatives first) on a shared machine.
  }, 900_000);
});
