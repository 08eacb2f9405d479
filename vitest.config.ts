import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // Real folders, real sharp and child processes: give slow disks room without hiding hangs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Both cores: Vitest's default leaves one idle on a 2-core machine, and most unit files wait
    // on disk and child processes as much as they compute.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
