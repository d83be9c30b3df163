import { defineConfig } from 'vitest/config';

// Browser tests: one browser (Chromium, or Firefox in *.firefox.test.ts) per file, files one after
// another (two cores; browsers are heavy).
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
