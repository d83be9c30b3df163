import { describe, expect, it } from 'vitest';
import { fold } from '../../src/engine/normalize';
import {
  PhrasePatternError,
  compilePhrasePattern,
  needsJapanese,
  parsePhrasePattern,
  phraseMatches,
} from '../../src/engine/phrase-pattern';

const matches = (pattern: string, text: string) =>
  [...phraseMatches(compilePhrasePattern(pattern), fold(text).text)].map((m) => m[0]);

describe('phrase patterns', () => {
  it('match literal text after folding width, case and apostrophes', () => {
    expect(matches('ASAP', 'Please do it ａｓａｐ!')).toEqual(['asap']);
    expect(matches("don't", 'I don’t')).toEqual(["don't"]);
  });

  it('match alternatives, optional groups and gaps', () => {
    expect(matches('(できません|無理です)(。|)', '無理です。')).toEqual(['無理です。']);
    expect(matches('なぜ~しないのですか', 'なぜテストしないのですか')).toEqual(['なぜてすとしないのですか']);
  });

  it('prefer the longest alternative, whatever order it is written in', () => {
    expect(matches('(できない|できないです)', 'それはできないです。')).toEqual(['できないです']);
  });

  it('anchor to the start or end of the sentence with ^ and $, around punctuation and emoji', () => {
    expect(matches('早くして$', '早くして🙏')).toEqual(['早くして']);
    expect(matches('早くして$', '早くしてもらえると助かります')).toEqual([]);
    expect(matches('^no', '「No, thanks')).toEqual(['no']);
    expect(matches('^no', 'I said no')).toEqual([]);
    expect(() => compilePhrasePattern('a$b')).toThrowError(/"\$" only at the end/);
  });

  it('read katakana and half-width kana as hiragana', () => {
    expect(matches('わかりません', 'ﾜｶﾘﾏｾﾝ')).toEqual(['わかりません']);
    expect(matches('わかりません', 'ワカリマセン。')).toEqual(['わかりません']);
  });

  it('respect Latin word edges only', () => {
    expect(matches('asap', 'asapx')).toEqual([]);
    expect(matches('asap', '至急asapで')).toEqual(['asap']);
  });

  it.each([
    ['', /empty/],
    ['(a|b', /without a closing/],
    ['a)b', /without an opening/],
    ['a|b', /outside a group/],
    ['((a))', /nest/],
    ['a~b~c~d', /more than 2 gaps/],
    ['(a+)+$', /unsupported character/],
    ['x'.repeat(201), /longer than 200/],
    ['(a|)~', /always there/],
  ])('refuse %j with a clear reason', (pattern, reason) => {
    expect(() => compilePhrasePattern(pattern)).toThrowError(PhrasePatternError);
    expect(() => compilePhrasePattern(pattern)).toThrowError(reason);
  });

  it('treat regular-expression characters in user text as literal text', () => {
    expect(matches('a.b (c?|d)', 'axb c')).toEqual([]);
    expect(matches('a.b (c?|d)', 'a.b c?')).toEqual(['a.b c?']);
  });

  it.each([
    ['それはできません', true],
    ['(それは|これは)無理', true],
    ['(ASAP|至急)で', true],
    ['(ASAP|至急)', false],
    ['(ASAP|至急|)で', true],
    ['(ASAP|至急) please', false],
    ['per my last email', false],
  ])('knows whether "%s" needs Japanese script: %s', (pattern, expected) => {
    expect(needsJapanese(parsePhrasePattern(pattern))).toBe(expected);
  });
});

describe('context <…> at the start of a phrase pattern', () => {
  it('is matched but marks where the span starts', () => {
    const m = [...phraseMatches(compilePhrasePattern('<弊社(の|)~(社長|部長)(が|も)~>おっしゃいま'), fold('弊社の社長も、そのようにおっしゃいました').text)][0]!;
    expect(m[0]).toBe('弊社の社長も、そのようにおっしゃいま');
    expect(m.indices!.groups!.span![0]).toBe('弊社の社長も、そのように'.length);
    expect(matches('<弊社の~>おっしゃいま', '先方の部長がおっしゃいました')).toEqual([]);
  });

  it('is refused anywhere but at the start, empty, unclosed, holding a slot, or with nothing after it', () => {
    expect(() => parsePhrasePattern('^<弊社~>おっしゃいま')).not.toThrow();
    expect(() => parsePhrasePattern('おっしゃ<弊社>いま')).toThrow(/"<…>" only once, at the start/);
    expect(() => parsePhrasePattern('<弊社~おっしゃいま')).toThrow(/without a closing ">"/);
    expect(() => parsePhrasePattern('<>おっしゃいま')).toThrow(/empty context/);
    expect(() => parsePhrasePattern('<{who}が>おっしゃいま')).toThrow(/slot in its context/);
    expect(() => parsePhrasePattern('<弊社の>')).toThrow(/needs a phrase after/);
  });
});

describe('choice slots {name=a|b}', () => {
  it('match one of their options, longest first, and bind it for rewrites', () => {
    const m = [...phraseMatches(compilePhrasePattern('{h=ご覧|お越し}になられ{t=た|ていた}'), fold('先日ご覧になられていた件').text)][0]!;
    expect(m[0]).toBe('ご覧になられていた');
    expect([m.groups!.s0, m.groups!.s1]).toEqual(['ご覧', 'ていた']);
  });

  it('count as alternatives, not gaps, and refuse empty or nested options', () => {
    expect(() => parsePhrasePattern('{a=x|y}{b}~{c}')).toThrow(PhrasePatternError);
    expect(() => parsePhrasePattern('{a=x|y}{b}~')).not.toThrow();
    expect(() => parsePhrasePattern('{a=x||y}です')).toThrow(/plain, non-empty/);
    expect(() => parsePhrasePattern('{a=(x|y)}です')).toThrow(/plain, non-empty/);
    expect(() => parsePhrasePattern(`{a=${Array.from({ length: 31 }, (_, i) => `x${i}`).join('|')}}`)).toThrow(/alternatives/);
  });

  it('are enough to key a pattern by (no other required word)', () => {
    expect(needsJapanese(parsePhrasePattern('{h=ご覧|お越し}'))).toBe(true);
  });
});
