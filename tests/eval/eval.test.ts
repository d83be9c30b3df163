import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type EvalItem,
  type EvalLang,
  FAMILIES,
  type QuartileShares,
  type Rate,
  REPO_ROOT,
  STANFORD_WIKIPEDIA,
  type SetScore,
  loadEvalSet,
  loadPolitenessCorpus,
  parseCsv,
  parseEvalSet,
  parsePolitenessCorpus,
  quartileShares,
  scoreSet,
} from '../../scripts/eval/measure';
import { afterOneClickEach, contentTokens, inventedSpecifics, retention, scoreRewrites } from '../../scripts/eval/rewrites';
import { analyze } from '../../src/engine';

// The quality bar. `npm run eval -- --verbose` shows the figures and the lines behind them.
const MIN_RECALL: Record<EvalLang, number> = { en: 0.85, ja: 0.8 };
const MAX_FALSE_POSITIVE = 0.03;
const MIN_STANFORD_RATIO = 4;
const MAX_STANFORD_POLITE_SHARE = 0.05;

const flaggedIn = (lang: EvalLang) => (text: string) => analyze(text, { langs: [lang] }).length > 0;
const show = (r: Rate) => `${(r.rate * 100).toFixed(1)}% (${r.hits}/${r.total})`;
const list = (items: readonly EvalItem[], max = 15) =>
  items
    .slice(0, max)
    .map((i) => `\n  line ${i.line} [${i.family}] ${i.text}`)
    .join('') + (items.length > max ? `\n  … and ${items.length - max} more` : '');

describe('evaluation sets', () => {
  const minimums = {
    en: { total: 200, blunt: 120, polite: 70, perFamily: 10 },
    ja: { total: 180, blunt: 100, polite: 60, perFamily: 8 },
  };

  for (const lang of ['en', 'ja'] as const) {
    it(`tests/eval/${lang}.jsonl is well formed, large enough and covers every family`, () => {
      const items = loadEvalSet(lang);
      const min = minimums[lang];
      const blunt = items.filter((i) => i.label === 'blunt');
      expect(items.length).toBeGreaterThanOrEqual(min.total);
      expect(blunt.length).toBeGreaterThanOrEqual(min.blunt);
      expect(items.length - blunt.length).toBeGreaterThanOrEqual(min.polite);
      for (const family of FAMILIES)
        expect(blunt.filter((i) => i.family === family).length, `blunt lines in ${family}`).toBeGreaterThanOrEqual(
          min.perFamily,
        );
      const seen = new Map<string, number>();
      for (const i of items) {
        expect(seen.get(i.text), `line ${i.line} repeats line ${seen.get(i.text)}`).toBeUndefined();
        seen.set(i.text, i.line);
      }
    });
  }

  it('rejects malformed lines, naming the line', () => {
    expect(() => parseEvalSet('{"text":"a","label":"blunt","family":"criticism"}\n{"text":"b"', 'x')).toThrow(
      /x:2: invalid JSON/,
    );
    expect(() => parseEvalSet('{"text":"a","label":"rude","family":"criticism"}')).toThrow(/:1: "label"/);
    expect(() => parseEvalSet('{"text":"a","label":"blunt","family":"sarcasm"}')).toThrow(/unknown family/);
    expect(() => parseEvalSet('{"text":"a","label":"blunt","family":"neutral"}')).toThrow(/real family/);
    expect(() => parseEvalSet('{"text":"a","label":"polite","family":"neutral","register":"boss"}')).toThrow(/:1: "register"/);
    expect(parseEvalSet('{"text":"a","label":"polite","family":"neutral","register":"teammate"}')[0]!.register).toBe('teammate');
    expect(parseEvalSet('\n{"text":"a","label":"polite","family":"neutral"}\n\n')).toEqual([
      { text: 'a', label: 'polite', family: 'neutral', line: 2 },
    ]);
  });
});

describe('scoring', () => {
  it('counts recall on blunt lines and false positives on polite lines, per family', () => {
    const items = parseEvalSet(
      [
        { text: 'B1', label: 'blunt', family: 'blame' },
        { text: 'b2', label: 'blunt', family: 'blame' },
        { text: 'B3', label: 'blunt', family: 'refusal' },
        { text: 'P1', label: 'polite', family: 'blame' },
        { text: 'p2', label: 'polite', family: 'neutral' },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    const score = scoreSet(items, (t) => t === t.toUpperCase());
    expect(score.recall).toEqual({ hits: 2, total: 3, rate: 2 / 3 });
    expect(score.falsePositive).toEqual({ hits: 1, total: 2, rate: 0.5 });
    expect(score.families.map((f) => [f.family, f.recall.hits, f.recall.total, f.falsePositive.hits])).toEqual([
      ['refusal', 1, 1, 0],
      ['blame', 1, 2, 1],
      ['neutral', 0, 0, 0],
    ]);
    expect(score.missed.map((i) => i.text)).toEqual(['b2']);
    expect(score.falseAlarms.map((i) => i.text)).toEqual(['P1']);
  });

  it('takes the lowest and highest quarter of scores for the quartile shares', () => {
    const requests = [0.5, -2, 3, -1, 0, 1, 2, -3].map((score, i) => ({ id: String(i), request: `r${score}`, score }));
    const q = quartileShares(requests, (t) => t === 'r-3' || t === 'r-2' || t === 'r3');
    expect(q.impolite).toEqual({ hits: 2, total: 2, rate: 1 });
    expect(q.polite).toEqual({ hits: 1, total: 2, rate: 0.5 });
    expect(q.ratio).toBe(2);
  });
});

describe('what one click leaves of a sentence', () => {
  it('counts the writer’s content, not the tone words a softening drops', () => {
    expect(contentTokens('en', 'You must send the contract to legal by Thursday.')).toEqual(['send', 'contract', 'legal', 'thursday']);
    expect(contentTokens('ja', '金曜の15時までに見積もりを出してください。')).toEqual(['金曜', '15時', '見積', '出']);
    expect(retention('en', 'You must send the contract to legal by Thursday.', 'Could you send the contract to legal by Thursday?')).toBe(1);
    expect(retention('en', 'You must send the contract to legal by Thursday.', 'It might help to take a look at this when you have a chance.')).toBe(0);
    expect(retention('ja', '明日までに資料を送ってください。', '恐れ入りますが、本日中にお送りいただけますと大変助かります。')).toBe(1 / 3);
    expect(retention('en', 'Whatever.', 'Sure.')).toBe(1);
  });

  it('finds time words a rewrite invented', () => {
    expect(inventedSpecifics('ja', '金曜の15時までに見積もりを出してください。', '恐れ入りますが、本日中にお送りいただけますと大変助かります。')).toEqual(['本日中']);
    expect(inventedSpecifics('en', 'Send it by Friday.', 'Could you send it by Friday?')).toEqual([]);
    expect(inventedSpecifics('en', 'Send it.', 'Could you send it today?')).toEqual(['today']);
  });

  it('replaces every finding, right to left, and scores leaks and what is still flagged', () => {
    const text = 'ab cd ef';
    const findings = [
      { start: 0, end: 2, rewrites: ['AB'] },
      { start: 6, end: 8, rewrites: ['{x}'] },
    ];
    expect(afterOneClickEach(text, findings)).toBe('AB cd {x}');
    const score = scoreRewrites('en', [text, 'clean'], (t) => (t === text ? findings : []));
    expect([score.lines, score.leaks.length, score.quiet]).toEqual([1, 1, 1]);
  });
});

describe('CSV parser', () => {
  it('handles quotes, commas, doubled quotes and line breaks inside quoted fields', () => {
    const csv =
      'a,b,c\r\n' +
      '1,"hello, world","she said ""hi"""\r\n' +
      '2,"line one\nline two\r\nline three",\n' +
      '3,"",""""\n' +
      '"4",plain text with \'single\' quotes,"ends, with, commas,"';
    expect(parseCsv(csv)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'hello, world', 'she said "hi"'],
      ['2', 'line one\nline two\r\nline three', ''],
      ['3', '', '"'],
      ['4', "plain text with 'single' quotes", 'ends, with, commas,'],
    ]);
  });

  it('keeps a trailing newline and a byte-order mark from adding rows or characters', () => {
    expect(parseCsv('\uFEFFx,y\n1,2\n')).toEqual([
      ['x', 'y'],
      ['1', '2'],
    ]);
  });

  it('throws on an unterminated quoted field', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/inside a quoted field/);
  });

  it('reads corpus rows by column name', () => {
    const csv =
      'Community,Id,Request,Score1,Normalized Score\n' +
      'Wikipedia,7,"Could you, please, fix the ""<url>"" link?\nThanks!",20,0.75\n' +
      'Wikipedia,8,Why?,5,-1.5\n';
    expect(parsePolitenessCorpus(csv)).toEqual([
      { id: '7', request: 'Could you, please, fix the "<url>" link?\nThanks!', score: 0.75 },
      { id: '8', request: 'Why?', score: -1.5 },
    ]);
    expect(() => parsePolitenessCorpus('Id,Request,Normalized Score\n1,hi,n/a\n')).toThrow(/row 2/);
  });
});

for (const lang of ['en', 'ja'] as const) {
  describe(`engine on tests/eval/${lang}.jsonl`, () => {
    let score: SetScore;
    beforeAll(() => {
      score = scoreSet(loadEvalSet(lang), flaggedIn(lang));
    });

    it(`flags at least ${MIN_RECALL[lang] * 100}% of the blunt lines`, () => {
      expect(
        score.recall.rate,
        `recall ${show(score.recall)}; missed (${score.missed.length}):${list(score.missed)}`,
      ).toBeGreaterThanOrEqual(MIN_RECALL[lang]);
    });

    it(`flags at most ${MAX_FALSE_POSITIVE * 100}% of the polite lines`, () => {
      expect(
        score.falsePositive.rate,
        `false-positive rate ${show(score.falsePositive)}; flagged:${list(score.falseAlarms)}`,
      ).toBeLessThanOrEqual(MAX_FALSE_POSITIVE);
    });
  });
}

const stanford = STANFORD_WIKIPEDIA();
const stanfordMissing = !existsSync(stanford);
if (stanfordMissing)
  console.warn(
    `Skipping the Stanford Politeness Corpus checks: ${path.relative(REPO_ROOT, stanford)} not found ` +
      `(expected at ../shared/data/stanford-politeness/ beside the repository).`,
  );

describe.skipIf(stanfordMissing)('engine on the Stanford Politeness Corpus (Wikipedia, English)', () => {
  let q: QuartileShares;
  beforeAll(() => {
    const requests = loadPolitenessCorpus(stanford);
    expect(requests.length).toBe(4353);
    q = quartileShares(requests, flaggedIn('en'));
  }, 120_000);

  it(`flags the most impolite quartile at least ${MIN_STANFORD_RATIO}× as often as the most polite`, () => {
    const figures = `impolite quartile ${show(q.impolite)}, polite quartile ${show(q.polite)}`;
    // With no flags at all there is no separation, even though 0 ≥ 4 × 0.
    expect(q.impolite.hits, `${figures}: nothing flagged in the impolite quartile`).toBeGreaterThan(0);
    expect(q.impolite.rate, figures).toBeGreaterThanOrEqual(MIN_STANFORD_RATIO * q.polite.rate);
  });

  it(`flags at most ${MAX_STANFORD_POLITE_SHARE * 100}% of the most polite quartile`, () => {
    expect(q.polite.rate, `polite quartile ${show(q.polite)}`).toBeLessThanOrEqual(MAX_STANFORD_POLITE_SHARE);
  });
});
