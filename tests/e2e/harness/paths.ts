import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI_BIN = join(REPO_ROOT, 'electron/bin/vitrine.mjs');
export const RENDERER_DIST = join(REPO_ROOT, 'dist/renderer');
/** Failure artefacts (screenshot, trace, app log, console); ignored by git. */
export const RESULTS_DIR = join(REPO_ROOT, 'test-results/e2e');
export const SCREENSHOTS_DIR = join(REPO_ROOT, 'resources/screenshots');
/** Debian's Chromium; Playwright's own browser download is not reachable here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
