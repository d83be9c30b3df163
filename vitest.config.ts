import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // tests/eval guards the phrasebook's recall targets; it joins `npm test` once English recall
    // reaches its 85% target (83.6% now). Run it with `npm run test:eval`.
    exclude: ['tests/e2e/**', 'tests/eval/**'],
  },
});
