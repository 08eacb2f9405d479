import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the real `vitrine web` host and Debian's Chromium through playwright-core.
 * One file at a time in one fork: each test starts its own host and browser context, and two
 * cores cannot run several Chromiums and sharp builds in parallel without flaking.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/harness/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
