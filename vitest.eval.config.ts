import { defineConfig } from 'vitest/config';

// Only the phrasebook's quality guards: recall and false positives, and what one click leaves of
// a sentence (`npm test` runs them too).
export default defineConfig({
  test: { include: ['tests/eval/**/*.test.ts'], globalSetup: ['tests/setup/precompile.ts'], testTimeout: 60_000 },
});
