import { join } from 'node:path';
import { runSoak } from '../tests/unit/electron/core/web/soak-load';
import type { Figure } from './report';

/**
 * Issue 12: the web host serves 100,000 bounded requests (API, media, events) after a warm-up of
 * 10,000, through the same code as the soak test. Resident memory may grow by ≤ 20 MB and no file
 * descriptor may leak. Uses the CLI that `npm run bench` has just built.
 */
export async function benchSoak(options: {
  root: string;
  log: (s: string) => void;
  requests?: number;
}): Promise<Figure[]> {
  const requests = options.requests ?? 100_000;
  options.log(`soak: ${requests} requests through vitrine web\n`);
  const started = performance.now();
  const result = await runSoak({
    cli: [join(options.root, 'electron', 'bin', 'vitrine.mjs')],
    requests,
    warmup: 10_000,
    log: options.log,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.unexpected.length)
    options.log(`soak: unexpected answers ${result.unexpected.join(', ')}\n`);
  return [
    {
      name: `soak ${requests} requests: RSS growth`,
      value: (result.rssEndBytes - result.rssStartBytes) / 2 ** 20,
      unit: 'MB',
      target: 20,
      better: 'lower',
    },
    {
      name: `soak ${requests} requests: leaked file descriptors`,
      value: Math.max(0, result.fdEnd - result.fdStart),
      unit: 'fds',
      target: 0,
      better: 'lower',
    },
    {
      name: `soak ${requests} requests: failed requests`,
      value: result.failures,
      unit: 'requests',
      target: 0,
      better: 'lower',
    },
    {
      name: `soak ${requests} requests: throughput`,
      value: result.requests / seconds,
      unit: 'requests/s',
      better: 'higher',
    },
  ];
}
