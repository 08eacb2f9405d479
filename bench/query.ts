import { performance } from 'node:perf_hooks';
import { openLibrary } from '../electron/core/library';
import { createItemIndex } from '../electron/core/search/item-index';
import { ItemQueryInput } from '../shared/api/query';
import { median, type Figure } from './report';
import { syntheticLibrary } from './library';

/**
 * Issue 10 §2/§3, main-process side of the query API: building the search index after open,
 * a search keystroke and a facet click answered by `items.query` (a 100-item window with facet
 * counts), and the process's resident memory with the library and its index held. Measured
 * in-process, without the web host's HTTP hop and without the page's rendering.
 * `npm run bench -- --only query [--quick]`.
 */
export async function benchQuery(options: {
  outDir: string;
  quick: boolean;
  log: (s: string) => void;
}): Promise<Figure[]> {
  const count = options.quick ? 10_000 : 50_000;
  const dir = await syntheticLibrary(options.outDir, count, options.log);
  const library = await openLibrary(dir, { readOnly: true });
  const figures: Figure[] = [];
  try {
    const started = performance.now();
    const index = createItemIndex(library);
    await index.ready;
    figures.push({
      name: `query: search index build, ${count} items (in the background after open)`,
      value: performance.now() - started,
      unit: 'ms',
      better: 'lower',
    });
    const q = (input: Record<string, unknown>) => index.query(ItemQueryInput.parse(input));
    // Warm the sorted order once, as the first grid paint does.
    await q({ limit: 100 });
    const keys: number[] = [];
    for (let round = 0; round < (options.quick ? 3 : 5); round++)
      for (const text of ['r', 'ra', 'rat', 'rath', 'ratha', 'rathau', 'rathaus']) {
        const t0 = performance.now();
        await q({ text, limit: 100 });
        keys.push(performance.now() - t0);
      }
    figures.push({
      name: `query: search keystroke → 100-item window + facet counts, ${count} items (median)`,
      value: median(keys),
      unit: 'ms',
      target: count <= 10_000 ? 30 : 80,
      better: 'lower',
    });
    const clicks: number[] = [];
    const kinds = ['image', 'text', 'document', 'audio', 'video'];
    for (let round = 0; round < (options.quick ? 3 : 5); round++)
      for (const kind of kinds) {
        const t0 = performance.now();
        await q({ filter: { kinds: [kind] }, limit: 100 });
        clicks.push(performance.now() - t0);
      }
    figures.push({
      name: `query: facet click → 100-item window + facet counts, ${count} items (median)`,
      value: median(clicks),
      unit: 'ms',
      target: count <= 10_000 ? 50 : 100,
      better: 'lower',
    });
    figures.push({
      name: `query: resident memory with library and index, ${count} items`,
      value: process.memoryUsage().rss / 2 ** 20,
      unit: 'MB',
      target: count <= 10_000 ? 200 : 400,
      better: 'lower',
    });
    index.dispose();
  } finally {
    await library.close();
  }
  return figures;
}
