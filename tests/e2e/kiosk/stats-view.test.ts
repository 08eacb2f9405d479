import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStatsWriter, readKioskReport } from '../../../electron/core/kiosk';
import { reportToCsv, SESSION_BUCKETS_S } from '../../../shared/kiosk/report';
import { axeViolations, RESULTS_DIR, tempDir, useAppSessions } from '../harness';

/**
 * The "Statistik" view of a kiosk export through the real `vitrine web` host in Chromium: a
 * player's data folder written by the player's own event writer (plus a damaged line, as a crash
 * leaves one), typed into the view (the web host has no folder dialog), read by main; the table
 * alternatives show the figures shared/kiosk/report.ts computes, axe finds nothing, the CSV
 * downloads, and the layout holds at 1280×720 and 1440×900.
 */
const sessions = useAppSessions();

/** Two days of visits with a clock the test moves, so days, hours and durations are known. */
async function writePlayerData(dataDir: string): Promise<void> {
  let now = new Date(2026, 4, 14, 10, 0, 0);
  const writer = createStatsWriter({ dataDir, clock: () => now });
  const at = (d: number, h: number, m: number, s = 0) => {
    now = new Date(2026, 4, d, h, m, s);
  };
  const view = (chapter: number, lang = 'de', dwellMs = 20_000) =>
    writer.record({
      type: 'page_view',
      lang,
      page: chapter ? `0${chapter}-kapitel.html` : 'index.html',
      chapter,
      dwellMs,
    });
  // Thursday 14 May: two visits, one reaches chapter 3 and plays a video.
  at(14, 10, 0);
  await writer.record({ type: 'session_start' });
  await view(1, 'de', 30_000);
  at(14, 10, 1);
  await view(2, 'de', 45_000);
  await writer.record({ type: 'media_play', kind: 'video', chapter: 2 });
  await view(3, 'de', 15_000);
  at(14, 10, 4);
  await writer.record({ type: 'idle_reset' });
  at(14, 15, 30);
  await writer.record({ type: 'session_start' });
  await view(1, 'en', 12_000);
  await writer.record({ type: 'language', from: 'en', to: 'de' });
  at(14, 15, 30, 40);
  await writer.record({ type: 'idle_reset' });
  // Friday 15 May: one visit in English with audio.
  at(15, 11, 0);
  await writer.record({ type: 'session_start' });
  await view(1, 'en', 25_000);
  await writer.record({ type: 'media_play', kind: 'audio', chapter: 1 });
  at(15, 11, 12);
  await writer.record({ type: 'idle_reset' });
  await writer.close();
  // A torn line, as a power cut leaves one.
  await appendFile(join(dataDir, 'stats', '2026-05-15.ndjson'), '{"type":"page_vi');
}

async function tableOf(page: Page, chart: string): Promise<string[][]> {
  return page
    .locator(`figure[data-chart="${chart}"] table tbody tr`)
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent ?? '')),
    );
}

async function layoutHolds(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  const { sideways, narrowest } = await page.evaluate(() => ({
    sideways: document.documentElement.scrollWidth > window.innerWidth,
    narrowest: Math.min(
      ...[...document.querySelectorAll('.stats__chart canvas')].map(
        (c) => c.getBoundingClientRect().width,
      ),
    ),
  }));
  expect(sideways, `no sideways scrolling at ${width}×${height}`).toBe(false);
  expect(narrowest, `charts drawn at ${width}×${height}`).toBeGreaterThan(150);
  // For a person to look at (test-results/ is not committed): the top and the charts.
  await page.screenshot({ path: join(RESULTS_DIR, 'kiosk-stats', `stats-${width}x${height}.png`) });
  await page
    .locator('.stats__grid')
    .screenshot({ path: join(RESULTS_DIR, 'kiosk-stats', `stats-charts-${width}x${height}.png`) });
}

describe('Statistik view', () => {
  it('loads a player data folder and shows the report as charts, tables and CSV', async () => {
    const usb = join(await tempDir('usb'), 'vitrine-kiosk');
    await mkdir(usb, { recursive: true });
    await writePlayerData(usb);
    const expected = await readKioskReport(usb);
    expect(expected.read.corrupt).toBe(1);

    const { page, problems } = await sessions.start({
      withSampleLibrary: true,
      viewport: { width: 1280, height: 720 },
    });
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
    await page.getByRole('navigation').getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('radio', { name: /^Kiosk/ }).check();
    await page.getByRole('button', { name: 'Statistik öffnen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Statistik: / }).waitFor();
    // No native dialog on the web host: the button says so instead of failing later.
    await expect(page.getByRole('button', { name: 'Ordner wählen …' }).isDisabled()).resolves.toBe(
      true,
    );

    // A wrong path first: a clear message, nothing else.
    await page.getByLabel('Datenordner des Players').fill(join(usb, 'fehlt'));
    await page.getByRole('button', { name: 'Laden', exact: true }).click();
    await page.getByText(/USB-Stick eingesteckt/).waitFor();

    await page.getByLabel('Datenordner des Players').fill(usb);
    await page.getByRole('button', { name: 'Laden', exact: true }).click();
    await page.getByTestId('stats-results').waitFor();
    await expect(page.getByTestId('stats-corrupt').innerText()).resolves.toBe(
      '1 beschädigte Zeile wurde übersprungen.',
    );

    const r = expected.report;
    expect(r.sessions).toBe(3);
    await expect(page.getByTestId('stats-sessions').innerText()).resolves.toBe('3');
    expect(await tableOf(page, 'perDay')).toEqual(
      r.sessionsPerDay.map((d) => [d.day, String(d.sessions)]),
    );
    const hours = await tableOf(page, 'hourOfWeek');
    expect(hours.map((row) => row.slice(1).map(Number))).toEqual(r.sessionsPerHourOfWeek);
    expect(hours[3]![0]).toBe('Donnerstag');
    expect((await tableOf(page, 'length')).map((row) => Number(row[1]))).toEqual(
      r.sessionLengthBuckets,
    );
    expect(r.sessionLengthBuckets).toHaveLength(SESSION_BUCKETS_S.length + 1);
    const chapters = await tableOf(page, 'chapters');
    expect(chapters.map((row) => Number(row[1]))).toEqual(r.chapters.map((c) => c.views));
    // The sample exhibition's chapter titles name the rows.
    expect(chapters[0]![0]).toMatch(/^1\. \S/);
    expect((await tableOf(page, 'funnel')).map((row) => Number(row[1]))).toEqual(
      r.chapters.map((c) => c.sessions),
    );
    expect((await tableOf(page, 'languages')).map((row) => [row[0], row[1], row[2]])).toEqual(
      r.languages.map((l) => [
        expect.stringContaining(`(${l.lang})`),
        `${l.pageViews}`,
        `${l.sessions}`,
      ]),
    );
    expect(await tableOf(page, 'media')).toEqual([
      ['Audio', String(r.mediaPlays.audio)],
      ['Video', String(r.mediaPlays.video)],
    ]);

    expect(await axeViolations(page), 'axe on the Statistik view').toEqual([]);
    await layoutHolds(page, 1280, 720);
    await layoutHolds(page, 1440, 900);

    // A table shown instead of its chart, for everyone.
    const funnel = page.locator('figure[data-chart="funnel"]');
    await funnel.getByRole('button', { name: 'Als Tabelle zeigen' }).click();
    await funnel.getByRole('table').waitFor({ state: 'visible' });
    expect(await axeViolations(page), 'axe with a table shown').toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Als CSV herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('statistik-50-jahre-dortmund-leeds.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toBe(`\ufeff${reportToCsv(r, 'de')}`);

    expect(problems).toEqual([]);
  });
});
