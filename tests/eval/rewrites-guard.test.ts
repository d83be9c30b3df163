import { beforeAll, describe, expect, it } from 'vitest';
import { type EvalLang, REPO_ROOT, type SetScore, loadEvalSet, scoreSet } from '../../scripts/eval/measure';
import { type RewriteScore, scoreRewrites } from '../../scripts/eval/rewrites';
import { analyze } from '../../src/engine';

// The bar for rewrites, on the development set with specifics (tests/eval/specifics/): flagged
// blunt lines, after one click on every finding, keep the writer's words and read as clean.
// `npm run eval -- --pairs` shows every before → after. The held-out set is reported, not guarded.
const BAR = { recall: 0.9, falsePositive: 0.03, retention: 0.95, quiet: 0.9 };
const findingsIn = (lang: EvalLang) => (text: string) => analyze(text, { langs: [lang] });
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

for (const lang of ['en', 'ja'] as const) {
  describe(`rewrites on tests/eval/specifics/${lang}.jsonl`, () => {
    let set: SetScore;
    let rewrites: RewriteScore;
    beforeAll(() => {
      const items = loadEvalSet(lang, REPO_ROOT, 'specifics');
      set = scoreSet(items, (t) => findingsIn(lang)(t).length > 0);
      rewrites = scoreRewrites(lang, items.filter((i) => i.label === 'blunt').map((i) => i.text), findingsIn(lang));
    }, 120_000);

    it(`flags at least ${pct(BAR.recall)} of the blunt lines and at most ${pct(BAR.falsePositive)} of the polite ones`, () => {
      expect(set.recall.rate, `missed: ${set.missed.map((m) => m.line).join(', ')}`).toBeGreaterThanOrEqual(BAR.recall);
      expect(set.falsePositive.rate, `flagged: ${set.falseAlarms.map((m) => m.line).join(', ')}`).toBeLessThanOrEqual(BAR.falsePositive);
    });

    it(`keeps at least ${pct(BAR.retention)} of the writer's content words, on average`, () => {
      const weakest = [...rewrites.pairs].sort((a, b) => a.retention - b.retention).slice(0, 5);
      expect(rewrites.retention, weakest.map((p) => `\n  ${pct(p.retention)}: ${p.text} → ${p.after}`).join('')).toBeGreaterThanOrEqual(
        BAR.retention,
      );
    });

    it('never leaks a slot or invents a date or time', () => {
      expect(rewrites.leaks).toEqual([]);
      expect(rewrites.invented).toEqual([]);
    });

    it(`leaves at least ${pct(BAR.quiet)} of the results unflagged`, () => {
      expect(rewrites.quiet).toBeGreaterThanOrEqual(BAR.quiet);
    });
  });
}
