import fc from 'fast-check';
import nlp from 'compromise/two';
import { describe, expect, it } from 'vitest';
import { compileEnglishPattern } from '../../src/engine/english';
import { type MatchToken, Prefilter } from '../../src/engine/english-prefilter';
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
    ['^(ok|so)? #Person? #Imperative (it|us|this) .{0,40}', 'Send it over now.', true],
    ['^(ok|so)? #Person? #Imperative (it|us|this) .{0,40}', 'John, send us the file.', true],
    ['^(ok|so)? #Person? #Imperative (it|us|this) .{0,40}', 'Is it possible to send it?', false],
    ['^(ok|so)? #Person? #Imperative (it|us|this) .{0,40}', 'Does this compile?', false],
    ['(you|u) #Copula (wrong && @hasComma) .{0,40}', 'You are wrong, read it again.', true],
    ['(you|u) #Copula (wrong && @hasComma) .{0,40}', 'You are wrong.', false],
    ['#Imperative it .*? @hasComma (please|now)', 'Send it over, please.', true],
  ])('%s on "%s" → %s, as compromise says', (pattern, text, expected) => {
    expect(compromiseFinds(pattern, text)).toBe(expected);
    expect(found(pattern, text)).toBe(expected);
  });

  // Sentences made of words the prefilter treats specially (closed-class words, contractions,
  // verbs, anchors' neighbours) against patterns using each of its rules.
  it('agrees with compromise on generated sentences', () => {
    const patterns = [
      '^(ok|so)? #Person? #Imperative (me|us|it|this|that|them) .{0,40}',
      '^(so|just)? #Infinitive (it|this) (now|again)?$',
      '^(no way|so what|not now)$',
      '(you|u) #Adverb? (did|do) not (fix|send) (it|this) .{0,40}',
    ];
    const word = fc.constantFrom(
      'ok', 'so', 'just', 'John', 'send', 'fix', 'show', 'do', 'is', 'can', 'you', 'it', "it's", 'this', 'that',
      'us', 'me', 'them', 'the', 'what', 'not', "don't", 'did', 'now', 'again', 'no', 'way', 'please', 'never',
    );
    const sentence = fc
      .tuple(fc.array(word, { minLength: 1, maxLength: 7 }), fc.constantFrom('.', '?', '!', '', '. Fix it.'))
      .map(([words, end]) => words.join(' ') + end);
    fc.assert(
      fc.property(sentence, fc.constantFrom(...patterns), (text, pattern) => found(pattern, text) === compromiseFinds(pattern, text)),
      { numRuns: 1500 },
    );
  }, 60_000);

  // Every built-in English pattern against every example and near-miss of its own entry.
  const cases = builtinEntries()
    .filter((e) => e.lang === 'en')
    .flatMap((e) => e.patterns.flatMap((p) => [...e.examples.map((x) => x.text), ...e.nearMisses].map((t) => [e.id, p, t] as const)));
  it(`agrees with compromise on ${cases.length} pattern × sentence pairs of the phrasebook`, () => {
    const disagreements = cases.filter(([, p, t]) => found(p, t) !== compromiseFinds(p, t));
    expect(disagreements).toEqual([]);
  }, 120_000);
});

describe('English prefilter skips', () => {
  const admits = (pattern: string, text: string) =>
    new Prefilter(nlp.parseMatch(pattern) as unknown as MatchToken[]).admits(new Sentence(text).words);

  it.each([
    ['you always (forget|ignore) .{0,40}', 'Thanks, I always remember.', 'a sentence without a required word'],
    ['^(so|ok)? (just|simply) #Verb .{0,40}', 'I will just check it.', 'an anchored pattern whose word comes too late'],
    ['^(so what|irrelevant)$', 'So what time is the call?', 'a sentence too long for a pattern anchored at both ends'],
    ['^(out of the question|no way)$', 'Good question.', 'an alternative with only some of its words'],
    ['^(ok|so)? #Person? #Imperative (it|us) .{0,40}', 'Is it possible?', 'a word after a finite auxiliary where a base verb must be'],
    ['(this|the) #Copula #Adverb*? (terrible && @hasComma)', 'This is bad, I think.', 'a sentence without the word of an && group'],
    ['(this|the) #Copula #Adverb*? (terrible && @hasComma)', 'This is terrible.', 'a sentence without the comma @hasComma needs'],
    ['#Imperative it .*? @hasComma (please|now)', 'Send it over now.', 'a sentence without the comma @hasComma needs'],
  ])('%s on "%s": %s', (pattern, text) => {
    expect(admits(pattern, text)).toBe(false);
  });
});
