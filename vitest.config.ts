import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/setup-i18n.ts'],
    testTimeout: 30000,
  },
});
