import { defineConfig } from 'vitest/config';

// Real-browser tests: Debian's Chromium driven by playwright-core with the built extension.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Each file launches its own Chromium; run them one after another.
    maxWorkers: 1,
  },
});
