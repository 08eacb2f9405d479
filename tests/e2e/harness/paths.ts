import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout this file belongs to: the nearest folder upwards holding the CLI. Found rather
 * than counted, because `npm run bench` bundles the harness into dist/bench/, where the
 * relative depth differs from tests/e2e/harness/.
 */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'electron', 'bin', 'vitrine.mjs'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no Vitrine checkout above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return `${dir}/`;
}

export const REPO_ROOT = findRepoRoot();
export const CLI_BIN = join(REPO_ROOT, 'electron/bin/vitrine.mjs');
export const RENDERER_DIST = join(REPO_ROOT, 'dist/renderer');
/** Failure artefacts (screenshot, trace, app log, console); ignored by git. */
export const RESULTS_DIR = join(REPO_ROOT, 'test-results/e2e');
export const SCREENSHOTS_DIR = join(REPO_ROOT, 'resources/screenshots');
/** Debian's Chromium; Playwright's own browser download is not reachable here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
