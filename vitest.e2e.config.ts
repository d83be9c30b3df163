import { defineConfig } from 'vitest/config';

// Browser tests: one Chromium per file, files one after another (two cores; Chromium is heavy).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/e2e-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 4000 } },
  },
});
