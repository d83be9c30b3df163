import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import nlp from 'compromise/two';
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/engine/segment';
import { plainTerms } from '../../src/engine/sentence';
import { builtinEntries } from '../../src/phrasebook/builtin';

/**
 * The English prefilter reads plain sentences without compromise, so that compromise is loaded
 * only when a sentence needs tagging. Where it does, it must give exactly compromise's terms.
 */
const compromiseTerms = (text: string) =>
  (nlp.tokenize(text).docs as unknown as { normal?: string; machine?: string }[][]).map((terms) =>
    terms.map((t) => [...new Set([t.normal, t.machine].filter(Boolean))]),
  );

function lines(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((f) => {
    const file = path.join(dir, f.name);
    if (f.isDirectory()) return lines(file);
    if (!f.name.endsWith('.jsonl')) return [];
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string);
  });
}

const sentencesOf = (text: string) => segment(text).map((s) => text.slice(s.start, s.end));

describe('plain sentences read without compromise', () => {
  const entries = builtinEntries().filter((e) => e.lang === 'en');
  const politeness = path.resolve('..', 'shared', 'data', 'stanford-politeness', 'stack-exchange.annotated.csv');
  const texts = [
    ...lines('tests/eval'),
    ...entries.flatMap((e) => [...e.examples.map((x) => x.text), ...e.nearMisses]),
    readFileSync('scripts/bench/email.txt', 'utf8'),
    ...(existsSync(politeness) ? [readFileSync(politeness, 'utf8').slice(0, 400_000)] : []),
  ].flatMap(sentencesOf);

  it(`give compromise's terms for every plain sentence of the evaluation sets, the phrasebook and the bench texts`, () => {
    const plain = texts.filter((t) => plainTerms(t));
    // Most English sentences are plain: the shortcut is worth having.
    expect(plain.length).toBeGreaterThan(texts.length / 5);
    const differ = plain.filter((t) => JSON.stringify(plainTerms(t)) !== JSON.stringify(compromiseTerms(t)));
    expect(differ).toEqual([]);
  }, 120_000);

  it("give compromise's terms on generated sentences of tricky words and punctuation", () => {
    const word = fc.constantFrom('ok', 'It', 'I', 'u', 'the', 'WAIT', 'gonna', 'wanna', 'cannot', 'im', 'dont', 'doesnt', 'tis', 'Mr', 'eg', 'a', 'x');
    const wrap = fc.constantFrom('w', '"w"', '(w)', '[w]', 'w,', 'w;', 'w:', 'w.', 'w!', 'w?', 'w...', '\u201cw\u201d', 'w)', '(w', 'w".', 'w?!', 'w:)', "w's", 'w-w', 'w2');
    const token = fc.tuple(word, wrap).map(([w, shape]) => shape.replace(/w/g, w));
    const sentence = fc.array(token, { minLength: 1, maxLength: 6 }).chain((ts) => fc.constantFrom(' ', '  ').map((gap) => ts.join(gap)));
    fc.assert(
      fc.property(sentence, (text) => {
        const plain = plainTerms(text);
        return !plain || JSON.stringify(plain) === JSON.stringify(compromiseTerms(text));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it("leave every word compromise splits into terms to compromise (its contractions without an apostrophe)", () => {
    const { contractions } = (nlp.world() as unknown as { model: { one: { contractions: { word?: string }[] } } }).model.one;
    const words = contractions.map((c) => c.word).filter((w): w is string => !!w && /^[a-z]+$/i.test(w));
    expect(words.length).toBeGreaterThan(20);
    expect(words.filter((w) => plainTerms(`${w} now`))).toEqual([]);
  });
});
