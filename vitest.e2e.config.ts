import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the real `vitrine web` host and Debian's Chromium through playwright-core.
 * Two files at a time, each in its own fork with its own Chromium: one file spends most of its
 * time waiting (a browser on a host, a host on the disk) and keeps about one core busy, so a
 * second fork uses CI's other core. This is safe because every file has its own ports (port 0),
 * temporary folders, app data and artefact names, and every wait is tied to an event the app
 * reports with a generous bound, never to a fixed time.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/harness/global-setup.ts'],
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
