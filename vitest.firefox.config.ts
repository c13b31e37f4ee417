import { defineConfig } from 'vitest/config';

// Real-Firefox tests: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi with the
// Firefox build of the extension. Each file says plainly that it was skipped where Firefox is absent.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/firefox/global-setup.ts'],
    testTimeout: 360_000,
    // Waiting for the UI is not a speed check: on a busy 2-core machine a page can take seconds.
    expect: { poll: { timeout: 20_000, interval: 150 } },
    hookTimeout: 240_000,
    fileParallelism: false,
    // Each file launches its own Firefox; run them one after another.
    maxWorkers: 1,
  },
});
