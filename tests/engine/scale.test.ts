import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { builtinEntries } from '../../src/phrasebook/builtin';
import { WORST_CASES } from '../../scripts/bench/worst-cases';

// Every engine path is near-linear in its input: 16× the text may cost at most 20× the time, and
// 4× more text (from 4× to 16×) at most 10× (tiny inputs are mostly fixed cost, so both are asked;
// quadratic growth gives 256× and 16×, linear 16× and 4×, and a loaded CI machine was seen at 6×).
// Ratios, not timings, so a slow or busy machine does not fail them; each size is timed three times
// on a cold cache and the faster run counts.
const engine = new Engine(builtinEntries());
function timed(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    engine.clearCache();
    const t = performance.now();
    engine.analyze(text);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('input shapes that were superlinear', () => {
  it.each(WORST_CASES.map((c) => [c.name, c] as const))('%s grows near-linearly', (_name, c) => {
    const [one, four, sixteen] = [1, 4, 16].map((k) => timed(c.make(c.base * k))) as [number, number, number];
    const figures = `1×: ${one.toFixed(1)} ms, 4×: ${four.toFixed(1)} ms, 16×: ${sixteen.toFixed(1)} ms`;
    // Tiny inputs are all overhead; measure from a floor of 2 ms.
    const growth = Math.min(sixteen / Math.max(one, 2), (4 * sixteen) / Math.max(four, 2));
    expect(growth, figures).toBeLessThanOrEqual(20);
    expect(sixteen / Math.max(four, 2), figures).toBeLessThanOrEqual(10);
  }, 60_000);

  it('finishes a 1 MB line', () => {
    const line = WORST_CASES[0]!.make(20_000).slice(0, 1_000_000);
    const t = timed(line);
    expect(t).toBeLessThan(30_000);
  }, 90_000);
});
