import nlp from 'compromise/two';
import { describe, expect, it } from 'vitest';
import { compileEnglishPattern } from '../../src/engine/english';
import { Sentence } from '../../src/engine/sentence';
import { builtinEntries } from '../../src/phrasebook/builtin';

/**
 * The English matcher skips sentences by words, word places and length before asking
 * compromise. Skipping must never hide a match compromise itself would find.
 */
const memo = <T>(make: (key: string) => T) => {
  const cache = new Map<string, T>();
  return (key: string) => cache.get(key) ?? cache.set(key, make(key)).get(key)!;
};
const matcher = memo(compileEnglishPattern);
const sentence = memo((text) => new Sentence(text));
const tagged = memo((text) => nlp(text));
const found = (pattern: string, text: string) => matcher(pattern).find(sentence(text)).length > 0;
const compromiseFinds = (pattern: string, text: string) => tagged(text).match(pattern).found;

describe('English prefilter', () => {
  it.each([
    ['^(ok|so)? #Verb (it|this) .{0,40}', 'Ok fix it now.', true],
    ['^(ok|so)? #Verb (it|this) .{0,40}', 'So fix this.', true],
    ['^(ok|so)? #Imperative (it|this) .{0,40}', 'I think we should fix it.', false],
    ['^(irrelevant|so what)$', 'So what?', true],
    ['^(irrelevant|so what)$', 'So what is the plan for today?', false],
    ['^(do not|never) touch .{0,40}', "Don't touch the config.", true],
    ['^(does not|not) work$', "Doesn't work.", true],
    ['^you are joking$', "You're joking.", true],
    ['^(out of the question|no way)$', 'Out of the question!', true],
    ['^(out of the question|no way)$', 'That question is out of scope.', false],
    ['^(ok|so)? #Imperative (it|this) .{0,40}', 'Fine. Fix it.', true], // compromise splits sentences too
  ])('%s on "%s" → %s, as compromise says', (pattern, text, expected) => {
    expect(compromiseFinds(pattern, text)).toBe(expected);
    expect(found(pattern, text)).toBe(expected);
  });

  // Every built-in English pattern against every example and near-miss of its own entry.
  const cases = builtinEntries()
    .filter((e) => e.lang === 'en')
    .flatMap((e) => e.patterns.flatMap((p) => [...e.examples, ...e.nearMisses].map((t) => [e.id, p, t] as const)));
  it(`agrees with compromise on ${cases.length} pattern × sentence pairs of the phrasebook`, () => {
    const disagreements = cases.filter(([, p, t]) => found(p, t) !== compromiseFinds(p, t));
    expect(disagreements).toEqual([]);
  }, 120_000);
});
