import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary } from '../electron/core/library';
import { buildSampleLibrary } from '../electron/core/sample';
import { docFromParagraphs, type Block, type Exhibition } from '../shared/domain';
import { launchBrowser } from '../tests/e2e/harness/browser';
import { median, type Figure } from './report';
import { startHost } from './ui';

/**
 * The exhibition editor in Chromium through `vitrine web` (issue 5): from a keystroke in a text
 * block to the updated preview of a 30-block chapter. Measured inside the page, from the
 * keydown's timestamp to the frame after the preview's document holds the new text, so the
 * figure is what a person sees, not the automation's round trip.
 */
export interface EditorBenchOptions {
  quick: boolean;
  log: (s: string) => void;
}

const BLOCKS = 30;
const BENCH_EXHIBITION = 'bench-30';

/** A chapter of 30 blocks the way curators build them: mostly text, with items and galleries. */
function thirtyBlockChapter(itemIds: string[]): Exhibition['chapters'][number] {
  const blocks: Block[] = [];
  for (let i = 0; i < BLOCKS; i += 1) {
    const id = `bench-b${i}`;
    const item = itemIds[i % itemIds.length]!;
    if (i % 6 === 1) blocks.push({ id, type: 'item', itemId: item, caption: {} });
    else if (i % 6 === 3)
      blocks.push({
        id,
        type: 'gallery',
        title: { de: `Galerie ${i}` },
        itemIds: itemIds.slice(0, 4),
      });
    else if (i % 6 === 5)
      blocks.push({
        id,
        type: 'quote',
        text: { de: `Zitat ${i}: Was uns verbindet.` },
        attribution: {},
      });
    else
      blocks.push({
        id,
        type: 'text',
        body: {
          de: docFromParagraphs(
            `Absatz ${i}: Die Städtepartnerschaft zwischen Dortmund und Leeds wird von Schulen, Vereinen und Familien getragen.`,
            'Seit 1969 besuchen sich Delegationen, Chöre und Sportvereine gegenseitig.',
          ),
        },
      });
  }
  return { id: 'bench-c1', title: { de: 'Dreißig Blöcke' }, blocks };
}

async function prepareLibrary(dir: string): Promise<void> {
  await buildSampleLibrary(dir);
  const library = await openLibrary(dir);
  try {
    const snapshot = library.snapshot();
    const itemIds = snapshot.items
      .filter((i) => i.media.some((m) => m.kind === 'image'))
      .map((i) => i.id);
    const now = new Date().toISOString();
    await library.apply({
      type: 'putExhibition',
      exhibition: {
        id: BENCH_EXHIBITION,
        slug: BENCH_EXHIBITION,
        title: { de: 'Benchmark: dreißig Blöcke' },
        subtitle: {},
        languages: ['de'],
        defaultLanguage: 'de',
        chapters: [thirtyBlockChapter(itemIds)],
        credits: {},
        imprint: {},
        theme: 'civic',
        status: 'draft',
        settings: { web: {}, kiosk: { idleSeconds: 90 } },
        createdAt: now,
        updatedAt: now,
      },
    });
  } finally {
    await library.close();
  }
}

export async function benchEditor({ quick, log }: EditorBenchOptions): Promise<Figure[]> {
  const work = await mkdtemp(join(tmpdir(), 'vitrine-bench-editor-'));
  const libraryDir = join(work, 'library');
  log('editor: keystroke to preview (30-block chapter)\n');
  await prepareLibrary(libraryDir);
  const host = await startHost(libraryDir, join(work, 'app-data'));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({
      viewport: { width: 1600, height: 1000 },
      locale: 'de-DE',
    });
    await page.goto(host.url);
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 60_000 });
    await page
      .getByRole('navigation', { name: 'Bereiche' })
      .getByRole('button', { name: 'Ausstellungen', exact: true })
      .click();
    await page.getByRole('button', { name: '„Benchmark: dreißig Blöcke“ bearbeiten' }).click();
    // The last text block: the whole chapter is above it in the preview.
    await page.locator('#outline-bench-b28').click();
    const editor = page.locator('#block-bench-b28-body-de');
    await editor.click();
    await page.keyboard.press('End');
    await page
      .frameLocator('iframe[title^="Vorschau"]')
      .locator('[data-block="bench-b29"]')
      .waitFor();
    const blocksInPreview = await page
      .frameLocator('iframe[title^="Vorschau"]')
      .locator('[data-block]')
      .count();
    if (blocksInPreview !== BLOCKS)
      throw new Error(`preview shows ${blocksInPreview} blocks, not ${BLOCKS}`);

    const samples: number[] = [];
    const rounds = quick ? 15 : 40;
    for (let i = 0; i < rounds + 3; i += 1) {
      const marker = `K${i}Q`;
      // The marker's last character is the measured keystroke; the rest is typed beforehand.
      await page.keyboard.type(marker.slice(0, -1));
      await page.waitForTimeout(150);
      await page.evaluate((text) => {
        const w = window as unknown as { benchResult?: Promise<number> };
        const frame = document.querySelector<HTMLIFrameElement>('iframe[title^="Vorschau"]')!;
        const target = document.querySelector<HTMLElement>('#block-bench-b28-body-de')!;
        let start = 0;
        target.addEventListener('keydown', (event) => (start = event.timeStamp), {
          capture: true,
          once: true,
        });
        w.benchResult = new Promise<number>((resolve, reject) => {
          const deadline = setTimeout(() => reject(new Error('preview did not update')), 5_000);
          const check = () => {
            if (start && frame.contentDocument?.body?.textContent?.includes(text)) {
              clearTimeout(deadline);
              // The next frame after the change: what the person sees.
              requestAnimationFrame(() => resolve(performance.now() - start));
              return;
            }
            requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
      }, marker);
      await page.keyboard.type(marker.slice(-1));
      const ms = await page.evaluate(
        () => (window as unknown as { benchResult: Promise<number> }).benchResult,
      );
      if (i >= 3) samples.push(ms); // the first keystrokes warm up the JIT
      await page.waitForTimeout(120);
    }
    const value = median(samples);
    log(`  median ${value.toFixed(1)} ms over ${samples.length} keystrokes\n`);
    return [
      {
        name: 'editor: keystroke → preview, 30-block chapter (median)',
        value,
        unit: 'ms',
        target: 100,
        better: 'lower',
      },
    ];
  } finally {
    await browser.close();
    await host.stop();
    await rm(work, { recursive: true, force: true });
  }
}
