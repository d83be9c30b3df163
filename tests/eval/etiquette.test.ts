import { beforeAll, describe, expect, it } from 'vitest';
import { type EvalItem, type SetScore, loadEvalSet, REPO_ROOT, scoreSet } from '../../scripts/eval/measure';
import { type RewriteScore, scoreRewrites } from '../../scripts/eval/rewrites';
import { analyze } from '../../src/engine';

// The bar for the etiquette family (Kuuki issue 10), on its development set
// (tests/eval/etiquette/ja.jsonl): keigo mistakes flagged, correct keigo left alone, and what one
// click leaves neither leaks a slot nor invents a date. `npm run eval` prints the figures per kind;
// the held-out set (tests/eval/etiquette-holdout/) is reported there, never guarded or tuned to.
const BAR = { recall: 0.9, falsePositive: 0.02, kindRecall: 0.6 };
const findings = (text: string) => analyze(text, { langs: ['ja'] });
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const lines = (items: readonly EvalItem[]) => items.map((i) => `\n  line ${i.line} [${i.kind}] ${i.text}`).join('');

describe('etiquette family on tests/eval/etiquette/ja.jsonl', () => {
  let items: EvalItem[];
  let score: SetScore;
  let rewrites: RewriteScore;
  beforeAll(() => {
    items = loadEvalSet('ja', REPO_ROOT, 'etiquette');
    score = scoreSet(items, (t) => findings(t).length > 0);
    rewrites = scoreRewrites('ja', items.filter((i) => i.label === 'blunt').map((i) => i.text), findings);
  }, 120_000);

  it(`flags at least ${pct(BAR.recall)} of the mistakes`, () => {
    expect(score.recall.rate, `recall ${score.recall.hits}/${score.recall.total}; missed:${lines(score.missed)}`).toBeGreaterThanOrEqual(
      BAR.recall,
    );
  });

  it(`flags at most ${pct(BAR.falsePositive)} of the correct sentences`, () => {
    expect(
      score.falsePositive.rate,
      `false positives ${score.falsePositive.hits}/${score.falsePositive.total}:${lines(score.falseAlarms)}`,
    ).toBeLessThanOrEqual(BAR.falsePositive);
  });

  it(`flags at least ${pct(BAR.kindRecall)} of the mistakes of every kind`, () => {
    const kinds = [...new Set(items.map((i) => i.kind ?? ''))];
    const weak = kinds.flatMap((kind) => {
      const s = scoreSet(items.filter((i) => (i.kind ?? '') === kind), (t) => findings(t).length > 0);
      return s.recall.rate < BAR.kindRecall ? [`${kind} ${s.recall.hits}/${s.recall.total}`] : [];
    });
    expect(weak).toEqual([]);
  });

  it('never leaks a slot or invents a date or time in what one click leaves', () => {
    expect(rewrites.leaks).toEqual([]);
    expect(rewrites.invented).toEqual([]);
  });
});
