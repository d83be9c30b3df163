import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { PatternError } from '../../src/engine/types';

const entry = {
  id: 'ja-test-dearu',
  lang: 'ja' as const,
  category: 'etiquette' as const,
  patterns: ['である$'],
  mixedWith: ['(ます|です)$'],
  rewrites: ['です。', 'でございます。'],
  equivalent: 'test',
  why: 'test',
};

describe('mixed styles in one message', () => {
  const engine = new Engine([entry]);

  it('flags である only when another sentence of the message is in です・ます', () => {
    expect(engine.analyze('これは最新版である。')).toEqual([]);
    expect(engine.analyze('本書の目的は整理である。結論は第3章に示す。')).toEqual([]);
    expect(engine.analyze('資料を添付します。これは最新版である。').map((f) => f.text)).toEqual(['である。']);
    // The sentence's own ending does not count as the other style.
    expect(engine.analyze('これは最新版であると思います。')).toEqual([]);
  });

  it('names the entry and field of a mixedWith pattern that does not compile', () => {
    expect(() => new Engine([{ ...entry, mixedWith: ['(ます'] }])).toThrow(PatternError);
  });
});
