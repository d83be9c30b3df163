import { defineConfig } from 'vitest/config';

// Only the phrasebook's quality guard (recall and false positives; `npm test` runs it too).
export default defineConfig({
  test: { include: ['tests/eval/**/*.test.ts'], testTimeout: 60_000 },
});
