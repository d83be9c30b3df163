import { describe, expect, it } from 'vitest';
import { PhrasePatternError, parsePhrasePattern } from '../../src/engine/phrase-pattern';
import { patternProblem } from '../../src/settings/problems';

const reasonOf = (pattern: string) => {
  try {
    parsePhrasePattern(pattern);
  } catch (e) {
    if (e instanceof PhrasePatternError) return e.message;
  }
  throw new Error(`"${pattern}" parsed`);
};

describe('pattern problems', () => {
  // If the engine's wording changes, these fail rather than the popup falling back to English.
  it.each([
    ['   ', 'patternEmpty', {}],
    ['x'.repeat(201), 'errTooLong', { max: 200 }],
    ['a [b', 'patternBadChar', { char: '[' }],
    ['a\u0001b', 'patternBadChar', { char: 'U+0001' }],
    ['(a|b', 'patternUnclosed', {}],
    ['a)', 'patternUnopened', {}],
    ['a|b', 'patternBarOutside', {}],
    ['(a|(b))', 'patternNested', {}],
    ['a ~ b ~ c ~ d', 'patternGaps', { max: 2 }],
    [`(${Array.from({ length: 31 }, (_, i) => `w${i}`).join('|')})`, 'patternAlternatives', { max: 30 }],
    ['(a|)', 'patternNoWord', {}],
    ['send {what asap', 'patternSlot', {}],
    ['send what} asap', 'patternSlot', {}],
    ['send {1what} asap', 'patternSlot', {}],
    ['{v|sideways}ください', 'patternSlot', {}],
    ['send {what} and {what}', 'patternSlot', {}],
  ])('translates the parser’s reason for %j', (pattern, key, params) => {
    expect(patternProblem(reasonOf(pattern))).toEqual({ key, params });
  });

  it('falls back to the reason itself', () => {
    expect(patternProblem('something new')).toEqual({ key: 'patternOther', params: { reason: 'something new' } });
  });
});
