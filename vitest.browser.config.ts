import { defineConfig } from 'vitest/config';

// Real-browser tests: Debian's Chromium driven by playwright-core with the built extension.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 120_000,
    // Waiting for the UI to reach a state is not a speed check: on a busy 2-core CI machine a
    // page can take seconds to re-render after a message, so polls wait up to 15 s (default 1 s).
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
    fileParallelism: false,
    // Each file launches its own Chromium; run them one after another.
    maxWorkers: 1,
  },
});
