import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createSyntheticJpeg } from '../electron/core/media';
import { launchBrowser } from '../tests/e2e/harness/browser';
import { startWebHost, type WebHost } from '../tests/e2e/harness/host';
import { syntheticLibrary } from './library';
import { median, type Figure } from './report';

/**
 * The curation workspace in Chromium through `vitrine web` (issue 4, issue 10 §3): a 10,000-item
 * library's (50,000 in the full bench) first grid paint, search keystroke and facet click to
 * updated results, the page's JS heap, item DOM nodes while scrolling, and
 * the import of 100 generated 12-megapixel JPEGs through the upload route with its progress.
 */
export interface UiBenchOptions {
  root: string;
  outDir: string;
  quick: boolean;
  log: (s: string) => void;
}

function run(root: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'ignore' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args[0]} failed (${code})`)),
    );
  });
}

/**
 * The web host as the browser tests start it (tests/e2e/harness/host.ts), with room for
 * opening a large synthetic library before it prints its ready line.
 */
export function startHost(
  libraryDir: string,
  appDataDir: string,
  /** Node options for the host process, and a listener for its other stdout lines. */
  extra: { execArgv?: string[]; onLine?: (line: string) => void } = {},
): Promise<WebHost> {
  return startWebHost({ libraryDir, appDataDir, readyTimeoutMs: 600_000, ...extra });
}

async function jpegs(outDir: string, count: number, log: (s: string) => void): Promise<string[]> {
  const dir = join(outDir, 'jpeg-12mp');
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const file = join(dir, `photo-${String(i).padStart(3, '0')}.jpg`);
    if (!existsSync(file)) {
      if (i % 10 === 0) log(`  generating 12-MP JPEGs ${i}/${count} …\n`);
      await writeFile(
        file,
        await createSyntheticJpeg({ width: 4000, height: 3000, seed: 1000 + i }),
      );
    }
    files.push(file);
  }
  return files;
}

/** Sets the search box's value the way typing does (React listens to `input`). */
async function keystrokeLatencies(page: Page, terms: string[]): Promise<number[]> {
  return page.evaluate(async (values) => {
    const input = document.querySelector<HTMLInputElement>('#library-search')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const out: number[] = [];
    for (const value of values) {
      const t0 = performance.now();
      setter.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Until the result list rendered for this query is committed, then the next frame.
      const rendered = () =>
        document.querySelector('.library__results')?.getAttribute('data-results-for') === value;
      while (!rendered() && performance.now() - t0 < 5000) await frame();
      await frame();
      out.push(performance.now() - t0);
    }
    return out;
  }, terms);
}

export async function benchUi(options: UiBenchOptions): Promise<Figure[]> {
  const { root, outDir, quick, log } = options;
  log('curation workspace in Chromium (web host)\n');
  if (!existsSync(join(root, 'dist/renderer/index.html'))) {
    log('  building the renderer …\n');
    await run(root, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
  }
  // Issue 10 §3: 10,000 items in --quick, 50,000 in the full bench, each with its own targets.
  const size = quick ? 10_000 : 50_000;
  const label = size.toLocaleString('en');
  const targets = quick
    ? { paint: 600, keystroke: 30, facet: 50, heap: 80 }
    : { paint: 1000, keystroke: 80, facet: 100, heap: 150 };
  const template = await syntheticLibrary(outDir, size, log);
  const work = await mkdtemp(join(tmpdir(), 'vitrine-bench-ui-'));
  const libraryDir = join(work, 'library');
  await cp(template, libraryDir, { recursive: true });
  const host = await startHost(libraryDir, join(work, 'appdata'));
  const browser = await launchBrowser();
  const figures: Figure[] = [];
  try {
    // First grid paint: from navigation start to the first item cell on screen.
    // Measured in the page, without the test driver's polling: the first animation frame after
    // the first item cell exists, from navigation start and from the snapshot request (the
    // moment the open library is asked for its 10,000 items).
    const paints: number[] = [];
    const fromSnapshot: number[] = [];
    for (let i = 0; i < (quick ? 3 : 5); i += 1) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'de-DE',
      });
      await context.addInitScript(() => {
        const w = window as unknown as { __firstGrid?: number };
        const observer = new MutationObserver(() => {
          if (w.__firstGrid !== undefined) return;
          if (!document.querySelector('[data-testid="item-grid"] li')) return;
          observer.disconnect();
          requestAnimationFrame(() => (w.__firstGrid = performance.now()));
        });
        observer.observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.waitForFunction(
        () => (window as unknown as { __firstGrid?: number }).__firstGrid !== undefined,
        null,
        // Generous: on a loaded machine opening a large library can take minutes.
        { timeout: 600_000 },
      );
      const t = await page.evaluate(() => {
        const snap = performance
          .getEntriesByType('resource')
          .find((e) => e.name.includes('/api/library.snapshot'));
        const first = (window as unknown as { __firstGrid: number }).__firstGrid;
        return { first, snapshotStart: snap?.startTime ?? 0 };
      });
      paints.push(t.first);
      fromSnapshot.push(t.first - t.snapshotStart);
      await context.close();
    }
    figures.push({
      name: `ui: first grid paint from navigation, ${label} items (median)`,
      value: median(paints),
      unit: 'ms',
      target: targets.paint,
      better: 'lower',
    });
    figures.push({
      name: 'ui: first grid paint from library snapshot request (median)',
      value: median(fromSnapshot),
      unit: 'ms',
      better: 'lower',
    });

    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'de-DE',
    });
    const page = await context.newPage();
    await page.goto(host.url);
    await page.locator('[data-testid="item-grid"] li').first().waitFor({ timeout: 600_000 });

    // Search, once the index is built (it builds in slices after the first paint): each
    // "keystroke" changes the query.
    await keystrokeLatencies(page, ['zzzz']);
    await page
      .getByText('Suchindex wird aufgebaut …')
      .waitFor({ state: 'detached', timeout: 60_000 });
    const terms = [
      'leeds',
      'lee',
      'amiens',
      'ami',
      'orchester',
      'orch',
      'town hall',
      'town',
      'dura 1977',
      'dura',
      'weihnachts',
      'christmas',
      'trabzon 19',
      'trabzon',
      'kumasi',
    ];
    await keystrokeLatencies(page, ['warm', '']);
    const latencies = await keystrokeLatencies(
      page,
      quick ? terms.slice(0, 8) : [...terms, ...terms],
    );
    figures.push({
      name: `ui: search keystroke → results, ${label} items (median)`,
      value: median(latencies),
      unit: 'ms',
      target: targets.keystroke,
      better: 'lower',
    });
    figures.push({
      name: 'ui: search keystroke → results (max)',
      value: Math.max(...latencies),
      unit: 'ms',
      better: 'lower',
    });
    await keystrokeLatencies(page, ['']);

    // Facet click → results: tick a facet and untick it again, each until the rows on screen
    // answer the new question (the results' key changes), then the next frame.
    const facetTimes: number[] = [];
    const boxes = page.getByTestId('facets').getByRole('checkbox');
    const facetCount = Math.min(await boxes.count(), 6);
    for (let round = 0; round < (quick ? 2 : 3); round += 1) {
      for (let i = 0; i < facetCount; i += 1) {
        for (let click = 0; click < 2; click += 1) {
          const handle = await boxes.nth(i).elementHandle();
          facetTimes.push(
            await page.evaluate(async (box) => {
              const results = () =>
                document.querySelector('.library__results')?.getAttribute('data-results-key');
              const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
              const before = results();
              const t0 = performance.now();
              (box as HTMLInputElement).click();
              while (results() === before && performance.now() - t0 < 5000) await frame();
              await frame();
              return performance.now() - t0;
            }, handle),
          );
        }
      }
    }
    figures.push({
      name: `ui: facet click → results, ${label} items (median)`,
      value: median(facetTimes),
      unit: 'ms',
      target: targets.facet,
      better: 'lower',
    });

    // The page's JS heap after painting, searching and filtering (garbage collected first).
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    // Runtime.getHeapUsage needs no domain enabled (Performance.getMetrics answers no heap then).
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    figures.push({
      name: `ui: renderer JS heap, ${label} items`,
      value: Math.round((heap / 1024 / 1024) * 10) / 10,
      unit: 'MB',
      target: targets.heap,
      better: 'lower',
    });

    // DOM while scrolling through the whole grid.
    const dom = await page.evaluate(async () => {
      const grid = document.querySelector<HTMLElement>('[data-testid="item-grid"]')!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      let items = 0;
      let nodes = 0;
      // 60 screenfuls in a row from the top, then 100 jumps spread over the whole list.
      const step = grid.clientHeight * 0.9;
      const positions = [
        ...Array.from({ length: 60 }, (_, i) => i * step),
        ...Array.from({ length: 100 }, (_, i) => (grid.scrollHeight * i) / 99),
      ];
      for (const top of positions) {
        grid.scrollTop = top;
        await frame();
        await frame();
        items = Math.max(items, grid.querySelectorAll('li').length);
        nodes = Math.max(nodes, grid.querySelectorAll('*').length);
      }
      return { items, nodes };
    });
    figures.push({
      name: 'ui: item DOM nodes while scrolling (max)',
      value: dom.items,
      unit: 'items',
      target: 500,
      better: 'lower',
    });
    figures.push({
      name: 'ui: elements inside the grid while scrolling (max)',
      value: dom.nodes,
      unit: 'nodes',
      better: 'lower',
    });

    // Import of 100 twelve-megapixel JPEGs through the browser's file chooser.
    const files = await jpegs(outDir, quick ? 20 : 100, log);
    await page.evaluate(() => {
      const w = window as unknown as { __progress: number[]; __values: number[] };
      w.__progress = [];
      w.__values = [];
      let last = -1;
      const tick = () => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]');
        if (bar && bar.value !== last) {
          last = bar.value;
          w.__progress.push(performance.now());
          w.__values.push(bar.value);
        }
        if (!document.querySelector('[data-testid="import-summary"]')) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const t0 = Date.now();
    await page.getByTestId('import-input').setInputFiles(files);
    await page.getByTestId('import-summary').waitFor({ timeout: 300_000 });
    const seconds = (Date.now() - t0) / 1000;
    const summary = await page.getByTestId('import-summary').innerText();
    const stamps = await page.evaluate(
      () => (window as unknown as { __progress: number[] }).__progress,
    );
    const values = await page.evaluate(
      () => (window as unknown as { __values: number[] }).__values,
    );
    let gap = 0;
    let gapAt = 0;
    for (let i = 1; i < stamps.length; i += 1) {
      if (stamps[i]! - stamps[i - 1]! > gap) {
        gap = stamps[i]! - stamps[i - 1]!;
        gapAt = values[i - 1]!;
      }
    }
    log(
      `  import: ${summary} ${stamps.length} progress updates; longest gap after bar value ${gapAt} of ${files.length * 2}\n`,
    );
    figures.push({
      name: `ui: import ${files.length} × 12-MP JPEG (upload, thumbnails, items)`,
      value: seconds,
      unit: 's',
      target: quick ? 6 : 30,
      better: 'lower',
    });
    figures.push({
      name: 'ui: longest gap between import progress updates',
      value: gap / 1000,
      unit: 's',
      target: 1,
      better: 'lower',
    });
    const imported = Number(/^(\d+)/.exec(summary)?.[1] ?? 0);
    figures.push({
      name: 'ui: files imported',
      value: imported,
      unit: 'files',
      target: files.length,
      better: 'higher',
    });
    await context.close();
  } finally {
    await browser.close();
    await host.stop();
    await rm(work, { recursive: true, force: true });
  }
  return figures;
}
