import { defineConfig } from 'vitest/config';

// The phrasebook's quality guard: recall and false positives on tests/eval (see vitest.config.ts).
export default defineConfig({
  test: { include: ['tests/eval/**/*.test.ts'], testTimeout: 60_000 },
});
