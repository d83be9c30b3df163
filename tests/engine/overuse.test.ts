import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { keepOveruse } from '../../src/engine/overuse';

describe('keepOveruse', () => {
  const limit = (id: string) => (id === 'pile' ? 3 : undefined);
  const f = (entryId: string) => ({ entryId });

  it('keeps an overuse entry only when the message holds enough of it, and other entries always', () => {
    expect(keepOveruse([f('pile'), f('other'), f('pile')], limit)).toEqual([f('other')]);
    expect(keepOveruse([f('pile'), f('pile'), f('pile'), f('other')], limit)).toEqual([f('pile'), f('pile'), f('pile'), f('other')]);
    expect(keepOveruse([], limit)).toEqual([]);
  });
});

describe('overuse in the engine', () => {
  const engine = new Engine([
    {
      id: 'ja-test-pile',
      lang: 'ja',
      category: 'etiquette',
      perMessage: 3,
      patterns: ['{n=送付|説明|調整}させていただきま{t=す|した}'],
      rewrites: ['{n}いたしま{t}', '{n}しま{t}'],
      equivalent: 'test',
      why: 'test',
    },
  ]);

  it('counts across the sentences of one message', () => {
    const two = '資料を送付させていただきます。明日ご説明させていただきます。';
    expect(engine.analyze(two)).toEqual([]);
    const three = `${two}日程は調整させていただきます。`;
    expect(engine.analyze(three).map((x) => x.text)).toEqual([
      '送付させていただきます。',
      '説明させていただきます。',
      '調整させていただきます。',
    ]);
    // Sentences are cached one by one: the count is the message's, not the cache's.
    expect(engine.analyze(two)).toEqual([]);
  });
});

describe('overuse beside a mistake on the same words', () => {
  const entry = (id: string, pattern: string, rewrites: string[], perMessage?: number) => ({
    id,
    lang: 'ja' as const,
    category: 'etiquette' as const,
    ...(perMessage ? { perMessage } : {}),
    patterns: [pattern],
    rewrites,
    equivalent: 'test',
    why: 'test',
  });
  const engine = new Engine([
    entry('ja-test-pile', '{n|noun}させていただき{t=ます|ました|、}', ['{n}いたし{t}', '{n}し{t}'], 3),
    entry('ja-test-ukagai', '(お伺い|御伺い)させて(いただきます|頂きます)', ['伺います。', 'お伺いします。']),
  ]);

  it('gives way: a single お伺いさせていただきます is still the mistake it is', () => {
    expect(engine.analyze('明日10時に御社へお伺いさせていただきます。').map((f) => f.entryId)).toEqual(['ja-test-ukagai']);
  });

  it('counts any する noun, お/ご included, and not a one-kanji verb', () => {
    const text = '資料を送付させていただき、明日ご説明させていただきます。日程はお打ち合わせさせていただきます。';
    expect(engine.analyze(text).map((f) => f.text)).toEqual(['送付させていただき、', 'ご説明させていただきます。', 'お打ち合わせさせていただきます。']);
    expect(engine.analyze('資料を見させていただき、明日ご説明させていただきます。日程はお打ち合わせさせていただきます。')).toEqual([]);
  });
});
